/**
 * Loads every data/plans/*.json: validates it with zod and checks what zod cannot see — the plan id is
 * the file name, section ids are unique, and every section a fact cites exists. Any problem stops the
 * load with a KnowledgeError naming the file and the field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planSchema, type Plan } from './schema.js';
import { walkSections } from './sections.js';

export interface Knowledge {
  /** In document order: the files under data/sources/, and the lines within a file. */
  plans: Plan[];
  plan(id: string): Plan | undefined;
}

export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
  constructor(
    /** The file as given to the user (relative to the working directory when possible). */
    readonly file: string,
    /** Field path, e.g. "criteria[2].items[0]"; "" for the file as a whole. */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
  }
}

/** The repository's data/ directory, wherever the process was started. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

/** "criteria[2].items[0]" */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Parses and validates one plan file; `sourcesDir`, when given, must hold the plan's source file. */
export function loadPlanFile(file: string, sourcesDir?: string): Plan {
  const shown = displayPath(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new KnowledgeError(shown, '', `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem(s))` : '';
    throw new KnowledgeError(shown, formatPath(issue.path), `${issue.message}${more}`);
  }
  const plan = parsed.data;
  checkPlan(plan, basename(file, '.json'), shown, sourcesDir);
  return plan;
}

/** Cross-field rules zod does not express. */
function checkPlan(plan: Plan, fileId: string, shown: string, sourcesDir: string | undefined): void {
  if (plan.id !== fileId) throw new KnowledgeError(shown, 'id', `"${plan.id}" must equal the file name "${fileId}"`);
  if (plan.source.fromLine > plan.source.toLine) {
    throw new KnowledgeError(shown, 'source.toLine', `${plan.source.toLine} is before fromLine ${plan.source.fromLine}`);
  }
  if (sourcesDir && !existsSync(join(sourcesDir, plan.source.file))) {
    throw new KnowledgeError(shown, 'source.file', `"${plan.source.file}" is not in ${displayPath(sourcesDir)}`);
  }
  if (plan.period.from > plan.period.to) throw new KnowledgeError(shown, 'period.to', `${plan.period.to} is before ${plan.period.from}`);

  const ids = new Set<string>();
  const paths = new Map<string, string>();
  const walk = (nodes: Plan['sections'], prefix: string): void => {
    nodes.forEach((node, i) => {
      const path = `${prefix}[${i}]`;
      if (ids.has(node.id)) throw new KnowledgeError(shown, `${path}.id`, `section id "${node.id}" is used twice (first at ${paths.get(node.id)})`);
      ids.add(node.id);
      paths.set(node.id, `${path}.id`);
      walk(node.children, `${path}.children`);
    });
  };
  walk(plan.sections, 'sections');

  const cited: Array<[string, string | undefined]> = [
    ...plan.criteria.map((c, i) => [`criteria[${i}].section`, c.section] as [string, string]),
    ...plan.awards.map((a, i) => [`awards[${i}].section`, a.section] as [string, string]),
    ...plan.deadlines.map((d, i) => [`deadlines[${i}].section`, d.section] as [string, string]),
    ...plan.phases.map((p, i) => [`phases[${i}].section`, p.section] as [string, string]),
    ...plan.responsibilities.map((r, i) => [`responsibilities[${i}].section`, r.section] as [string, string]),
    ...(['funding', 'contents', 'purposes', 'audience', 'goals', 'solutions', 'references'] as const).flatMap((field) =>
      (plan[field] ?? []).map((b, i) => [`${field}[${i}].section`, b.section] as [string, string]),
    ),
  ];
  for (const [field, section] of cited) {
    if (section !== undefined && !ids.has(section)) throw new KnowledgeError(shown, field, `section "${section}" does not exist in sections`);
  }
}

function planFilesIn(plansDir: string): string[] {
  if (!existsSync(plansDir)) throw new KnowledgeError(displayPath(plansDir), '', 'directory not found');
  return readdirSync(plansDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(plansDir, f));
}

/**
 * Reads `<dataDir>/plans/*.json` (default: the repository's data/). Synchronous: it runs once at start-up.
 * Throws KnowledgeError on the first malformed file.
 */
export function loadKnowledge(opts: { dataDir?: string } = {}): Knowledge {
  const dataDir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
  const sourcesDir = join(dataDir, 'sources');
  const files = planFilesIn(join(dataDir, 'plans'));
  if (files.length === 0) throw new KnowledgeError(displayPath(join(dataDir, 'plans')), '', 'no plan files (*.json)');
  const plans = files.map((f) => loadPlanFile(f, existsSync(sourcesDir) ? sourcesDir : undefined));
  plans.sort((a, b) => a.source.file.localeCompare(b.source.file) || a.source.fromLine - b.source.fromLine);
  const byId = new Map(plans.map((p) => [p.id, p]));
  return { plans, plan: (id) => byId.get(id) };
}

/** Every section id of a plan (for callers that validate ids typed by users or other data). */
export function planSectionIds(plan: Plan): Set<string> {
  return new Set([...walkSections(plan.sections)].map((w) => w.node.id));
}
