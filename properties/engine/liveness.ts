/**
 * Liveness on every fair path. From a state where an `eventually` property's trigger holds, the
 * fault-free continuation runs: faults, repairs and traffic have stopped; the system's own steps
 * and deliveries interleave in every order, and the clock advances to the next deadline only when
 * neither can happen (urgency). The property holds at the state when *every* path of that
 * continuation reaches the goal within `boundSteps` steps and `boundMs` of model time.
 *
 * A state's worst distance to the goal is a fact about the state, so it is computed once per
 * state and property and kept by fingerprint (`worst` below: the longest goal-free path, capped
 * at the bound). A violation is explained by a path: a goal-free cycle that is fair (weak
 * fairness: every event enabled in every state of the cycle is taken in it) is reported as a
 * lasso, the prefix then the cycle, as TLC reports them; otherwise the path that misses the step
 * bound, the time bound, or ends where nothing more can happen.
 *
 * Every finite prefix of the continuation extends to a fair path (a finite graph has a bottom
 * component, and a path through all its edges is fair), so a path of `boundSteps` goal-free
 * steps misses the bound whether or not a cycle on it is fair: only the report differs.
 */
import type { EventKind, Model, ModelEvent, System } from '../../model/kernel/model.ts';
import { DistanceMemo } from './distance-memo.ts';
import { Fingerprinter, type FingerprintNode } from './fingerprint.ts';
import { fairLasso } from './lasso.ts';
import type { Eventually } from './property.ts';
import { applyPatch, type TransitionCache } from './transitions.ts';

/** The event kinds of the fault-free continuation; time only when no other is enabled. */
const URGENT: readonly EventKind[] = ['protocol', 'delivery'];
const LAZY: readonly EventKind[] = ['time'];

/** How liveness is judged, in words, shown with every liveness verdict. */
export const FAIRNESS_READING =
  'every path of the fault-free continuation (protocol steps and deliveries in every order, time only when neither can happen); under a step bound an unfair cycle misses it too, and weak fairness decides only whether a miss is reported as a lasso';

/** How a triggering state misses its goal on some fair path. */
export interface LivenessMiss<E> {
  readonly message: string;
  /** Events of the continuation from the triggering state along the path that misses the goal. */
  readonly schedule: readonly E[];
  /**
   * For a goal-free fair cycle: the index in `schedule` where the cycle starts. The state after
   * the last event is the state before `schedule[loop]`, and the cycle repeats forever.
   */
  readonly loop?: number;
}

/** The memo's mark for a state from which some path never reaches the goal (a cycle, a dead end). */
const NEVER = 0x3fffffff;
/** The memo's mark for a state where the goal holds (kept so that the state is not built again to ask). */
const GOAL = -1;

export class FairPaths<S extends object, E extends ModelEvent> {
  private readonly urgent: readonly number[];
  private readonly lazy: readonly number[];
  private readonly fp = new Fingerprinter();
  private readonly memos = new Map<string, DistanceMemo>();
  /** Fingerprints of the states on the current search path, lane by lane. */
  private stack1: number[] = [];
  private stack2: number[] = [];
  /** Worst model time to the goal of the last exact `worst` result. */
  private ms = 0;
  /** Whether the last capped result is infinite: some path never reaches the goal. */
  private never = false;

  /**
   * `cache`: the explorer's transition cache of the same system (transitions.ts), which gives
   * the same successors as `system.reduce` without running immer on what it has learnt.
   */
  constructor(
    readonly system: System<S, E>,
    model: Model<unknown, S, E>,
    private readonly cache?: TransitionCache<S, E>,
  ) {
    const indices = (kinds: readonly EventKind[]) =>
      system.vocabulary.flatMap((e, v) => (kinds.includes(model.kindOf(e)) ? [v] : []));
    this.urgent = indices(URGENT);
    this.lazy = indices(LAZY);
  }

  /** The successor by the event at vocabulary index v. */
  private successor(state: S, v: number): S {
    return this.cache === undefined
      ? this.system.reduce(state, this.system.vocabulary[v]!)
      : this.cache.reduce(state, v);
  }

  /** The vocabulary indices of the continuation's events enabled in a state. */
  successors(state: S): number[] {
    const out: number[] = [];
    for (const v of this.urgent)
      if (this.system.isEnabled(state, this.system.vocabulary[v]!)) out.push(v);
    if (out.length > 0) return out;
    for (const v of this.lazy)
      if (this.system.isEnabled(state, this.system.vocabulary[v]!)) out.push(v);
    return out;
  }

