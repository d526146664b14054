/**
 * The random engine: fast-check generates sequences of choices; each choice picks one of the
 * events enabled at that point, weighted by kind (faults rarer than traffic), so every generated
 * step is a real step. Every property is judged after every step, and fast-check shrinks a
 * failure by dropping and lowering choices; the applied events of the shrunk run are the
 * counterexample.
 */
import fc from 'fast-check';
import { setAutoFreeze } from '../../model/kernel/immer.ts';
import type { EventKind, Model, ModelEvent, System } from '../../model/kernel/model.ts';
import { Judge } from './judge.ts';
import { FairPaths, notWithin, stuckAfter, tooSlow } from './liveness.ts';
import type { Eventually, Property } from './property.ts';
import { TransitionCache } from './transitions.ts';

/** Runs per model and config when no budget is given (CLI, tests and the review). */
export const DEFAULT_RUNS = 5000;

/** How often each kind of event is drawn, relative to the others. */
export const DEFAULT_WEIGHTS: Readonly<Record<EventKind, number>> = {
  traffic: 3,
  protocol: 6,
  delivery: 4,
  time: 3,
  fault: 1,
  repair: 2,
};

export interface RandomOptions {
  readonly runs: number;
  readonly seed: number;
  /** Replays one counterexample path printed by an earlier failure. */
  readonly path?: string;
  /** Longest generated sequence; lengths are drawn up to it (size 'max'). */
  readonly maxLength?: number;
  readonly weights?: Partial<Record<EventKind, number>>;
  /** Random fair continuations drawn from every state where a liveness trigger holds. */
  readonly fairSamples?: number;
}

/** Fair continuations sampled per triggering state when no count is given. */
export const DEFAULT_FAIR_SAMPLES = 3;

export interface RandomFailure<E> {
  readonly property: string;
  readonly message: string;
  /** The shrunk events that were applied (disabled ones dropped), ending at the violation. */
  readonly events: readonly E[];
  readonly schedule?: readonly E[];
  readonly loop?: number;
  readonly seed: number;
  readonly path: string;
  readonly shrinks: number;
}

export interface RandomResult<E> {
  readonly runs: number;
  readonly seed: number;
  /** Reducer steps applied, shrinking included. */
  readonly steps: number;
  readonly elapsedMs: number;
  readonly stepsPerSecond: number;
  readonly failure?: RandomFailure<E>;
  readonly witnessed: readonly string[];
  readonly triggered: Readonly<Record<string, number>>;
  /** Applied events by type. */
  readonly coverage: Readonly<Record<string, number>>;
  /** Worker threads that shared the runs. */
  readonly workers: number;
}

interface RunOutcome<E> {
  readonly property: string;
  readonly message: string;
  readonly events: E[];
  readonly schedule?: readonly E[];
  readonly loop?: number;
}

