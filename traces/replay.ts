/**
 * Strict replay: every event of a trace must be enabled when its turn comes ("trace drift at
 * step N" otherwise). Each step is judged by the same judge the engines use; liveness is judged
 * at every state where its trigger holds, over every fair path of its fault-free continuation
 * (the explorer's own check). A lasso trace (a liveness counterexample with a cycle) is checked to
 * close: the state after its last event is the state before the cycle's first.
 */
import { setAutoFreeze } from '../model/kernel/immer.ts';
import type { Model, ModelEvent, System } from '../model/kernel/model.ts';
import { Fingerprinter } from '../properties/engine/fingerprint.ts';
import { Judge } from '../properties/engine/judge.ts';
import { FairPaths } from '../properties/engine/liveness.ts';
import type { Property } from '../properties/engine/property.ts';
import { stateChanges } from './diff.ts';
import { type Trace, TraceError } from './format.ts';

export interface ReplayStep<E> {
  /** 1-based step number. */
  readonly step: number;
  readonly event: E;
  readonly label: string;
  readonly changes: readonly string[];
  readonly broken: readonly { readonly property: string; readonly message: string }[];
}

export interface ReplayResult<E> {
  readonly steps: readonly ReplayStep<E>[];
  /** Broken at the initial state, before any event. */
  readonly brokenAtStart: readonly { readonly property: string; readonly message: string }[];
  /** The first property broken, with its step (0 = initial state). */
  readonly firstViolation?: {
    readonly property: string;
    readonly message: string;
    readonly step: number;
  };
  /** The initial state and the state after each step. */
  readonly states: readonly unknown[];
  /** Whether the outcome is what the trace's `expect` says. */
  readonly asExpected: boolean;
  readonly verdict: string;
  /** A liveness counterexample's marks: the triggering step and the step where its cycle starts. */
  readonly liveness?: { readonly trigger: number; readonly loop?: number };
}

export function replay<C, S, E extends ModelEvent>(
  model: Model<C, S, E>,
  propertiesOf: (config: C) => readonly Property<S, E>[],
  trace: Trace,
  source: string,
): ReplayResult<E> {
  setAutoFreeze(false);
  if (trace.model !== model.id) {
    throw new TraceError(`${source}: trace is for model '${trace.model}', not '${model.id}'`);
  }
  const config = model.validate(trace.config);
  const system = model.bind(config);
  const properties = propertiesOf(config);
  const known = new Set(properties.map((p) => p.id));
  if (trace.expect.violates !== null && !known.has(trace.expect.violates)) {
    throw new TraceError(
      `${source}: expects unknown property '${trace.expect.violates}'; see 'ha-verify list'`,
    );
  }
  const judge = new Judge(system, properties);
  const fair = new FairPaths(
    system as System<S & object, E>,
    model as Model<unknown, S & object, E>,
  );
  const byKey = new Map(system.vocabulary.map((e) => [canonical(e), e]));

  const livenessAt = (state: S) =>
    judge.liveness.flatMap((p) => {
      if (!p.trigger(state)) return [];
      const miss = fair.check(p, state as S & object);
      return miss === undefined ? [] : [{ property: p.id, message: `${miss.message} (from here)` }];
    });

  let state = system.init;
  const startBad = judge.checkState(state);
  const brokenAtStart = [...(startBad === undefined ? [] : [startBad]), ...livenessAt(state)];
  const steps: ReplayStep<E>[] = [];
  const states: S[] = [state];
  trace.events.forEach((raw, i) => {
    const event = byKey.get(canonical(raw));
    if (event === undefined) {
      throw new TraceError(
        `${source}: step ${i + 1}: ${JSON.stringify(raw)} is not an event of model '${model.id}' under this config`,
      );
    }
    if (!system.isEnabled(state, event)) {
      throw new TraceError(
        `${source}: trace drift at step ${i + 1}: '${model.describe(event)}' is not enabled here`,
      );
    }
    const judged = judge.apply(state, event);
    const broken = [
      ...(judged.violation === undefined ? [] : [judged.violation]),
      ...livenessAt(judged.after),
    ];
    steps.push({
      step: i + 1,
      event,
      label: model.describe(event),
      changes: stateChanges(state, judged.after),
      broken,
    });
    state = judged.after;
    states.push(state);
  });

  if (trace.liveness !== undefined) checkContinuation(model, fair, trace, steps, states, source);
  const first = [{ step: 0, broken: brokenAtStart }, ...steps].find((s) => s.broken.length > 0);
  const firstViolation =
    first === undefined ? undefined : { ...first.broken[0]!, step: first.step };
  const expected = trace.expect.violates;
  const asExpected =
    expected === null
      ? firstViolation === undefined
      : [brokenAtStart, ...steps.map((s) => s.broken)].some((b) =>
          b.some((v) => v.property === expected),
        );
  const verdict =
    firstViolation === undefined
      ? 'no property broken'
      : `${firstViolation.property} broken at step ${firstViolation.step}: ${firstViolation.message}`;
  return {
    steps,
    brokenAtStart,
    states,
    ...(firstViolation === undefined ? {} : { firstViolation }),
    asExpected,
    verdict,
    ...(trace.liveness === undefined ? {} : { liveness: trace.liveness }),
  };
}

/**
 * A liveness counterexample's continuation: only the events the fairness statement allows, and
 * a cycle that really closes.
 */
function checkContinuation<C, S, E extends ModelEvent>(
  model: Model<C, S, E>,
  fair: FairPaths<S & object, E>,
  trace: Trace,
  steps: readonly ReplayStep<E>[],
  states: readonly S[],
  source: string,
): void {
  const { trigger, loop } = trace.liveness!;
  for (const step of steps.slice(trigger)) {
    const kind = model.kindOf(step.event);
    if (kind !== 'protocol' && kind !== 'delivery' && kind !== 'time')
      throw new TraceError(
        `${source}: step ${step.step}: '${step.label}' is a ${kind} event, but the continuation after the trigger (step ${trigger}) runs only protocol, delivery and time events`,
      );
    const allowed = fair.successors(states[step.step - 1] as S & object);
    if (!allowed.some((v) => fair.system.vocabulary[v] === step.event))
      throw new TraceError(
        `${source}: step ${step.step}: '${step.label}' lets time pass while a protocol step or delivery is enabled; the continuation advances the clock only when neither is`,
      );
  }
  if (loop === undefined) return;
  const fp = new Fingerprinter();
  const key = (state: S) => {
    fp.fingerprint(state as object);
    return `${fp.h1}:${fp.h2}`;
  };
  if (key(states[loop]!) !== key(states[states.length - 1]!))
    throw new TraceError(
      `${source}: the lasso does not close: the state after step ${states.length - 1} is not the state before step ${loop + 1}`,
    );
}

/** Key of an event independent of field order. */
export function canonical(event: unknown): string {
  if (typeof event !== 'object' || event === null) return JSON.stringify(event);
  const record = event as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}
