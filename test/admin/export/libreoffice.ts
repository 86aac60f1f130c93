/**
 * LibreOffice headless for the tests that look at a file as printed: converts it (a fresh profile per
 * run, so runs never share state or lock each other out) and reads the PDF's pages with poppler's
 * pdfinfo. Tests skip when either is absent (.ci/run installs both).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';

function works(cmd: string, args: string[]): boolean {
  try {
    return spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 }).status === 0;
  } catch {
    return false;
  }
}

export const soffice = ['soffice', 'libreoffice'].find((name) => works(name, ['--version']));
export const hasPdfTools = works('pdfinfo', ['-v']);

/** Converts `file` to `format` ("pdf", "xlsx", or a filter spec) in `outDir`; returns the new file's path. */
export function convert(file: string, format: string, outDir: string, opts: { infilter?: string } = {}): string {
  const profile = mkdtempSync(join(tmpdir(), 'thidua-lo-profile-'));
  try {
    execFileSync(
      soffice!,
      [
        '--headless',
        `-env:UserInstallation=file://${profile}`,
        ...(opts.infilter ? [`--infilter=${opts.infilter}`] : []),
        '--convert-to',
        format,
        '--outdir',
        outDir,
        file,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, `${basename(file, extname(file))}.${format.split(':')[0]}`);
}

export interface PdfPages {
  pages: number;
  /** Of the first page, in points. */
  width: number;
  height: number;
  /** Every page's size, "w x h". */
  sizes: string[];
}

export function pdfPages(pdf: string): PdfPages {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => `${Math.round(Number(m[1]))} x ${Math.round(Number(m[2]))}`);
  const [width, height] = sizes[0]!.split(' x ').map(Number) as [number, number];
  return { pages, width, height, sizes };
}
