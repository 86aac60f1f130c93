import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, KnowledgeError, loadKnowledge } from '../../src/knowledge/loader.js';

const PLAN_IDS = ['thai-binh-cdyt', 'thai-binh', 'bac-kan-vp', 'cu-chi', 'tay-ninh', 'khanh-hoa'];

describe('loadKnowledge on the committed plans', () => {
  const knowledge = loadKnowledge();

  it('loads and validates all six plans, in document order', () => {
    expect(knowledge.plans.map((p) => p.id)).toEqual(PLAN_IDS);
  });

  it('finds a plan by id', () => {
    expect(knowledge.plan('cu-chi')?.shortName).toBe('Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi');
    expect(knowledge.plan('ha-noi')).toBeUndefined();
  });

  it('keeps number and date null where the document leaves them blank', () => {
    const blank = knowledge.plans.filter((p) => p.number === null || p.date === null).map((p) => [p.id, p.number, p.date]);
    expect(blank).toEqual([
      ['bac-kan-vp', null, null],
      ['tay-ninh', null, null],
      ['khanh-hoa', null, null],
    ]);
    expect(knowledge.plan('thai-binh')).toMatchObject({ number: '62/KH-UBND', date: '2024-03-27' });
    expect(knowledge.plan('thai-binh-cdyt')).toMatchObject({ number: '209/CDYT', date: '2024-04-26', kind: 'cong-van' });
  });

  it('splits file 000 into the union letter and the provincial plan by lines', () => {
    const letter = knowledge.plan('thai-binh-cdyt')!;
    const plan = knowledge.plan('thai-binh')!;
    expect(letter.source.file).toBe(plan.source.file);
    expect(letter.source.toLine).toBeLessThan(plan.source.fromLine);
  });
});

describe('loadKnowledge on a malformed copy', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-knowledge-'));
    cpSync(join(DEFAULT_DATA_DIR, 'plans'), join(dir, 'plans'), { recursive: true });
    cpSync(join(DEFAULT_DATA_DIR, 'sources'), join(dir, 'sources'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (id: string, change: (plan: Record<string, any>) => void): void => {
    const file = join(dir, 'plans', `${id}.json`);
    const plan = JSON.parse(readFileSync(file, 'utf8'));
    change(plan);
    writeFileSync(file, JSON.stringify(plan));
  };

  /** The error thrown by loading the copy. */
  const loadError = (): KnowledgeError => {
    try {
      loadKnowledge({ dataDir: dir });
    } catch (err) {
      expect(err).toBeInstanceOf(KnowledgeError);
      return err as KnowledgeError;
    }
    throw new Error('expected the load to fail');
  };

  it('loads an unchanged copy from another directory', () => {
    expect(loadKnowledge({ dataDir: dir }).plans).toHaveLength(6);
  });

  it('names the file and the field of a schema violation', () => {
    edit('tay-ninh', (p) => {
      p.criteria[2].items[0] = 42;
    });
    const err = loadError();
    expect(err.message).toMatch(/plans\/tay-ninh\.json: criteria\[2\]\.items\[0\]: /);
    expect(err.field).toBe('criteria[2].items[0]');
  });

  it('names a missing required field', () => {
    edit('cu-chi', (p) => {
      delete p.shortName;
    });
    expect(loadError().message).toMatch(/plans\/cu-chi\.json: shortName: /);
  });

  it('rejects a deadline date that is not ISO', () => {
    edit('cu-chi', (p) => {
      p.deadlines[8].when.date = '20/11/2024';
    });
    expect(loadError().message).toMatch(/cu-chi\.json: deadlines\[8\]\.when\.date: ISO date YYYY-MM-DD/);
  });

  it('rejects a cited section that does not exist', () => {
    edit('khanh-hoa', (p) => {
      p.awards[1].section = 'III.9';
    });
    expect(loadError().message).toBe(`${join(dir, 'plans', 'khanh-hoa.json')}: awards[1].section: section "III.9" does not exist in sections`);
  });

  it('rejects a section id used twice', () => {
    edit('bac-kan-vp', (p) => {
      p.sections[2].children[1].id = 'II.1';
    });
    expect(loadError().message).toMatch(/bac-kan-vp\.json: sections\[2\]\.children\[1\]\.id: section id "II\.1" is used twice \(first at sections\[2\]\.children\[0\]\.id\)/);
  });

  it('rejects a plan whose id is not its file name', () => {
    edit('thai-binh', (p) => {
      p.id = 'thaibinh';
    });
    expect(loadError().message).toMatch(/thai-binh\.json: id: "thaibinh" must equal the file name "thai-binh"/);
  });

  it('rejects a source file that does not exist', () => {
    edit('thai-binh', (p) => {
      p.source.file = 'missing.txt';
    });
    expect(loadError().field).toBe('source.file');
  });

  it('reports a file that is not JSON', () => {
    writeFileSync(join(dir, 'plans', 'khanh-hoa.json'), '{ "id": ');
    expect(loadError().message).toMatch(/khanh-hoa\.json: not valid JSON/);
  });

  it('reports a missing plans directory', () => {
    rmSync(join(dir, 'plans'), { recursive: true });
    expect(loadError().problem).toBe('directory not found');
  });
});
