/**
 * The committed plans are faithful to the documents: every quoted string occurs in the source
 * (nothing paraphrased or invented) and every source line is in the plan (nothing dropped).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadKnowledge } from '../../src/knowledge/loader.js';
import type { Plan } from '../../src/knowledge/schema.js';
import { unfaithfulStrings, uncoveredLines, verbatimKey, verbatimStrings } from '../../src/knowledge/verbatim.js';

const knowledge = loadKnowledge();
const sourceOf = (plan: Plan) => readFileSync(join(DEFAULT_DATA_DIR, 'sources', plan.source.file), 'utf8');
const copy = (plan: Plan): Plan => structuredClone(plan);

describe.each(knowledge.plans.map((p) => [p.id, p] as const))('%s', (_id, plan) => {
  it('quotes the document word for word in every quote, items, label, heading and text', () => {
    expect(verbatimStrings(plan).length).toBeGreaterThan(20);
    expect(unfaithfulStrings(plan, sourceOf(plan))).toEqual([]);
  });

  it('holds every line of the document', () => {
    expect(uncoveredLines(plan, sourceOf(plan))).toEqual([]);
  });
});

describe('the checks catch what they are for', () => {
  const plan = knowledge.plan('thai-binh')!;
  const source = sourceOf(plan);

  it('finds a paraphrased criterion and an invented deadline quote', () => {
    const changed = copy(plan);
    changed.criteria[3]!.items[0] = 'Thực hiện đủ các chính sách do tỉnh và huyện ban hành.';
    changed.deadlines[0]!.quote = 'Báo cáo trước ngày 01/12 hằng năm.';
    expect(unfaithfulStrings(changed, source).map((s) => s.path)).toEqual(['criteria[3].items[0]', 'deadlines[0].quote']);
  });

  it('finds a quote taken from the other document of the same file', () => {
    const changed = copy(plan);
    changed.purposes[0]!.items[0] = 'Đẩy mạnh công tác tuyên truyền, phổ biến nâng cao nhận thức cho cán bộ đoàn viên, CNVCLĐ';
    expect(unfaithfulStrings(changed, source).map((s) => s.path)).toEqual(['purposes[0].items[0]']);
  });

  it('finds the lines of a dropped section and of a dropped recipient', () => {
    const changed = copy(plan);
    const part = changed.sections.find((s) => s.id === 'IV')!;
    part.children = part.children.filter((c) => c.id !== 'IV.3');
    changed.recipients.items = changed.recipients.items.filter((r) => r !== 'Văn phòng Chính phủ');
    const lines = uncoveredLines(changed, source).map((l) => l.line);
    expect(lines).toEqual([172, 174, 176, 178, 180, 182, 184, 226]);
  });

  it('compares without markdown markers and with whitespace collapsed', () => {
    expect(verbatimKey('**trước ngày 10 tháng 12\n\nhàng năm**')).toBe('trước ngày 10 tháng 12 hàng năm');
  });
});
