/**
 * Text XML refuses (U+FFFF, U+FFFE, lone surrogates, control characters), stored in the database
 * directly (bypassing the core's input cleaning, as an old row or another tool might): the XLSX still
 * opens in exceljs and in LibreOffice, and the CSV holds none of it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport } from '../../src/admin/export/export.js';
import { addContact, realKnowledge, submitReport, tempDir, tempStore, type TempStore } from './support.js';

const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

let t: TempStore;
beforeEach(() => {
  t = tempStore();
  const lan = addContact(t.store, { planId: 'cu-chi', unitName: 'UBND xã\uffff An Nhơn Tây', fullName: 'Nguyễn Thị Lan\u0007' });
  submitReport(t.store, lan, 2025, { activities: 'Tuyên truyền\uffff 3 buổi\ufffe\r\nphát động\u0001', models: 'Mô hình \ud800“Gia đình học tập”\udc00 🙂', trainees: 12 });
});
afterEach(() => t.cleanup());

function build(format: 'xlsx' | 'csv') {
  return buildExport({ store: t.store, knowledge: realKnowledge(), timeZone: 'Asia/Ho_Chi_Minh', now: () => new Date('2025-11-20T01:00:00Z') }, { format });
}

function libreOffice(): string | undefined {
  for (const name of ['libreoffice', 'soffice']) {
    if (spawnSync(name, ['--version'], { encoding: 'utf8' }).status === 0) return name;
  }
  return undefined;
}

describe('export of text XML refuses', () => {
  it('XLSX: exceljs reads it back, with the text minus the invalid characters', async () => {
    const file = await build('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.content as unknown as ArrayBuffer);
    const values = wb.worksheets.flatMap((ws) => {
      const cells: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      return cells;
    });
    expect(values).toContain('Tuyên truyền 3 buổi\nphát động');
    expect(values).toContain('Mô hình “Gia đình học tập” 🙂');
    expect(values).toContain('UBND xã An Nhơn Tây');
    expect(values.filter((v) => BAD.test(v))).toEqual([]);
  });

  const office = libreOffice();
  it.skipIf(!office)('XLSX: LibreOffice opens it (converts it to PDF)', async () => {
    const tmp = tempDir('thidua-lo-');
    try {
      const xlsx = join(tmp.dir, 'bao-cao.xlsx');
      writeFileSync(xlsx, (await build('xlsx')).content);
      execFileSync(office!, ['--headless', `-env:UserInstallation=file://${join(tmp.dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', tmp.dir, xlsx], {
        stdio: 'ignore',
        timeout: 120_000,
      });
      expect(existsSync(join(tmp.dir, 'bao-cao.pdf'))).toBe(true);
    } finally {
      tmp.cleanup();
    }
  });

  it('CSV: none of the invalid characters, line breaks as LF inside the quoted cell', async () => {
    const text = (await build('csv')).content.toString('utf8');
    expect(BAD.test(text.replace(/\r\n/g, ''))).toBe(false);
    expect(text).toContain('"Tuyên truyền 3 buổi\nphát động"');
  });
});