export function randomCheck<C, S extends object, E extends ModelEvent>(
  model: Model<C, S, E>,
  system: System<S, E>,
  properties: readonly Property<S, E>[],
  options: RandomOptions,
): RandomResult<E> {
  setAutoFreeze(false);
  const judge = new Judge(system, properties);
  // Successors from the transition cache, the explorer's (transitions.ts): immer's, learnt once.
  const cache = new TransitionCache(system);
  const fair = new FairPaths(system, model as Model<unknown, S, E>, cache);
  const samples = options.fairSamples ?? DEFAULT_FAIR_SAMPLES;
  const triggered: Record<string, number> = Object.fromEntries(
    judge.liveness.map((p) => [p.id, 0]),
  );
  const coverage: Record<string, number> = {};
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const vocabulary = system.vocabulary;
  // A kind's weight is shared by its event types, and a type's by its instances, so that a type
  // with many parameter combinations (every agent × every state) does not crowd out the others.
  const perType = new Map<string, number>();
  for (const e of vocabulary) perType.set(e.type, (perType.get(e.type) ?? 0) + 1);
  const weightOf = vocabulary.map((e) => weights[model.kindOf(e)] / perType.get(e.type)!);
  const enabled: number[] = [];
  let steps = 0;

  /** The vocabulary index a choice picks among those enabled in a state, or -1 when none is. */
  const pick = (state: S, choice: number): number => {
    enabled.length = 0;
    let total = 0;
    for (let v = 0; v < vocabulary.length; v++) {
      if (weightOf[v]! > 0 && system.isEnabled(state, vocabulary[v]!)) {
        enabled.push(v);
        total += weightOf[v]!;
      }
    }
    if (total === 0) return -1;
    let r = ((choice + 0.5) / 0x10000) * total;
    for (const v of enabled) {
      r -= weightOf[v]!;
      if (r < 0) return v;
    }
    return -1;
  };

  /**
   * One random fair continuation from a triggering state: protocol steps and deliveries in a
   * random order, time only when neither can happen, until the goal holds or a bound is missed.
   */
  const sample = (p: Eventually<S>, start: S, next: () => number) => {
    let state = start;
    let elapsedMs = 0;
    const schedule: E[] = [];
    for (;;) {
      if (p.goal(state)) {
        if (elapsedMs <= p.boundMs) return undefined;
        return {
          schedule,
          message: tooSlow(elapsedMs, p.boundMs),
        };
      }
      if (schedule.length >= p.boundSteps)
        return {
          schedule,
          message: notWithin(p.boundSteps),
        };
      const options = fair.successors(state);
      if (options.length === 0)
        return {
          schedule,
          message: stuckAfter(schedule.length),
        };
      const v = options[next() % options.length]!;
      const event = vocabulary[v]!;
      elapsedMs += system.elapsedMs(state, event);
      state = cache.reduce(state, v);
      steps++;
      schedule.push(event);
    }
  };

  /** Every liveness property whose trigger holds in a state, from several random continuations. */
  const sampleAt = (state: S, next: () => number): Omit<RunOutcome<E>, 'events'> | undefined => {
    for (const p of judge.liveness) {
      if (!p.trigger(state)) continue;
      triggered[p.id]! += 1;
      for (let i = 0; i < samples; i++) {
        const miss = sample(p, state, next);
        if (miss !== undefined)
          return { property: p.id, message: miss.message, schedule: miss.schedule };
      }
    }
    return undefined;
  };

  const runOnce = (choices: readonly number[], fairSeed: number): RunOutcome<E> | undefined => {
    let state = system.init;
    const events: E[] = [];
    const initialBad = judge.checkState(state);
    if (initialBad !== undefined) return { ...initialBad, events };
    const next = xorshift(fairSeed);
    const atStart = sampleAt(state, next);
    if (atStart !== undefined) return { ...atStart, events };
    for (const choice of choices) {
      const v = pick(state, choice);
      if (v < 0) break;
      const event = vocabulary[v]!;
      const after = cache.reduce(state, v);
      const violation = judge.checkStep(state, event, after) ?? judge.checkState(after);
      steps++;
      events.push(event);
      coverage[event.type] = (coverage[event.type] ?? 0) + 1;
      if (violation !== undefined) return { ...violation, events };
      state = after;
      // Every triggering state of the run, each from several random fair continuations.
      const missed = sampleAt(state, next);
      if (missed !== undefined) return { ...missed, events };
    }
    return undefined;
  };

  /** Runs concrete events, skipping those not enabled; the outcome with the events applied. */
  /** A state's liveness judged exactly, over every fair path, as the explorer does. */
  const exactAt = (state: S): Omit<RunOutcome<E>, 'events'> | undefined => {
    for (const p of judge.liveness) {
      if (!p.trigger(state)) continue;
      const miss = fair.check(p, state);
      if (miss !== undefined)
        return {
          property: p.id,
          message: miss.message,
          schedule: miss.schedule,
          ...(miss.loop === undefined ? {} : { loop: miss.loop }),
        };
    }
    return undefined;
  };

  const replayEvents = (candidate: readonly E[]): RunOutcome<E> | undefined => {
    let state = system.init;
    const events: E[] = [];
    const atStart = exactAt(state);
    if (atStart !== undefined) return { ...atStart, events };
    for (const event of candidate) {
      if (!system.isEnabled(state, event)) continue;
      const judged = judge.apply(state, event);
      events.push(event);
      if (judged.violation !== undefined) return { ...judged.violation, events };
      state = judged.after;
      const missed = exactAt(state);
      if (missed !== undefined) return { ...missed, events };
    }
    return undefined;
  };

  const started = performance.now();
  const arbitrary = fc.array(fc.nat({ max: 0xffff }), {
    maxLength: options.maxLength ?? 100,
    size: 'max',
  });
  const details = fc.check(
    fc.property(
      arbitrary,
      fc.nat(),
      (choices, fairSeed) => runOnce(choices, fairSeed) === undefined,
    ),
    {
      numRuns: options.runs,
      seed: options.seed,
      ...(options.path === undefined ? {} : { path: options.path }),
    },
  );
  const elapsedMs = performance.now() - started;
  const result = {
    runs: details.numRuns,
    seed: options.seed,
    steps,
    elapsedMs,
    stepsPerSecond: steps / Math.max(elapsedMs / 1000, 1e-9),
    witnessed: [...judge.witnessed],
    triggered,
    coverage,
    workers: 1,
  };
  if (!details.failed || details.counterexample === null) return result;
  const [choices, fairSeed] = details.counterexample;
  const sampled = runOnce(choices, fairSeed);
  if (sampled === undefined)
    throw new Error('the shrunk counterexample no longer fails: the model is not deterministic');
  // A sampled liveness miss is judged again exactly, so the saved path is the explorer's own.
  const outcome =
    sampled.schedule === undefined ? sampled : (replayEvents(sampled.events) ?? sampled);
  const failure: RandomFailure<E> = {
    ...minimize(outcome, (events) => replayEvents(events)),
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    shrinks: details.numShrinks,
  };
  return { ...result, failure };
}

/**
 * After fast-check's shrinking (which works on choices), drops single events from the concrete
 * counterexample for as long as the same property still breaks: a greedy one-minimal trace.
 */
function minimize<E>(
  found: RunOutcome<E>,
  rerun: (events: readonly E[]) => RunOutcome<E> | undefined,
): RunOutcome<E> {
  let best = found;
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = best.events.length - 1; i >= 0; i--) {
      const candidate = [...best.events.slice(0, i), ...best.events.slice(i + 1)];
      const outcome = rerun(candidate);
      if (
        outcome !== undefined &&
        outcome.property === best.property &&
        outcome.events.length < best.events.length
      ) {
        best = outcome;
        changed = true;
        break;
      }
    }
  }
  return best;
}

/** A small deterministic generator for the fair continuations (xorshift32). */
function xorshift(seed: number): () => number {
  let x = seed | 0 || 0x2545f491;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}
