/**
 * A model written as one declaration per event type: its kind, guard, handler, the budget a fault
 * spends, its label and its lifelines, together in the role file that owns the event. The kernel
 * derives everything else from the declarations: dispatch (no model switches over its events),
 * `kindOf`, `describe`, the diagram's lifelines, the guard and handler tables a broken variant
 * replaces entries of, and the gating and counting of faults against their budget. A model that
 * embeds another lifts the embedded model's declarations onto its sub-state (`embed`).
 */
import type { Draft } from 'immer';

/** An event: its type as a literal, plain data besides (the kernel's ModelEvent). */
interface ModelEvent {
  readonly type: string;
}

/**
 * Who causes an event. Environment kinds (traffic, fault, repair, time, delivery) are the
 * adversary's; `protocol` events are the system's own internal steps.
 * Liveness is judged on the fault-free continuation: protocol, delivery and time events only
 * (properties/engine/liveness.ts).
 */
export type EventKind = 'traffic' | 'protocol' | 'delivery' | 'time' | 'fault' | 'repair';

export type EventOfType<E extends ModelEvent, T extends E['type']> = Extract<E, { type: T }>;

/** The sender and receiver of an event in a sequence diagram (the same for a local step). */
export interface Lifeline {
  readonly from: string;
  readonly to: string;
}

/** A step local to one component: its lifeline to itself. */
export const local = (who: string): Lifeline => ({ from: who, to: who });

/**
 * Where the budget a fault spends is: the keys from the state to the (sub-)state that holds it
 * as `faultsLeft`; [] for the model's own.
 */
export type BudgetPath = readonly string[];

/** Everything about one event type, declared once. */
export interface EventDecl<S, E extends ModelEvent, Ctx> {
  readonly kind: EventKind;
  /** Whether the event can physically happen (its fault budget aside: the kernel gates that). */
  readonly guard: (state: S, event: E, ctx: Ctx) => boolean;
  /** What the event does: mutates the immer draft, returns nothing. */
  readonly handle: (draft: Draft<S>, event: E, ctx: Ctx) => void;
  /**
   * The budget the event spends; without it, a 'fault' spends the model's own, others none. It
   * returns constant paths (OWN_BUDGET, a module-level array), which `embed` lifts once each.
   */
  readonly budget?: (event: E) => BudgetPath | undefined;
  /** A short human label, e.g. 'sip1 process crashes'. */
  readonly label: (event: E) => string;
  /** Who sends it to whom in a sequence diagram. */
  readonly lifeline: (event: E) => Lifeline;
}

/** One declaration per event type. */
export type EventTable<S, E extends ModelEvent, Ctx> = {
  readonly [T in E['type']]: EventDecl<S, EventOfType<E, T>, Ctx>;
};

/** One handler per event type; a handler mutates the immer draft and returns nothing. */
export type HandlerTable<S, E extends ModelEvent, Ctx> = {
  readonly [T in E['type']]: (draft: Draft<S>, event: EventOfType<E, T>, ctx: Ctx) => void;
};

/** One guard per event type: whether the event can physically happen. */
export type GuardTable<S, E extends ModelEvent, Ctx> = {
  readonly [T in E['type']]: (state: S, event: EventOfType<E, T>, ctx: Ctx) => boolean;
};

// biome-ignore lint/suspicious/noExplicitAny: a declaration of any state, event and context.
type SomeDecl = EventDecl<any, any, any>;

/** Declarations by event type, of any model. */
type DeclTable = { readonly [type: string]: SomeDecl };

/** The declaration of an event's type. */
export function declOf(table: DeclTable, event: ModelEvent): SomeDecl {
  return table[event.type] as SomeDecl;
}

/** The handler table of a declaration table (what a broken variant replaces entries of). */
export function handlersOf<T extends DeclTable>(
  table: T,
): { readonly [K in keyof T]: T[K]['handle'] } {
  const out: Record<string, SomeDecl['handle']> = {};
  for (const [type, decl] of Object.entries(table)) out[type] = decl.handle;
  return out as { readonly [K in keyof T]: T[K]['handle'] };
}

/** The guard table of a declaration table. */
export function guardsOf<T extends DeclTable>(
  table: T,
): { readonly [K in keyof T]: T[K]['guard'] } {
  const out: Record<string, SomeDecl['guard']> = {};
  for (const [type, decl] of Object.entries(table)) out[type] = decl.guard;
  return out as { readonly [K in keyof T]: T[K]['guard'] };
}

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

/** The model's own budget. */
export const OWN_BUDGET: BudgetPath = [];

/** The budget an event spends, as its declaration says (by default, by its kind). */
export function budgetBy(table: DeclTable, event: ModelEvent): BudgetPath | undefined {
  const decl = table[event.type];
  // A table a model declares lacks only the clock's event, which spends nothing.
  return decl === undefined ? undefined : budgetOfDecl(decl, event);
}

function budgetOfDecl<E extends ModelEvent>(decl: SomeDecl, event: E): BudgetPath | undefined {
  if (decl.budget !== undefined) return decl.budget(event);
  return decl.kind === 'fault' ? OWN_BUDGET : undefined;
}

/**
 * The declarations of an embedded model, lifted onto the sub-state at `key` of the model that
 * embeds it: the same guards and handlers run on the sub-state with the embedded model's own
 * context; kinds, labels and lifelines are the embedded model's; a fault spends the embedded
 * model's budget, in the sub-state. The embedding model may extend or replace any of them.
 */
export function embed<PS, PCtx, Ctx, T extends DeclTable>(
  table: T,
  key: string,
  ctxOf: (ctx: PCtx) => Ctx,
): { readonly [K in keyof T]: EventDecl<PS, Parameters<T[K]['guard']>[1], PCtx> } {
  const sub = (state: unknown) => (state as Record<string, unknown>)[key];
  // Budget paths are constants (OWN_BUDGET or a module-level array): each is lifted once.
  const lifted = new Map<BudgetPath, BudgetPath>();
  const lift = (path: BudgetPath): BudgetPath => {
    const known = lifted.get(path);
    if (known !== undefined) return known;
    const at = [key, ...path];
    lifted.set(path, at);
    return at;
  };
  const out: Record<string, EventDecl<PS, ModelEvent, PCtx>> = {};
  for (const [type, decl] of Object.entries(table)) {
    out[type] = {
      kind: decl.kind,
      guard: (state, event, ctx) => decl.guard(sub(state), event, ctxOf(ctx)),
      handle: (draft, event, ctx) => decl.handle(sub(draft), event, ctxOf(ctx)),
      budget: (event) => {
        const path = budgetOfDecl(decl, event);
        return path === undefined ? undefined : lift(path);
      },
      label: decl.label,
      lifeline: decl.lifeline,
    };
  }
  return out as { readonly [K in keyof T]: EventDecl<PS, Parameters<T[K]['guard']>[1], PCtx> };
}

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
