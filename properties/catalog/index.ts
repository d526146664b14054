/** The whole catalog: every document's clauses and every assumption, from all models. */
import { type Assumption, assumptions } from './assumptions.ts';
import { backendAssumptions } from './assumptions-backend.ts';
import { bcAssumptions } from './assumptions-bc.ts';
import { recordingAssumptions } from './assumptions-recording.ts';
import { type Clause, clauses } from './clauses.ts';
import { backendClauses } from './clauses-backend.ts';
import { bcClauses } from './clauses-bc.ts';
import { recordingClauses } from './clauses-recording.ts';

export const allClauses: readonly Clause[] = [
  ...clauses,
  ...bcClauses,
  ...recordingClauses,
  ...backendClauses,
];
export const allAssumptions: readonly Assumption[] = [
  ...assumptions,
  ...bcAssumptions,
  ...recordingAssumptions,
  ...backendAssumptions,
];

export { DOCUMENT_FILES, type DocumentId } from './clauses.ts';
export type { Assumption, Clause };
