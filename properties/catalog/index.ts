/** The whole catalog: every document's clauses and every assumption, from all models. */
import { type Assumption, assumptions } from './assumptions.ts';
import { bcAssumptions } from './assumptions-bc.ts';
import { recordingAssumptions } from './assumptions-recording.ts';
import { type Clause, clauses } from './clauses.ts';
import { bcClauses } from './clauses-bc.ts';
import { recordingClauses } from './clauses-recording.ts';

export const allClauses: readonly Clause[] = [...clauses, ...bcClauses, ...recordingClauses];
export const allAssumptions: readonly Assumption[] = [
  ...assumptions,
  ...bcAssumptions,
  ...recordingAssumptions,
];

export { DOCUMENT_FILES, type DocumentId } from './clauses.ts';
export type { Assumption, Clause };
