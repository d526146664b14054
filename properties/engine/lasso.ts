/**
 * Explaining a liveness miss as a lasso (liveness.ts): the goal-free states of the fault-free
 * continuation reachable from a triggering state, their strongly connected components, and in
 * one that weak fairness allows (every event enabled in all its states is taken inside it) a
 * cycle through all its states and one edge of each such event, after the path that leads there.
 */
import type { ModelEvent, System } from '../../model/kernel/model.ts';
import { Fingerprinter } from './fingerprint.ts';
import type { Eventually } from './property.ts';

/** The most distinct states searched for a fair cycle when explaining a violation. */
const LASSO_SEARCH_LIMIT = 200_000;

/** A continuation: its system and the events it allows in a state (vocabulary indices). */
export interface Continuation<S, E extends ModelEvent> {
  readonly system: System<S, E>;
  successors(state: S): number[];
}

export interface Lasso<E> {
  readonly schedule: readonly E[];
  /** Where the cycle starts in `schedule`. */
  readonly loop: number;
}

interface Edge {
  readonly via: number;
  readonly to: number;
}

interface Region {
  readonly edges: readonly (readonly Edge[])[];
  readonly enabled: readonly (readonly number[])[];
  readonly parent: readonly { readonly from: number; readonly via: number }[];
}

/**
 * A goal-free cycle of the continuation reachable from `start` that weak fairness allows, as a
 * lasso; undefined when there is none (or the goal-free region is too large to search).
 */
export function fairLasso<S extends object, E extends ModelEvent>(
  c: Continuation<S, E>,
  p: Eventually<S>,
  start: S,
): Lasso<E> | undefined {
  const region = goalFreeRegion(c, p, start);
  if (region === undefined) return undefined;
  for (const component of stronglyConnected(region.edges)) {
    const members = new Set(component);
    const inside = (i: number) => region.edges[i]!.filter((edge) => members.has(edge.to));
    if (component.length === 1 && !inside(component[0]!).some((e) => e.to === component[0]))
      continue;
    // Weak fairness: an event enabled in every state of the cycle must be taken in it.
    const always = new Set(region.enabled[component[0]!]);
    for (const i of component) {
      const here = new Set(region.enabled[i]);
      for (const v of always) if (!here.has(v)) always.delete(v);
    }
    const taken = new Set(component.flatMap((i) => inside(i).map((e) => e.via)));
    if (![...always].every((v) => taken.has(v))) continue;
    const { prefix, cycle } = lassoThrough(region, component, inside, always);
    return {
      schedule: [...prefix, ...cycle].map((v) => c.system.vocabulary[v]!),
      loop: prefix.length,
    };
  }
  return undefined;
}

/** The goal-free states reachable from `start`, with their continuation edges. */
function goalFreeRegion<S extends object, E extends ModelEvent>(
  c: Continuation<S, E>,
  p: Eventually<S>,
  start: S,
): Region | undefined {
  const fp = new Fingerprinter();
  const key = (state: S) => {
    fp.fingerprint(state);
    return `${fp.h1}:${fp.h2}`;
  };
  const index = new Map<string, number>([[key(start), 0]]);
  const states: S[] = [start];
  const edges: Edge[][] = [];
  const enabled: number[][] = [];
  const parent: { from: number; via: number }[] = [{ from: -1, via: -1 }];
  for (let i = 0; i < states.length; i++) {
    const state = states[i]!;
    const next = c.successors(state);
    enabled.push(next);
    const out: Edge[] = [];
    for (const v of next) {
      const after = c.system.reduce(state, c.system.vocabulary[v]!);
      if (p.goal(after)) continue;
      const k = key(after);
      let to = index.get(k);
      if (to === undefined) {
        if (states.length >= LASSO_SEARCH_LIMIT) return undefined;
        to = states.length;
        index.set(k, to);
        states.push(after);
        parent.push({ from: i, via: v });
      }
      out.push({ via: v, to });
    }
    edges.push(out);
  }
  return { edges, enabled, parent };
}

/** The prefix to the component's first-found state, and a cycle from it through the component. */
function lassoThrough(
  region: Region,
  component: readonly number[],
  inside: (i: number) => Edge[],
  always: ReadonlySet<number>,
): { prefix: number[]; cycle: number[] } {
  // The prefix: the first-found path from the triggering state to the component's entry.
  const entry = Math.min(...component);
  const prefix: number[] = [];
  for (let i = entry; region.parent[i]!.from >= 0; i = region.parent[i]!.from)
    prefix.push(region.parent[i]!.via);
  prefix.reverse();
  // The cycle: through every state of the component and one edge of each always-enabled event,
  // back to the entry, by shortest paths inside the component.
  const route = (from: number, to: number): number[] => {
    const back = new Map<number, { from: number; via: number }>([[from, { from: -1, via: -1 }]]);
    const queue = [from];
    for (let q = 0; q < queue.length && !back.has(to); q++)
      for (const e of inside(queue[q]!))
        if (!back.has(e.to)) {
          back.set(e.to, { from: queue[q]!, via: e.via });
          queue.push(e.to);
        }
    const path: number[] = [];
    for (let i = to; i !== from; i = back.get(i)!.from) path.push(back.get(i)!.via);
    return path.reverse();
  };
  const cycle: number[] = [];
  let at = entry;
  const targets: { via?: number; to: number }[] = component
    .filter((i) => i !== entry)
    .map((to) => ({ to }));
  for (const v of always) {
    const from = component.find((i) => inside(i).some((e) => e.via === v))!;
    targets.push({ to: from, via: v });
  }
  for (const t of targets) {
    cycle.push(...route(at, t.to));
    at = t.to;
    if (t.via !== undefined) {
      cycle.push(t.via);
      at = inside(at).find((e) => e.via === t.via)!.to;
    }
  }
  cycle.push(...route(at, entry));
  if (cycle.length === 0) {
    // A single state with a self-loop.
    const self = inside(entry).find((e) => e.to === entry)!;
    cycle.push(self.via);
  }
  return { prefix, cycle };
}

/** Tarjan's strongly connected components, iteratively, over adjacency lists. */
function stronglyConnected(edges: readonly (readonly { to: number }[])[]): number[][] {
  const n = edges.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root]! >= 0) continue;
    const work: { node: number; edge: number }[] = [{ node: root, edge: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const list = edges[top.node]!;
      if (top.edge < list.length) {
        const to = list[top.edge++]!.to;
        if (index[to]! < 0) {
          index[to] = low[to] = counter++;
          stack.push(to);
          onStack[to] = 1;
          work.push({ node: to, edge: 0 });
        } else if (onStack[to]) low[top.node] = Math.min(low[top.node]!, index[to]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low[parent] = Math.min(low[parent]!, low[top.node]!);
      }
      if (low[top.node] === index[top.node]) {
        const component: number[] = [];
        for (;;) {
          const m = stack.pop()!;
          onStack[m] = 0;
          component.push(m);
          if (m === top.node) break;
        }
        out.push(component);
      }
    }
  }
  return out;
}
