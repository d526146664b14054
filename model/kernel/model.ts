/**
 * The kernel's vocabulary: a model is a family of configurations; binding one configuration gives
 * a system, the pure transition structure that every engine drives (random runs, the exhaustive
 * explorer and trace replay all call the same `isEnabled` and `reduce`).
 */
import { advanceBy, canAdvanceAll, earliestDeadlineMs } from './clock.ts';
import type { TimeAdvanced } from './faults.ts';
import { type Draft, produce } from './immer.ts';
import {
  type BudgetPath,
  budgetBy,
  budgetLeft,
  declOf,
  type EventKind,
  type EventTable,
  enabledBy,
  type GuardTable,
  guardsOf,
  type HandlerTable,
  handleBy,
  handlersOf,
  type Lifeline,
  local,
  spend,
} from './tables.ts';
import type { Timers } from './timers.ts';

export type { EventKind, Lifeline };

/** Every event carries its type as a literal; the payload is plain data. */
export interface ModelEvent {
  readonly type: string;
}

/**
 * Identities of a configuration that nothing in the model tells apart (the benchmark pair's call
 * ids, say), declared by the model. Such an identity indexes some arrays of the state, one entry
 * per id; permuting the ids permutes all of those arrays together, and a model is symmetric in
 * them when every guard, handler and property treats each id alike. Entries are primitives, and
 * nothing else in the state names an id. The explorer reduces by it (properties/engine/symmetry.ts).
 */
export interface Symmetry {
  /** What is interchangeable, as reports name it, e.g. 'calls'. */
  readonly identity: string;
  /** Paths from the state's root to the arrays indexed by the identity, permuted together. */
  readonly columns: readonly (readonly string[])[];
}

/** A model bound to one configuration: a finite vocabulary of events and a reducer. */
export interface System<S, E extends ModelEvent> {
  readonly init: S;
  /** Every event that can ever happen under this configuration, in a fixed order. */
  readonly vocabulary: readonly E[];
  /** Whether an event can physically happen in a state. */
  isEnabled(state: S, event: E): boolean;
  /** What an enabled event does. Never called with a disabled event. */
  reduce(state: S, event: E): S;
  /**
   * What `reduce` does to its immer draft, as a recipe of its own: `reduce(s, e)` is
   * `produce(s, (d) => mutate(d, e))`. The explorer learns its transition cache from it.
   */
  mutate?(draft: Draft<S>, event: E): void;
  /** Milliseconds of model time an enabled event lets pass (non-zero only for time events). */
  elapsedMs(state: S, event: E): number;
  /** The identities of this config that nothing in the model tells apart, if any. */
  readonly symmetry?: Symmetry;
}

export interface Model<C, S, E extends ModelEvent> {
  /** Stable id used by the CLI and in traces, e.g. 'sip-ha'. */
  readonly id: string;
  readonly title: string;
  /** Named configurations; 'default' is checked by `npm start`. */
  readonly configs: Readonly<Record<string, C>>;
  /** Parses an untrusted value into a config, or throws a ConfigError naming the bad field. */
  validate(input: unknown): C;
  bind(config: C): System<S, E>;
  kindOf(event: E): EventKind;
  /** A short human label, e.g. 'sip1 process crashes'. */
  describe(event: E): string;
  /** Who sends an event to whom, for sequence diagrams (one lifeline per component). */
  lifelines(event: E): Lifeline;
}

/** Any model, with its type parameters erased, as the registry and the CLI hold them. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds models of unrelated types.
export type AnyModel = Model<any, any, any>;

export class ConfigError extends Error {
  // Stryker disable next-line StringLiteral: the error's name; the CLI tells a config error by its class, and no model step reads it
  override readonly name = 'ConfigError';
}

/**
 * What a broken variant changes in a real model: some of its handlers or guards, replaced, or the
 * budget its faults spend.
 */
export interface Overrides<Handlers, Guards, E extends ModelEvent = never> {
  readonly handlers?: Partial<Handlers>;
  readonly guards?: Partial<Guards>;
  readonly budgetOf?: (event: E) => BudgetPath | undefined;
}

/**
 * A model's time, declared: its timer sets and the protocol steps time waits for. The kernel
 * supplies the `timeAdvanced` event from it: enabled while some timer is pending, none is due and
 * no urgent step is enabled (by the guards in use, so urgency follows a variant's guards); it
 * moves every set to the earliest deadline, then runs `elapsed`.
 */
export interface TimeSpec<S, Ctx, E extends ModelEvent = ModelEvent> {
  /** Every timer set of a state (the model's own and its embedded models'), advanced together. */
  timers(state: S | Draft<S>): readonly Timers<string>[];
  /** Event types time waits for: while one of them is enabled, time does not advance. */
  readonly urgent?: readonly E['type'][];
  /** What else `ms` of passing time does, after the timers moved (ghost measures, retries). */
  elapsed?(draft: Draft<S>, ms: number, ctx: Ctx): void;
}

/** The events a model declares: every event type but the clock's, which the kernel supplies. */
export type DeclaredEvents<S, E extends ModelEvent, Ctx> = EventTable<
  S,
  Exclude<E, TimeAdvanced>,
  Ctx
