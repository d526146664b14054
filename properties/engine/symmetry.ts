/**
 * Symmetry reduction: where a model declares identities that nothing in it tells apart
 * (System.symmetry), the explorer keeps one state per orbit of their permutations. It
 * fingerprints the orbit's representative (`canonical`) while it expands the states it actually
 * reached, so every path it reports is a real run of the model.
 *
 * The representative sorts the ids by their columns (the tuple of their entries across the
 * arrays, compared entry by entry): two states of one orbit have the same multiset of columns,
 * so they sort to the same state. Entries must be primitives (booleans, numbers, strings), and
 * nothing else in the state may name an id: a field holding an id would need renaming too.
 */
import type { Symmetry } from '../../model/kernel/model.ts';

function at(state: object, path: readonly string[]): readonly unknown[] {
  let v: unknown = state;
  for (const key of path) v = (v as Record<string, unknown>)[key];
  return v as readonly unknown[];
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  // Booleans and numbers compare as numbers; strings as strings. One column holds one type.
  return (a as number) < (b as number) ? -1 : 1;
}

/** How ids i and j of `arrays` compare: column by column, entry by entry. */
function compareIds(arrays: readonly (readonly unknown[])[], i: number, j: number): number {
  for (const a of arrays) {
    const c = compare(a[i], a[j]);
    if (c !== 0) return c;
  }
  return 0;
}

/** The state with the ids permuted: id `perm[k]` of `state` becomes id `k`. Shares what it can. */
export function permute<S extends object>(
  symmetry: Symmetry,
  state: S,
  perm: readonly number[],
): S {
  let out: object = state;
  for (const path of symmetry.columns) {
    const from = at(state, path);
    out = setAt(
      out,
      path,
      perm.map((p) => from[p]),
    );
  }
  return out as S;
}

/** A copy of `root` with the value at `path` replaced, copying only the objects on the path. */
function setAt(root: object, path: readonly string[], value: unknown, depth = 0): object {
  const key = path[depth]!;
  const copy: Record<string, unknown> = Array.isArray(root)
    ? ([...root] as unknown as Record<string, unknown>)
    : { ...root };
  copy[key] =
    depth === path.length - 1
      ? value
      : setAt((root as Record<string, object>)[key]!, path, value, depth + 1);
  return copy;
}

/**
 * The representative of a state's orbit: its ids sorted by their columns. The state itself when
 * they already are (no allocation), which is the common case.
 */
export function canonical<S extends object>(symmetry: Symmetry, state: S): S {
  const arrays = symmetry.columns.map((path) => at(state, path));
  const n = arrays[0]?.length ?? 0;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = compareIds(arrays, i - 1, i) <= 0;
  if (sorted) return state;
  const perm = Array.from({ length: n }, (_, i) => i);
  perm.sort((i, j) => compareIds(arrays, i, j));
  return permute(symmetry, state, perm);
}
