import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/nlu/errors.js';
import { loadGlossary } from '../../src/nlu/glossary.js';
import { loadIntents } from '../../src/nlu/intents.js';
import { DEFAULT_GLOSSARY_PATH, DEFAULT_INTENTS_DIR } from '../../src/nlu/paths.js';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
const tmp = () => (dir = mkdtempSync(path.join(tmpdir(), 'thidua-nlu-')));

describe('data/glossary.json', () => {
  it('loads and validates', () => {
    const g = loadGlossary();
    expect(g.localities.map((l) => l.plans[0])).toEqual(
      expect.arrayContaining(['thai-binh', 'thai-binh-cdyt', 'bac-kan-vp', 'cu-chi', 'tay-ninh', 'khanh-hoa']),
    );
  });

  it('a malformed glossary fails with the file and the field', () => {
    const file = path.join(tmp(), 'glossary.json');
    const data = JSON.parse(readFileSync(DEFAULT_GLOSSARY_PATH, 'utf8'));
    data.localities[2].plans = [];
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadGlossary(file)).toThrow(DataFileError);
    expect(() => loadGlossary(file)).toThrow(`${file}: localities.2.plans`);
  });

  it('invalid JSON names the file', () => {
    const file = path.join(tmp(), 'glossary.json');
    writeFileSync(file, '{ not json');
    expect(() => loadGlossary(file)).toThrow(`${file}: not valid JSON`);
  });
});

describe('intents/*.json', () => {
  it('loads the question intents and skips the other files of the folder', () => {
    const d = tmp();
    writeFileSync(path.join(d, 'report-form.json'), JSON.stringify({ kind: 'form', fields: [] }));
    writeFileSync(path.join(d, 'deadlines.json'), readFileSync(path.join(DEFAULT_INTENTS_DIR, 'deadlines.json')));
    expect(loadIntents(d).map((i) => i.id)).toEqual(['deadlines']);
  });

  it('a malformed intent fails with the file and the field', () => {
    const d = tmp();
    const data = JSON.parse(readFileSync(path.join(DEFAULT_INTENTS_DIR, 'criteria.json'), 'utf8'));
    data.keywords['tiêu chí'] = -1;
    const file = path.join(d, 'criteria.json');
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadIntents(d)).toThrow(`${file}: keywords.tiêu chí`);
  });

  it('two files with one id are refused', () => {
    const d = tmp();
    const raw = readFileSync(path.join(DEFAULT_INTENTS_DIR, 'funding.json'));
    writeFileSync(path.join(d, 'a.json'), raw);
    writeFileSync(path.join(d, 'b.json'), raw);
    expect(() => loadIntents(d)).toThrow('id: "funding" is already used');
  });
});

describe('intent examples', () => {
  it('every intent has examples both with and without diacritics', () => {
    for (const intent of loadIntents()) {
      const plain = intent.examples.filter((e) => !/[^\x00-\x7f]/.test(e));
      expect(plain.length, `${intent.id}: an example without diacritics`).toBeGreaterThan(0);
      expect(intent.examples.length - plain.length, `${intent.id}: an example with diacritics`).toBeGreaterThan(0);
    }
  });
});
