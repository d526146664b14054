/**
 * What the symmetry tests share: a search of their own that tells states apart by their plain
 * data (not by the explorer's fingerprints), permutations, and the symmetry check of a model.
 */
import type { ModelEvent, Symmetry, System } from '../../model/kernel/model.ts';
import type { Property } from '../../properties/engine/property.ts';
import { canonical, permute } from '../../properties/engine/symmetry.ts';

/** Every permutation of 0..n-1. */
export function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, at) => [...p.slice(0, at), n - 1, ...p.slice(at)]),
  );
}

/** A key equal for equal states whatever their key order (the states are plain data). */
export function key(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Every reachable state, by a breadth-first search of this file's own (up to `limit`). */
export function reachable<S>(system: System<S, ModelEvent>, limit = Number.POSITIVE_INFINITY): S[] {
  const seen = new Set([key(system.init)]);
  const states = [system.init];
  for (let i = 0; i < states.length && states.length < limit; i++)
    for (const e of system.vocabulary)
      if (system.isEnabled(states[i]!, e)) {
        const next = system.reduce(states[i]!, e);
        const k = key(next);
        if (!seen.has(k)) {
          seen.add(k);
          states.push(next);
        }
      }
  return states;
}

/**
 * Where a model bound to a config is not symmetric under `symmetry` on `states`: a property
 * that judges a state and its permutation differently, or a state whose successors are not,
 * orbit for orbit, its permutation's. The first such finding, or undefined.
 */
export function asymmetry<S extends object>(
  system: System<S, ModelEvent>,
  properties: readonly Property<S, ModelEvent>[],
  symmetry: Symmetry,
  states: readonly S[],
  perms: readonly (readonly number[])[],
): string | undefined {
  const orbits = (s: S) =>
    new Set(
      system.vocabulary
        .filter((e) => system.isEnabled(s, e))
        .map((e) => key(canonical(symmetry, system.reduce(s, e)))),
    );
  for (const s of states)
    for (const p of perms) {
      const t = permute(symmetry, s, p);
      for (const prop of properties)
        if (
          prop.kind === 'invariant' &&
          (prop.check(s) === undefined) !== (prop.check(t) === undefined)
        )
          return `${prop.id} judges ${key(s)} and its permutation ${p} differently`;
      const [a, b] = [orbits(s), orbits(t)];
      if (a.size !== b.size || [...a].some((o) => !b.has(o)))
        return `the successors of ${key(s)} and of its permutation ${p} differ`;
    }
  return undefined;
}
