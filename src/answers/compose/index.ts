/** Intent id → composer. Every question intent in intents/*.json except "help" needs one (tested). */
import { composeAwardStandards, composeAwards } from './awards.js';
import { composeBasis } from './basis.js';
import { composeAudience, composeContents, composeFunding, composePurposes, composeSolutions } from './blocks.js';
import type { PlanComposer } from './context.js';
import { composeCriteria } from './criteria.js';
import { composeDeadlines } from './deadlines.js';
import { composeDocument } from './document.js';
import { composePhases } from './phases.js';
import { composeResponsibilities } from './responsibilities.js';

export const COMPOSERS: Readonly<Record<string, PlanComposer>> = {
  criteria: composeCriteria,
  awards: composeAwards,
  'award-standards': composeAwardStandards,
  deadlines: composeDeadlines,
  phases: composePhases,
  responsibilities: composeResponsibilities,
  funding: composeFunding,
  contents: composeContents,
  purposes: composePurposes,
  solutions: composeSolutions,
  basis: composeBasis,
  audience: composeAudience,
  document: composeDocument,
};
