/**
 * What must hold, tied to the documents. Four kinds:
 * - invariant: a predicate over every reachable state;
 * - step: a predicate over every transition (before, event, after);
 * - witness: a transition some run must reach, or the model is vacuous ("sometimes");
 * - eventually: bounded response on every fair path; from any state where `trigger` holds, on
 *   every path of the fault-free continuation (protocol and delivery events in every order, time
 *   only when neither is enabled; no traffic, faults or repairs), `goal` holds within
 *   `boundSteps` steps and `boundMs` of model time (engine/liveness.ts).
 * A check returns undefined when the property holds, or a sentence saying why it does not.
 */
import type { Model, ModelEvent } from '../../model/kernel/model.ts';

interface Common {
  /** Stable id, used by traces, the CLI and the review, e.g. 'sip-ha.no-lost-established-call'. */
  readonly id: string;
  /** Clause ids of the catalog this property checks, e.g. 'GIR-SIP-1'. */
  readonly clauses: readonly string[];
  /** One sentence in the documents' vocabulary. */
  readonly statement: string;
  /**
   * Set when the property can fail only through a changed handler or guard, because the model
   * cannot express the bad behaviour it excludes (a guard forbids it): why, in one sentence. Such
   * a property is labelled "guarded by construction" in its verdicts and the review, and is not
   * counted as evidence for its clauses.
   */
  readonly guarded?: string;
}

export interface Invariant<S> extends Common {
  readonly kind: 'invariant';
  check(state: S): string | undefined;
}

export interface StepProperty<S, E> extends Common {
  readonly kind: 'step';
  check(before: S, event: E, after: S): string | undefined;
}

export interface Witness<S, E> extends Common {
  readonly kind: 'witness';
  reached(before: S, event: E, after: S): boolean;
}

export interface Eventually<S> extends Common {
  readonly kind: 'eventually';
  /** The fairness assumption in words, shown with every verdict. */
  readonly fairness: string;
  readonly boundSteps: number;
  readonly boundMs: number;
  trigger(state: S): boolean;
  goal(state: S): boolean;
}

export type Property<S, E> = Invariant<S> | StepProperty<S, E> | Witness<S, E> | Eventually<S>;
export type SafetyProperty<S, E> = Invariant<S> | StepProperty<S, E>;

export interface Violation<E> {
  readonly property: string;
  readonly message: string;
  /** Index of the step at which the property broke (-1 for the initial state). */
  readonly step: number;
  /** For a liveness violation: the fair path from the triggering state that misses the goal. */
  readonly schedule?: readonly E[];
}

/**
 * A config the main job checks, with what its search finds, written once: for a complete search
 * its distinct states, depth and transitions; for one the default state limit stops, the depth
 * it reaches there. `npm start` fails when a search finds other figures (a changed count is a
 * changed model: say why in the commit and update the figure here), and the tests, the model's
 * README and `ha-verify list` read them from here.
 */
export type ConfigCheck =
  | {
      readonly config: string;
      readonly states: number;
      readonly depth: number;
      readonly transitions: number;
      /**
       * The same search with every reduction the model declares for the config (expand.ts's
       * Reductions), which is how `npm start` searches; absent when it declares none.
       */
      readonly reduced?: SearchFigures;
    }
  | { readonly config: string; readonly bounded: true; readonly depth: number };

/** What a complete search finds. */
export interface SearchFigures {
  readonly states: number;
  readonly depth: number;
  readonly transitions: number;
}

/** A model together with the properties that judge it and the configs the main job checks. */
export interface Suite<C, S, E extends ModelEvent> {
  readonly model: Model<C, S, E>;
  properties(config: C): readonly Property<S, E>[];
  /** The configs `npm start` checks, 'default' among them, in order. */
  readonly checks: readonly ConfigCheck[];
}

/** The names of the configs the main job checks. */
export function checkedConfigs(suite: { readonly checks: readonly ConfigCheck[] }): string[] {
  return suite.checks.map((c) => c.config);
}

/**
 * How a search's figures differ from its pinned ones, in one sentence, or undefined when they
 * agree. Only a search run with the default state limit can be compared; one that used
 * reductions is compared with the pin's reduced figures.
 */
export function offPin(
  check: ConfigCheck,
  found: {
    readonly distinct: number;
    readonly depth: number;
    readonly transitions: number;
    readonly complete: boolean;
    readonly reductions: readonly string[];
  },
): string | undefined {
  const n = (x: number) => x.toLocaleString('en-US');
  const reduced = found.reductions.length > 0;
  const by = reduced ? `, reduced by ${found.reductions.join(', ')}` : '';
  const got = `${n(found.distinct)} states, depth ${found.depth}, ${n(found.transitions)} transitions, ${found.complete ? 'complete' : 'stopped by the states limit'}${by}`;
  if ('bounded' in check)
    return !found.complete && found.depth === check.depth
      ? undefined
      : `found ${got}; pinned: stopped by the states limit at depth ${check.depth}`;
  const pin = reduced ? check.reduced : check;
  if (pin === undefined) return `found ${got}; pinned: no figures for a reduced search`;
  const same =
    found.complete &&
    found.distinct === pin.states &&
    found.depth === pin.depth &&
    found.transitions === pin.transitions;
  return same
    ? undefined
    : `found ${got}; pinned: ${n(pin.states)} states, depth ${pin.depth}, ${n(pin.transitions)} transitions, complete${by}`;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds suites of unrelated types.
export type AnySuite = Suite<any, any, any>;

export function isSafety<S, E>(p: Property<S, E>): p is SafetyProperty<S, E> {
  return p.kind === 'invariant' || p.kind === 'step';
}
