/**
 * Which report answers the báo cáo tổng hợp quotes in which of its sections (data/summary-report.json):
 * domain people move a field to another section there, not in code. Validated with zod at load, and
 * against the report form: every id must be one of its text fields.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { FieldDefinition, FormDefinition } from './form-definition.js';

export const SUMMARY_SECTIONS = ['results', 'models', 'difficulties', 'proposals'] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

const fieldIds = z.array(z.string().min(1)).default([]);
const fileSchema = z.object({
  $comment: z.string().optional(),
  sections: z.object({ results: fieldIds, models: fieldIds, difficulties: fieldIds, proposals: fieldIds }).strict(),
});

export const DEFAULT_SUMMARY_SECTIONS_PATH = resolve(fileURLToPath(new URL('../../data/summary-report.json', import.meta.url)));

export class SummarySectionsError extends Error {
  override name = 'SummarySectionsError';
}

/** The text fields quoted in each section, in the order the file names them. */
export type SectionFields = Record<SummarySection, FieldDefinition[]>;

export function parseSummarySections(raw: unknown, form: FormDefinition, file = DEFAULT_SUMMARY_SECTIONS_PATH): SectionFields {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SummarySectionsError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const out = {} as SectionFields;
  for (const section of SUMMARY_SECTIONS) {
    out[section] = parsed.data.sections[section].map((id) => {
      const field = form.fields.find((f) => f.id === id);
      if (!field || field.type !== 'text') {
        throw new SummarySectionsError(`${file}: sections.${section}: “${id}” is not a text field of the report form (${form.fields.filter((f) => f.type === 'text').map((f) => f.id).join(', ')})`);
      }
      return field;
    });
  }
  return out;
}

// Per form object (a test may load its own form) and file: read once per process.
const cache = new WeakMap<FormDefinition, Map<string, SectionFields>>();

export function loadSummarySections(form: FormDefinition, file = DEFAULT_SUMMARY_SECTIONS_PATH): SectionFields {
  const byFile = cache.get(form) ?? new Map<string, SectionFields>();
  cache.set(form, byFile);
  let sections = byFile.get(file);
  if (!sections) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new SummarySectionsError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    sections = parseSummarySections(raw, form, file);
    byFile.set(file, sections);
  }
  return sections;
}
