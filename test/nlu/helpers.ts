/** An analyzer over the real glossary and intents, with the plan texts of data/sources as vocabulary. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createAnalyzer, type Analyzer } from '../../src/nlu/analyze.js';
import { loadGlossary } from '../../src/nlu/glossary.js';
import { loadIntents } from '../../src/nlu/intents.js';
import { syllables } from '../../src/text/normalize.js';

const sourcesDir = fileURLToPath(new URL('../../data/sources', import.meta.url));

let cached: Analyzer | undefined;

export function sourceWords(): Set<string> {
  const words = new Set<string>();
  for (const f of readdirSync(sourcesDir)) for (const t of syllables(readFileSync(path.join(sourcesDir, f), 'utf8'))) words.add(t);
  return words;
}

export function analyzer(): Analyzer {
  cached ??= createAnalyzer({ glossary: loadGlossary(), intents: loadIntents(), corpusWords: sourceWords() });
  return cached;
}
