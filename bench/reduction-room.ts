/**
 * How much room a partial-order reduction would have, measured before building one: from the
 * first states of a breadth-first search, each enabled event's reads (its guard's and its
 * handler's) and writes, and the paths the properties read, traced state by state. An event is
 * invisible at a state when it writes nothing a property read there (the two step properties that
 * compare whole states, fault-budget-kept and no-idle-steps, are left out: a reduction would have
 * to judge them per transition). Two enabled events are independent at a state when neither
 * writes what the other reads or writes. A state could be reduced only if some invisible enabled
 * event's closure under dependency, among the enabled events, is invisible and smaller than all
 * of them. Dynamic and per state, so an upper bound: a real reduction must also account for the
 * events that are not yet enabled.
 *
 *   node --import tsx bench/reduction-room.ts <model> <config> [states]
 */
import type { ModelEvent, System } from '../model/kernel/model.ts';
import type { Property } from '../properties/engine/property.ts';
import { findSuite } from '../properties/registry.ts';

type Plain = Record<string, unknown>;

/** A deep copy of `state` whose every read adds its path to `reads` ('x/*' for a key list). */
function traced(state: object, reads: Set<string>): Plain {
  const wrap = (o: object, path: string): Plain =>
    new Proxy(o as Plain, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof key === 'symbol') return value;
        const at = `${path}/${key}`;
        reads.add(at);
        return typeof value === 'object' && value !== null ? wrap(value, at) : value;
      },
      has(target, key) {
        reads.add(`${path}/${String(key)}`);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        reads.add(`${path}/*`);
        return Reflect.ownKeys(target);
      },
    });
  return wrap(structuredClone(state), '');
}

/** The paths where two plain-data values differ ('x/*' where x's key list changed). */
function written(a: unknown, b: unknown, path: string, out: Set<string>): void {
  if (a === b) return;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    out.add(path);
    return;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) out.add(`${path}/*`);
  for (const k of new Set([...ka, ...kb]))
    written((a as Plain)[k], (b as Plain)[k], `${path}/${k}`, out);
}

/** Whether some written path lies on, above or below some read path. */
function overlaps(reads: ReadonlySet<string>, writes: ReadonlySet<string>): boolean {
  for (const w of writes) {
    const wb = w.endsWith('/*') ? w.slice(0, -2) : w;
    for (const r of reads) {
      const rb = r.endsWith('/*') ? r.slice(0, -2) : r;
      if (rb === wb || rb.startsWith(`${wb}/`) || wb.startsWith(`${rb}/`)) return true;
    }
  }
  return false;
}

interface Step {
  readonly type: string;
  readonly reads: Set<string>;
  readonly writes: Set<string>;
  readonly visible: boolean;
}

const WHOLE_STATE = ['fault-budget-kept', 'no-idle-steps'];

export interface ReductionRoom {
  readonly states: number;
  readonly enabledPerState: number;
  /** Share of enabled transitions that are invisible. */
  readonly invisibleShare: number;
  /** States where some closed set of invisible events is smaller than the enabled set. */
  readonly reducibleStates: number;
  /** Per event type: how often a transition of it was visible. */
  readonly visibleByType: Readonly<Record<string, number>>;
}

export function reductionRoom(modelId: string, configName: string, limit: number): ReductionRoom {
  const suite = findSuite(modelId);
  const config = suite?.model.configs[configName];
  if (suite === undefined || config === undefined)
    throw new Error(`no config '${configName}' of a model '${modelId}'`);
  const system = suite.model.bind(config) as System<object, ModelEvent>;
  const mutate = system.mutate;
  if (mutate === undefined) throw new Error(`${modelId} has no mutate recipe to trace`);
  const properties = suite.properties(config) as readonly Property<object, ModelEvent>[];
  const judged = properties.filter((p) => !WHOLE_STATE.some((w) => p.id.endsWith(w)));
  const seen = new Set<string>([JSON.stringify(system.init)]);
  const queue: object[] = [system.init];
  const visibleByType: Record<string, number> = {};
  let states = 0;
  let enabled = 0;
  let invisible = 0;
  let reducible = 0;
  for (let head = 0; head < queue.length && states < limit; head++) {
    const state = queue[head]!;
    states++;
    const propertyReads = new Set<string>();
    const view = traced(state, propertyReads);
    for (const p of judged) {
      if (p.kind === 'invariant') p.check(view);
      else if (p.kind === 'eventually') {
        p.trigger(view);
        p.goal(view);
      }
    }
    const steps: Step[] = [];
    for (const event of system.vocabulary) {
      const reads = new Set<string>();
      if (!system.isEnabled(traced(state, reads), event)) continue;
      mutate(traced(state, reads) as never, event);
      const after = system.reduce(state, event);
      const writes = new Set<string>();
      written(state, after, '', writes);
      const stepReads = new Set<string>();
      for (const p of judged) {
        if (p.kind === 'step') p.check(traced(state, stepReads), event, traced(after, stepReads));
        if (p.kind === 'witness')
          p.reached(traced(state, stepReads), event, traced(after, stepReads));
      }
      const visible = overlaps(propertyReads, writes) || overlaps(stepReads, writes);
      steps.push({ type: event.type, reads, writes, visible });
      if (visible) visibleByType[event.type] = (visibleByType[event.type] ?? 0) + 1;
      const key = JSON.stringify(after);
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(after);
      }
    }
    enabled += steps.length;
    const quiet = steps.filter((s) => !s.visible);
    invisible += quiet.length;
    const dependent = (x: Step, y: Step) =>
      overlaps(y.reads, x.writes) || overlaps(x.reads, y.writes) || overlaps(x.writes, y.writes);
    const reducibleHere = quiet.some((start) => {
      const closed = new Set([start]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const y of steps)
          if (!closed.has(y) && [...closed].some((x) => dependent(x, y))) {
            closed.add(y);
            grew = true;
          }
      }
      return closed.size < steps.length && [...closed].every((s) => !s.visible);
    });
    if (reducibleHere) reducible++;
  }
  return {
    states,
    enabledPerState: Math.round((enabled / states) * 100) / 100,
    invisibleShare: Math.round((invisible / Math.max(enabled, 1)) * 1000) / 1000,
    reducibleStates: reducible,
    visibleByType,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [modelId, configName, limit] = process.argv.slice(2);
  if (modelId === undefined || configName === undefined) {
    console.error('usage: node --import tsx bench/reduction-room.ts <model> <config> [states]');
    process.exit(2);
  }
  console.log(JSON.stringify(reductionRoom(modelId, configName, Number(limit ?? 3000)), null, 2));
}
