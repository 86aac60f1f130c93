import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FormDefinitionError, loadForm, parseFormFile } from '../../src/reports/form-definition.js';
import { tempDir } from '../dialog/support.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function writeForm(content: unknown): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = join(t.dir, 'report-form.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('form definitions in intents/', () => {
  it('registration asks the five fields of issue 4 in order', () => {
    const form = loadForm('registration');
    expect(form.fields.map((f) => [f.label, f.type, f.required])).toEqual([
      ['Họ và tên', 'text', true],
      ['Tên đơn vị', 'text', true],
      ['Kế hoạch', 'choice', true],
      ['Chức vụ', 'text', false],
      ['Số điện thoại', 'phone', false],
    ]);
    expect(form.actions).toEqual({ confirm: 'Xác nhận', edit: 'Sửa', cancel: 'Hủy' });
  });

  it('the report asks the eleven fields of issue 4 in order', () => {
    const form = loadForm('report');
    expect(form.fields.map((f) => [f.type, f.required])).toEqual([
      ['year', true],
      ['text', true],
      ['integer', true],
      ['integer', false],
      ['integer', false],
      ['integer', false],
      ['integer', false],
      ['integer', false],
      ['text', false],
      ['text', false],
      ['text', false],
    ]);
    expect(form.fields.slice(3, 8).map((f) => f.label)).toEqual([
      'Số “Gia đình học tập” được công nhận trong năm',
      'Số “Dòng họ học tập” được công nhận trong năm',
      'Số “Công dân học tập” được công nhận trong năm',
      'Số “Đơn vị học tập” được công nhận trong năm',
      'Số “Cộng đồng học tập” được công nhận trong năm',
    ]);
    expect(form.actions).toEqual({ confirm: 'Gửi', edit: 'Sửa', cancel: 'Hủy' });
    // Every text field documents its maximum length.
    for (const f of form.fields.filter((x) => x.type === 'text')) expect(f.maxLength).toBeGreaterThan(0);
  });

  it('names the file and the field of a malformed definition', () => {
    const good = loadForm('report');
    const fields = good.fields.map((f) => ({ ...f }));
    delete (fields[1] as { maxLength?: number }).maxLength;
    const file = writeForm({ ...good, fields });
    expect(() => parseFormFile(file)).toThrow(FormDefinitionError);
    expect(() => parseFormFile(file)).toThrow(`${file}: invalid form definition\n- fields[1] (activities).maxLength: required for text fields`);
  });

  it('names a wrong type', () => {
    const good = loadForm('report');
    const fields = good.fields.map((f) => ({ ...f }));
    (fields[2] as { type: string }).type = 'number';
    expect(() => parseFormFile(writeForm({ ...good, fields }))).toThrow(/- fields\[2\] \(trainees\)\.type: Invalid option/);
  });

  it('every count says what it counts; a unit is only for counts', () => {
    const good = loadForm('report');
    expect(good.fields.filter((f) => f.type === 'integer').map((f) => f.unit)).toEqual(['lượt', 'gia đình', 'dòng họ', 'công dân', 'đơn vị', 'cộng đồng']);
    const fields = good.fields.map((f) => ({ ...f }));
    fields[1]!.unit = 'hoạt động';
    expect(() => parseFormFile(writeForm({ ...good, fields }))).toThrow('- fields[1] (activities).unit: only for integer fields');
  });

  it('names a duplicate field id', () => {
    const good = loadForm('report');
    const fields = good.fields.map((f) => ({ ...f }));
    fields[3]!.id = fields[0]!.id;
    expect(() => parseFormFile(writeForm({ ...good, fields }))).toThrow('- fields[3] (year).id: duplicate field id "year"');
  });

  it('names a file that is not JSON', () => {
    const file = writeForm('{ "id": ');
    expect(() => parseFormFile(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  });
});

describe('form checks at start-up', () => {
  it('the registration must keep the field ids the contacts table is filled from', async () => {
    const { checkRegistrationForm, reportYearField } = await import('../../src/dialog/flows.js');
    const registration = loadForm('registration');
    expect(() => checkRegistrationForm(registration)).not.toThrow();
    const renamed = { ...registration, fields: registration.fields.map((f) => (f.id === 'phone' ? { ...f, id: 'mobile' } : f)) };
    expect(() => checkRegistrationForm(renamed)).toThrow('intents/registration.json: needs a field "phone" of type "phone"');
    const report = loadForm('report');
    expect(reportYearField(report).id).toBe('year');
    expect(() => reportYearField({ ...report, fields: report.fields.filter((f) => f.type !== 'year') })).toThrow(
      'intents/report-form.json: needs exactly one field of type "year", found 0',
    );
  });
});
