/**
 * Form definitions (intents/registration.json, intents/report-form.json): the fields a form asks,
 * in order, with their type, limits and messages. Validated with zod at load; a malformed file fails
 * with a message naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const FIELD_TYPES = ['text', 'integer', 'year', 'choice', 'phone'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const nonEmpty = z.string().trim().min(1);

export const fieldSchema = z
  .object({
    /** Stable key of the answer in the stored data (report answers JSON, export columns). */
    id: z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'field id: camelCase letters and digits, at most 40'),
    /** Short name shown in the summary, the "Sửa" list and export column headers. */
    label: nonEmpty,
    /** The question the bot asks. */
    prompt: nonEmpty,
    type: z.enum(FIELD_TYPES),
    required: z.boolean(),
    /** text: limits in characters (code points); longer answers get a message, never a silent cut. */
    minLength: z.number().int().min(1).optional(),
    maxLength: z.number().int().min(1).max(20_000).optional(),
    /** integer / year: inclusive bounds. */
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    /** integer: what is counted, said after the number when the form repeats it ("Đã ghi: 12.000 lượt."). */
    unit: nonEmpty.optional(),
    /**
     * year: "current-year" proposes the current year (Asia/Ho_Chi_Minh); "." or "bỏ qua" keeps it,
     * "năm nay" is that year and "năm ngoái" / "năm trước" the one before.
     */
    default: z.literal('current-year').optional(),
    /** choice: where the options come from ("plans": the plans of the knowledge base). */
    options: z.literal('plans').optional(),
    /**
     * text: the answer goes into official exports (a name, a unit's name), so one typed wholly without
     * diacritics ("nguyen thi lan") gets one offer to type it again with them; either answer is kept.
     */
    offerDiacritics: z.boolean().default(false),
    /** Other names users may type to pick this field in "Sửa" (compared folded). */
    aliases: z.array(nonEmpty).default([]),
    /** Said when an answer is not valid: what is expected, with an example. */
    invalidMessage: nonEmpty,
  })
  .superRefine((f, ctx) => {
    if (f.type === 'text' && f.maxLength === undefined) {
      ctx.addIssue({ code: 'custom', path: ['maxLength'], message: 'required for text fields (documented maximum length)' });
    }
    if (f.type === 'choice' && f.options === undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'required for choice fields' });
    }
    if ((f.type === 'integer' || f.type === 'year') && (f.min === undefined || f.max === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min and max are required for ${f.type} fields` });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be ≥ min' });
    }
    if (f.unit !== undefined && f.type !== 'integer') {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'only for integer fields' });
    }
    if (f.offerDiacritics && f.type !== 'text') {
      ctx.addIssue({ code: 'custom', path: ['offerDiacritics'], message: 'only for text fields' });
    }
    if (f.default !== undefined && f.type !== 'year') {
      ctx.addIssue({ code: 'custom', path: ['default'], message: '"current-year" is only for year fields' });
    }
  });

export const formSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: nonEmpty,
    /** Said once when the form starts. */
    intro: nonEmpty,
    summaryTitle: nonEmpty,
    /** Labels of the summary choices, shown in this order (so "1" confirms). */
    actions: z.object({ confirm: nonEmpty, edit: nonEmpty, cancel: nonEmpty }),
    fields: z.array(fieldSchema).min(1),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.fields.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `duplicate field id "${f.id}"` });
      seen.add(f.id);
    });
  });

export type FieldDefinition = z.infer<typeof fieldSchema>;
export type FormDefinition = z.infer<typeof formSchema>;

export class FormDefinitionError extends Error {
  override name = 'FormDefinitionError';
}

/** The forms the bot knows, by file name under intents/. */
export const FORM_FILES = { registration: 'registration.json', report: 'report-form.json' } as const;
export type FormName = keyof typeof FORM_FILES;

export const DEFAULT_INTENTS_DIR = resolve(fileURLToPath(new URL('../../intents', import.meta.url)));

/** Reads and validates one form file. Throws FormDefinitionError naming the file and the field path. */
export function parseFormFile(file: string): FormDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new FormDefinitionError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = formSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const path = i.path.map(String);
      // Name the field by its id where we can: "fields[2] (planId).options".
      let where = path.join('.');
      if (path[0] === 'fields' && path[1] !== undefined) {
        const id = (raw as { fields?: { id?: unknown }[] }).fields?.[Number(path[1])]?.id;
        where = `fields[${path[1]}]${typeof id === 'string' ? ` (${id})` : ''}${path.length > 2 ? `.${path.slice(2).join('.')}` : ''}`;
      }
      return `- ${where || '(root)'}: ${i.message}`;
    });
    throw new FormDefinitionError(`${file}: invalid form definition\n${lines.join('\n')}`);
  }
  return parsed.data;
}

const cache = new Map<string, FormDefinition>();

/** The form `name` from `intentsDir` (default the project's intents/), read once per process. */
export function loadForm(name: FormName, opts: { intentsDir?: string } = {}): FormDefinition {
  const file = join(opts.intentsDir ?? DEFAULT_INTENTS_DIR, FORM_FILES[name]);
  let form = cache.get(file);
  if (!form) {
    form = parseFormFile(file);
    cache.set(file, form);
  }
  return form;
}