  /**
   * Judges a triggering state: undefined when every fair path reaches the goal within the
   * bounds, or the path that shows how it is missed. `hint` is the fingerprint tree of the
   * state or of its predecessor, if the caller has one.
   */
  check(p: Eventually<S>, start: S, hint?: FingerprintNode): LivenessMiss<E> | undefined {
    if (p.goal(start)) return undefined;
    const memo = this.memoOf(p.id);
    const root = this.fp.node(start, hint);
    const cap = p.boundSteps + 1;
    const steps = this.worst(p, memo, start, root, cap);
    if (steps < cap && this.ms <= p.boundMs) return undefined;
    return steps < cap
      ? this.slowPath(p, memo, start, root)
      : this.explainSteps(p, memo, start, root);
  }

  /**
   * min(W, k) where W is the longest number of steps from `state` (not a goal state) to the
   * goal over the continuation's paths (infinite when a path can avoid it forever or stops
   * short of it). A result below k is exact and leaves the worst model time in `this.ms`.
   */
  private worst(
    p: Eventually<S>,
    memo: DistanceMemo,
    state: S,
    node: FingerprintNode,
    k: number,
  ): number {
    this.never = false;
    if (k <= 1) return k;
    const known = this.known(memo, node.h1, node.h2, k);
    return known >= 0 ? known : this.expand(p, memo, state, node, k);
  }

  /** The memo's answer for min(W, k), or -1 when it has none (it then must be computed). */
  private known(memo: DistanceMemo, h1: number, h2: number, k: number): number {
    this.never = false;
    const known = memo.get(h1, h2);
    if (known === undefined) return -1;
    // A goal state: no step is needed from it.
    if (known.steps === GOAL) {
      this.ms = 0;
      return 0;
    }
    if (known.steps === NEVER) {
      this.never = true;
      return k;
    }
    if (known.steps < known.k) {
      this.ms = known.ms;
      return Math.min(known.steps, k);
    }
    return k <= known.k ? k : -1;
  }

  private expand(
    p: Eventually<S>,
    memo: DistanceMemo,
    state: S,
    node: FingerprintNode,
    k: number,
  ): number {
    const h1 = node.h1;
    const h2 = node.h2;
    const next = this.successors(state);
    // Nothing more can happen and the goal does not hold: no path reaches it.
    if (next.length === 0) return this.infinite(memo, h1, h2, k);
    this.stack1.push(h1);
    this.stack2.push(h2);
    let steps = 0;
    let ms = 0;
    let capped = false;
    let never = false;
    for (const v of next) {
      const event = this.system.vocabulary[v]!;
      const dt = this.system.elapsedMs(state, event);
      // The successor's fingerprint first, from the cache's writes where it gave them: where the
      // memo knows it (a goal, or its worst distance), the successor is never built.
      let after =
        this.cache === undefined
          ? this.system.reduce(state, event)
          : this.cache.successor(state, v);
      const patch = this.cache?.lastPatch;
      if (after === undefined) {
        if (!this.fp.patchedFrom(node, patch!)) {
          after = applyPatch(state, patch!) as S;
          this.fp.patched(node, after, patch!);
        }
      } else this.fp.fingerprint(after, node);
      const a1 = this.fp.h1;
      const a2 = this.fp.h2;
      const seen = memo.get(a1, a2);
      let goal = seen?.steps === GOAL;
      if (seen === undefined) {
        after ??= applyPatch(state, patch!) as S;
        goal = p.goal(after);
        if (goal) memo.set(a1, a2, GOAL, GOAL, 0);
      }
      if (goal) {
        steps = Math.max(steps, 1);
        ms = Math.max(ms, dt);
        continue;
      }
      // A goal-free successor with one step of the bound left: the bound is missed.
      if (k <= 2) {
        capped = true;
        break;
      }
      if (this.onStack(a1, a2)) {
        capped = true; // a goal-free cycle: the goal can be avoided forever
        never = true;
        break;
      }
      let sub = this.known(memo, a1, a2, k - 1);
      if (sub < 0) {
        after ??= applyPatch(state, patch!) as S;
        sub = this.expand(p, memo, after, this.fp.node(after, node), k - 1);
      }
      if (sub >= k - 1) {
        capped = true;
        never = this.never;
        break;
      }
      steps = Math.max(steps, sub + 1);
      ms = Math.max(ms, dt + this.ms);
    }
    this.stack1.pop();
    this.stack2.pop();
    if (never) return this.infinite(memo, h1, h2, k);
    this.never = false;
    if (capped) return this.remember(memo, h1, h2, k, k, 0);
    this.ms = ms;
    return this.remember(memo, h1, h2, steps, k, ms);
  }

