/** A data file (glossary, intents) that is missing or malformed. The message names the file and the field. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** Formats zod issues as "file: field.path: message" lines. */
export function describeIssues(file: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((i) => `${file}: ${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('\n');
}
