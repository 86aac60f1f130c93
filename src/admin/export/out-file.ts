/**
 * Where `export --out` and `export-questions --out` write: the path the admin gave, with the format it
 * implies. A folder (existing, or written with a trailing "/") receives the file under its usual name;
 * missing folders are created; a name without an extension gets the format's; a format that contradicts
 * the extension is refused rather than leaving an .xlsx file Excel cannot open.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { AdminArgError, parseFormat } from '../args.js';
import { cliTexts } from '../texts.js';
import { EXPORT_FORMATS, type ExportFormat } from './formats.js';

export interface OutTarget {
  /** undefined: a folder; the file's own name is known only once it is built. */
  file?: string;
  folder: string;
  format: ExportFormat;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads --out and --format together (format: as typed, any case; default from the extension, else xlsx). */
export function outTarget(out: string | undefined, formatText: string | undefined): OutTarget {
  if (!out?.trim()) throw new AdminArgError(cliTexts.outMissing);
  const format = formatText === undefined ? undefined : parseFormat(formatText);
  if (/[/\\]$/.test(out) || isFolder(out)) return { folder: resolve(out), format: format ?? 'xlsx' };
  const ext = extname(out).slice(1).toLowerCase();
  const extFormat = (EXPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ExportFormat) : undefined;
  if (!ext) {
    const f = format ?? 'xlsx';
    return { file: `${out}.${f}`, folder: dirname(resolve(out)), format: f };
  }
  if (!extFormat) throw new AdminArgError(cliTexts.outUnknownExtension(out));
  if (format && format !== extFormat) throw new AdminArgError(cliTexts.outFormatMismatch(out, format));
  return { file: out, folder: dirname(resolve(out)), format: extFormat };
}

/** Writes the file (creating its folder); returns the path written. Errors say which file and why. */
export function writeOut(target: OutTarget, defaultName: string, content: Buffer): string {
  const path = target.file ?? join(target.folder, defaultName);
  try {
    mkdirSync(target.folder, { recursive: true });
    writeFileSync(path, content);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AdminArgError(cliTexts.writeFailed(path, code));
  }
  return path;
}