  private remember(
    memo: DistanceMemo,
    h1: number,
    h2: number,
    steps: number,
    k: number,
    ms: number,
  ): number {
    memo.set(h1, h2, steps, k, ms);
    return steps;
  }

  /** Some path from the state never reaches the goal: true under every cap, kept as such. */
  private infinite(memo: DistanceMemo, h1: number, h2: number, k: number): number {
    memo.set(h1, h2, NEVER, NEVER, 0);
    this.never = true;
    return k;
  }

  private onStack(h1: number, h2: number): boolean {
    for (let i = this.stack1.length - 1; i >= 0; i--)
      if (this.stack1[i] === h1 && this.stack2[i] === h2) return true;
    return false;
  }

  private memoOf(id: string): DistanceMemo {
    let memo = this.memos.get(id);
    if (memo === undefined) {
      memo = new DistanceMemo();
      this.memos.set(id, memo);
    }
    return memo;
  }

  /** The step bound is missed: a fair goal-free cycle if there is one, else a long or stuck path. */
  private explainSteps(
    p: Eventually<S>,
    memo: DistanceMemo,
    start: S,
    root: FingerprintNode,
  ): LivenessMiss<E> {
    const lasso = fairLasso(this, p, start);
    if (lasso !== undefined) {
      const cycle = lasso.schedule.length - lasso.loop;
      return {
        ...lasso,
        message: `after ${steps(lasso.loop)}, a fair cycle of ${steps(cycle)} repeats forever without reaching the goal`,
      };
    }
    const schedule: E[] = [];
    let state = start;
    let node = root;
    for (let k = p.boundSteps + 1; k > 1; k--) {
      const next = this.successors(state);
      if (next.length === 0)
        return {
          schedule,
          message: stuckAfter(schedule.length),
        };
      let advanced = false;
      for (const v of next) {
        const event = this.system.vocabulary[v]!;
        const after = this.successor(state, v);
        if (p.goal(after)) continue;
        const afterNode = this.fp.node(after, node);
        if (this.worst(p, memo, after, afterNode, k - 1) < k - 1) continue;
        schedule.push(event);
        state = after;
        node = afterNode;
        advanced = true;
        break;
      }
      if (!advanced) break;
    }
    return {
      schedule,
      message: notWithin(p.boundSteps),
    };
  }

  /** The step bound holds but the time bound does not: the path that takes the most model time. */
  private slowPath(
    p: Eventually<S>,
    memo: DistanceMemo,
    start: S,
    root: FingerprintNode,
  ): LivenessMiss<E> {
    const schedule: E[] = [];
    let state = start;
    let node = root;
    let elapsed = 0;
    for (let k = p.boundSteps + 1; !p.goal(state) && k > 1; k--) {
      let best: { event: E; after: S; node: FingerprintNode; ms: number } | undefined;
      for (const v of this.successors(state)) {
        const event = this.system.vocabulary[v]!;
        const dt = this.system.elapsedMs(state, event);
        const after = this.successor(state, v);
        let ms = dt;
        let afterNode = node;
        if (!p.goal(after)) {
          afterNode = this.fp.node(after, node);
          this.worst(p, memo, after, afterNode, k - 1);
          ms += this.ms;
        }
        if (best === undefined || ms > best.ms) best = { event, after, node: afterNode, ms };
      }
      if (best === undefined) break;
      schedule.push(best.event);
      elapsed += this.system.elapsedMs(state, best.event);
      state = best.after;
      node = best.node;
    }
    return {
      schedule,
      message: tooSlow(elapsed, p.boundMs),
    };
  }
}

/** How a path of the continuation misses the goal, in the words every engine reports. */
export const notWithin = (bound: number) =>
  `on a fair path the goal is not reached within ${steps(bound)}`;
export const stuckAfter = (n: number) =>
  `on a fair path nothing more can happen after ${steps(n)}, and the goal does not hold`;
export const tooSlow = (ms: number, bound: number) =>
  `on a fair path the goal is reached only after ${ms} ms (bound ${bound} ms)`;

/** '1 step', '3 steps'. */
function steps(n: number): string {
  return `${n} step${n === 1 ? '' : 's'}`;
}
