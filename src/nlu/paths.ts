/**
 * Where the NLU's data files live. Resolved from this file's location, not the working directory, so
 * `npm run ask` behaves the same from any folder.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_GLOSSARY_PATH = path.join(repoRoot, 'data', 'glossary.json');
export const DEFAULT_INTENTS_DIR = path.join(repoRoot, 'intents');
export const DEFAULT_ANSWER_TYPES_PATH = path.join(repoRoot, 'data', 'answer-types.json');
export const DEFAULT_CONVERSATION_PATH = path.join(repoRoot, 'data', 'conversation.json');
