/** The persisted state of one form in progress (part of the conversation state in SQLite). */
import { z } from 'zod';

export const fieldValueSchema = z.union([z.string(), z.number(), z.null()]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

export const formStepSchema = z.discriminatedUnion('kind', [
  /** Asking the fields in order; `fieldId` is the one being asked. */
  z.object({ kind: z.literal('field'), fieldId: z.string() }),
  /** All answered: showing the summary with confirm / edit / cancel. */
  z.object({ kind: z.literal('summary') }),
  /** "Sửa": choosing which field to change. */
  z.object({ kind: z.literal('edit-menu') }),
  /** Answering one field again, then back to the summary. */
  z.object({ kind: z.literal('edit-field'), fieldId: z.string() }),
]);
export type FormStep = z.infer<typeof formStepSchema>;

export const formStateSchema = z.object({
  step: formStepSchema,
  answers: z.record(z.string(), fieldValueSchema),
  /** Values proposed before the user answers (current year, current registration); kept by "." or "bỏ qua". */
  defaults: z.record(z.string(), fieldValueSchema),
  /** Wrong answers in a row at the current step. */
  strikes: z.number().int().min(0),
  /**
   * A resubmission: the values of the version last sent. Each field shows its value ("Hiện tại: …"),
   * "." keeps it (also for a required field), typing replaces it.
   */
  previous: z.record(z.string(), fieldValueSchema).optional(),
  /** An answer typed without diacritics, held while the user is offered to type it again with them. */
  plainAnswer: z.object({ fieldId: z.string(), value: z.string() }).optional(),
  /** Fields already offered to retype with diacritics: the offer is made once per field and form. */
  diacriticsOffered: z.array(z.string()).optional(),
});
export type FormState = z.infer<typeof formStateSchema>;