>;

/**
 * What a model written as one declaration per event type declares; the kernel binds it, with a
 * broken variant's replacements laid over the guard and handler tables derived from it.
 */
export interface TableModelSpec<C, S, E extends ModelEvent, Ctx>
  extends Omit<Model<C, S, E>, 'bind' | 'kindOf' | 'describe' | 'lifelines'> {
  readonly events: DeclaredEvents<S, E, Ctx>;
  readonly time: TimeSpec<S, Ctx, E>;
  /** The precomputed context of one config. */
  context(config: C): Ctx;
  init(ctx: Ctx): S;
  vocabulary(config: C): E[];
  /** Runs after every step's handler, on the same draft (e.g. ghost facts for properties). */
  afterEach?(draft: Draft<S>, event: E, ctx: Ctx): void;
  /** The identities of a config that nothing in the model tells apart, if any. */
  symmetry?(config: C): Symmetry | undefined;
}

/** The clock's declaration, its guard apart (`clockGuard`: it depends on the bound config). */
function clock<S, Ctx>(
  time: TimeSpec<S, Ctx>,
): Omit<EventTable<S, TimeAdvanced, Ctx>['timeAdvanced'], 'guard'> {
  return {
    kind: 'time',
    handle: (draft, _event, ctx) => {
      const sets = time.timers(draft);
      const ms = earliestDeadlineMs(sets) ?? 0;
      for (const set of sets) advanceBy(set, ms);
      time.elapsed?.(draft, ms, ctx);
    },
    label: () => 'time advances to next deadline',
    lifeline: () => local('Clock'),
  };
}

/**
 * The clock's guard: some timer pending, none due, and none of the bound config's urgent events
 * enabled, by the guard table in use (`guards`, read at call time: the table holds this guard).
 */
function clockGuard<S, E extends ModelEvent, Ctx>(
  time: TimeSpec<S, Ctx>,
  waitFor: readonly E[],
  guards: () => GuardTable<S, E, Ctx>,
): (state: S, event: TimeAdvanced, ctx: Ctx) => boolean {
  return (state, _event, ctx) =>
    canAdvanceAll(time.timers(state)) &&
    !waitFor.some((event) => enabledBy(guards(), state, event, ctx));
}

/**
 * A model from its declarations, or a broken variant of it: `overrides` replace guards or
 * handlers of the tables derived from the declarations (the clock's among them), or the budget
 * a fault spends.
 */
export function tableModel<C, S, E extends ModelEvent, Ctx>(
  spec: TableModelSpec<C, S, E, Ctx>,
  overrides: Overrides<HandlerTable<S, E, Ctx>, GuardTable<S, E, Ctx>, E> = {},
): Model<C, S, E> {
  // Stryker disable next-line ArrayDeclaration: no event's type is a made-up entry, so no event is urgent either way
  const urgent = new Set(spec.time.urgent ?? []);
  // The declarations with the clock's, for what does not depend on a config: kinds, labels,
  // lifelines, budgets and handlers (the guards are bound with the config, below).
  const table = {
    ...spec.events,
    timeAdvanced: clock(spec.time),
  } as unknown as EventTable<S, E, Ctx>;
  const h = { ...handlersOf(table), ...overrides.handlers } as HandlerTable<S, E, Ctx>;
  const budgetOf = overrides.budgetOf ?? ((event: E) => budgetBy(table, event));
  return {
    id: spec.id,
    title: spec.title,
    configs: spec.configs,
    validate: spec.validate,
    kindOf: (event) => declOf(table, event).kind,
    describe: (event) => declOf(table, event).label(event),
    lifelines: (event) => declOf(table, event).lifeline(event),
    bind(config: C): System<S, E> {
      const ctx = spec.context(config);
      const vocabulary = spec.vocabulary(config);
      const waitFor = vocabulary.filter((e) => urgent.has(e.type));
      const g: GuardTable<S, E, Ctx> = {
        ...guardsOf(spec.events),
        timeAdvanced: clockGuard(spec.time, waitFor, () => g),
        ...overrides.guards,
      } as unknown as GuardTable<S, E, Ctx>;
      const mutate = (draft: Draft<S>, event: E): void => {
        handleBy(h, draft, event, ctx);
        const budget = budgetOf(event);
        if (budget !== undefined) spend(draft, budget);
        spec.afterEach?.(draft, event, ctx);
      };
      return {
        init: spec.init(ctx),
        vocabulary,
        symmetry: spec.symmetry?.(config),
        isEnabled: (state, event) => {
          const budget = budgetOf(event);
          return (
            (budget === undefined || budgetLeft(state, budget)) && enabledBy(g, state, event, ctx)
          );
        },
        reduce: (state, event) => produce(state, (draft: Draft<S>) => mutate(draft, event)),
        mutate,
        elapsedMs: (state, event) =>
          event.type === 'timeAdvanced' ? (earliestDeadlineMs(spec.time.timers(state)) ?? 0) : 0,
      };
    },
  };
}
