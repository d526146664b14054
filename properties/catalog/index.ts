/** The whole catalog: every document's clauses and every assumption, from all models. */
import { type Assumption, assumptions } from './assumptions.ts';
import { type Clause, clauses } from './clauses.ts';

export const allClauses: readonly Clause[] = [...clauses];
export const allAssumptions: readonly Assumption[] = [...assumptions];

export { DOCUMENT_FILES, type DocumentId } from './clauses.ts';
export type { Assumption, Clause };
