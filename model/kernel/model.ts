/**
 * The kernel's vocabulary: a model is a family of configurations; binding one configuration gives
 * a system, the pure transition structure that every engine drives (random runs, the exhaustive
 * explorer and trace replay all call the same `isEnabled` and `reduce`).
 */
import { type Draft, produce } from 'immer';
import {
  type BudgetPath,
  budgetLeft,
  enabledBy,
  type GuardTable,
  type HandlerTable,
  handleBy,
  spend,
} from './tables.ts';

/** Every event carries its type as a literal; the payload is plain data. */
export interface ModelEvent {
  readonly type: string;
}

/**
 * Who causes an event. Environment kinds (traffic, fault, repair, time, delivery) are the
 * adversary's; `protocol` events are the system's own internal steps.
 * Liveness is judged on the fault-free continuation: protocol, delivery and time events only
 * (properties/engine/liveness.ts).
 */
export type EventKind = 'traffic' | 'protocol' | 'delivery' | 'time' | 'fault' | 'repair';

/** A model bound to one configuration: a finite vocabulary of events and a reducer. */
export interface System<S, E extends ModelEvent> {
  readonly init: S;
  /** Every event that can ever happen under this configuration, in a fixed order. */
  readonly vocabulary: readonly E[];
  /** Whether an event can physically happen in a state. */
  isEnabled(state: S, event: E): boolean;
  /** What an enabled event does. Never called with a disabled event. */
  reduce(state: S, event: E): S;
  /** Milliseconds of model time an enabled event lets pass (non-zero only for time events). */
  elapsedMs(state: S, event: E): number;
}

export interface Model<C, S, E extends ModelEvent> {
  /** Stable id used by the CLI and in traces, e.g. 'sip-ha'. */
  readonly id: string;
  readonly title: string;
  /** Named configurations; 'default' is checked by `npm start`. */
  readonly configs: Readonly<Record<string, C>>;
  /** Configurations the main job checks, 'default' among them. */
  readonly checked: readonly string[];
  /** Parses an untrusted value into a config, or throws a ConfigError naming the bad field. */
  validate(input: unknown): C;
  bind(config: C): System<S, E>;
  kindOf(event: E): EventKind;
  /** A short human label, e.g. 'sip1 process crashes'. */
  describe(event: E): string;
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
 * What a model written as tables of handlers and guards (one per event type) declares; the
 * kernel binds it, with a broken variant's replacements laid over the real tables.
 */
export interface TableModelSpec<C, S, E extends ModelEvent, Ctx, Handlers, Guards>
  extends Omit<Model<C, S, E>, 'bind'> {
  readonly handlers: Handlers;
  readonly guards: Guards;
  /** The precomputed context of one config; it receives the guard table in use. */
  context(config: C, guards: Guards): Ctx;
  init(ctx: Ctx): S;
  vocabulary(config: C): E[];
  /**
   * Which budget a fault spends (see `BudgetPath`). Without it, every event of kind 'fault'
   * spends the model's own. The kernel enables a fault only while its budget has one left and
   * takes one from it when the fault happens; no guard or handler of a model touches a budget.
   */
  budgetOf?(event: E): BudgetPath | undefined;
  /** Runs after every step's handler, on the same draft (e.g. ghost facts for properties). */
  afterEach?(draft: Draft<S>, event: E, ctx: Ctx): void;
  /** The earliest pending deadline of a state, which `timeAdvanced` jumps to. */
  nextDeadlineMs(state: S): number | undefined;
}

/** The model's own budget: `faultsLeft` of its state. */
const OWN_BUDGET: BudgetPath = [];

export function tableModel<
  C,
  S,
  E extends ModelEvent,
  Ctx,
  Handlers extends HandlerTable<S, E, Ctx>,
  Guards extends GuardTable<S, E, Ctx>,
>(
  spec: TableModelSpec<C, S, E, Ctx, Handlers, Guards>,
  overrides: Overrides<Handlers, Guards, E> = {},
): Model<C, S, E> {
  const h = { ...spec.handlers, ...overrides.handlers } as Handlers;
  const g = { ...spec.guards, ...overrides.guards } as Guards;
  const budgetOf =
    overrides.budgetOf ??
    spec.budgetOf ??
    ((event: E) => (spec.kindOf(event) === 'fault' ? OWN_BUDGET : undefined));
  return {
    id: spec.id,
    title: spec.title,
    configs: spec.configs,
    checked: spec.checked,
    validate: spec.validate,
    kindOf: spec.kindOf,
    describe: spec.describe,
    bind(config: C): System<S, E> {
      const ctx = spec.context(config, g);
      return {
        init: spec.init(ctx),
        vocabulary: spec.vocabulary(config),
        isEnabled: (state, event) => {
          const budget = budgetOf(event);
          return (
            (budget === undefined || budgetLeft(state, budget)) && enabledBy(g, state, event, ctx)
          );
        },
        reduce: (state, event) =>
          produce(state, (draft: Draft<S>) => {
            handleBy(h, draft, event, ctx);
            const budget = budgetOf(event);
            if (budget !== undefined) spend(draft, budget);
            spec.afterEach?.(draft, event, ctx);
          }),
        elapsedMs: (state, event) =>
          event.type === 'timeAdvanced' ? (spec.nextDeadlineMs(state) ?? 0) : 0,
      };
    },
  };
}
