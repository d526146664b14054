/**
 * A model written as tables: one guard and one handler per event type. The kernel dispatches from
 * the tables (no model switches over its events), gates and spends the fault budget, and runs a
 * model's after-step hook; a model that embeds another runs the embedded model's tables on its
 * sub-state with the same two functions.
 */
import type { Draft } from 'immer';

/** An event: its type as a literal, plain data besides (the kernel's ModelEvent). */
interface ModelEvent {
  readonly type: string;
}

export type EventOfType<E extends ModelEvent, T extends E['type']> = Extract<E, { type: T }>;

/** One handler per event type; a handler mutates the immer draft and returns nothing. */
export type HandlerTable<S, E extends ModelEvent, Ctx> = {
  readonly [T in E['type']]: (draft: Draft<S>, event: EventOfType<E, T>, ctx: Ctx) => void;
};

/** One guard per event type: whether the event can physically happen. */
export type GuardTable<S, E extends ModelEvent, Ctx> = {
  readonly [T in E['type']]: (state: S, event: EventOfType<E, T>, ctx: Ctx) => boolean;
};

/** The guard of the event's type. */
export function enabledBy<S, E extends ModelEvent, Ctx>(
  guards: GuardTable<S, E, Ctx>,
  state: S,
  event: E,
  ctx: Ctx,
): boolean {
  const guard = guards[event.type as E['type']] as (s: S, e: E, c: Ctx) => boolean;
  return guard(state, event, ctx);
}

/** The handler of the event's type, on a draft. */
export function handleBy<S, E extends ModelEvent, Ctx>(
  handlers: HandlerTable<S, E, Ctx>,
  draft: Draft<S>,
  event: E,
  ctx: Ctx,
): void {
  const handler = handlers[event.type as E['type']] as (d: Draft<S>, e: E, c: Ctx) => void;
  handler(draft, event, ctx);
}

/**
 * A fault budget: the faults a run may still take. A state holds one as `faultsLeft`; a model that
 * embeds another holds the embedded model's too, in its sub-state.
 */
export interface Budgeted {
  readonly faultsLeft: number;
}

/**
 * Where the budget a fault spends is: the keys from the state to the (sub-)state that holds it;
 * [] for the model's own.
 */
export type BudgetPath = readonly string[];

function holder(state: unknown, path: BudgetPath): { faultsLeft: number } {
  let at = state as Record<string, unknown>;
  for (const key of path) at = at[key] as Record<string, unknown>;
  return at as unknown as { faultsLeft: number };
}

/** A fault is enabled only while its budget has one left. */
export function budgetLeft(state: unknown, path: BudgetPath): boolean {
  return holder(state, path).faultsLeft > 0;
}

/** A fault that happens spends one. */
export function spend(draft: unknown, path: BudgetPath): void {
  holder(draft, path).faultsLeft -= 1;
}
