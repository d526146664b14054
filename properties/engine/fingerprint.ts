/**
 * State fingerprints: a 64-bit hash (two 32-bit lanes) of a state's canonical form, JSON with
 * sorted keys, computed bottom-up from the fingerprints of its subtrees. Exhaustive search keeps
 * only fingerprints, as mature explicit-state checkers do; the chance that two of n distinct
 * states share one is about n² / 2⁶⁵ and is reported with every run.
 *
 * A successor is fingerprinted with its predecessor's node as a hint: immer leaves unchanged
 * subtrees in place, so a child that is the very object the hint had reuses the hint's
 * fingerprint, and only the changed path is hashed. Nodes are built only for states kept on the
 * frontier; a duplicate successor costs no allocation beyond its key lists.
 */
export interface FingerprintNode {
  readonly value: object;
  readonly h1: number;
  readonly h2: number;
  /** Own keys in Object.keys order, as read. */
  readonly raw: readonly string[];
  /** The same keys sorted: the canonical order. */
  readonly keys: readonly string[];
  /** Hashes of `keys`, so a successor with the same keys does not hash them again. */
  readonly keyHashes: readonly number[];
  /** Child nodes aligned with `keys` (undefined for primitive children). */
  readonly kids: readonly (FingerprintNode | undefined)[];
}

/** Murmur3's 32-bit finalizer: every input bit affects every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const stringHashes = new Map<string, number>();
const STAND_IN = {};

function hashString(s: string): number {
  let h = stringHashes.get(s);
  if (h === undefined) {
    h = 0x9747b28c ^ s.length;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h = fmix(h);
    if (stringHashes.size < 1_000_000) stringHashes.set(s, h);
  }
  return h;
}

function hashPrimitive(v: unknown): number {
  switch (typeof v) {
    case 'string':
      return hashString(v);
    case 'number':
      return fmix(Math.imul((v | 0) ^ 0x27d4eb2f, 0x165667b1) ^ Math.floor(v / 4294967296));
    case 'boolean':
      return v ? 0x3c6ef372 : 0x1b873593;
    default:
      return 0x61c88647;
  }
}

export class Fingerprinter {
  /** Fingerprint of the last `fingerprint` call, lane by lane (no allocation per call). */
  h1 = 0;
  h2 = 0;

  /** Computes the fingerprint of a value into h1/h2, reusing the hint's unchanged subtrees. */
  fingerprint(value: object, hint?: FingerprintNode): void {
    if (hint !== undefined && hint.value === value) {
      this.h1 = hint.h1;
      this.h2 = hint.h2;
      return;
    }
    const keys = this.keysOf(value, hint);
    const aligned = hint !== undefined && keys === hint.keys;
    const keyHashes = aligned ? hint.keyHashes : undefined;
    let entries = 0;
    let a = Array.isArray(value) ? 0x2545f491 : 0x6a09e667;
    let b = Array.isArray(value) ? 0x4f1bbcdd : 0x3243f6a8;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const child = (value as Record<string, unknown>)[key];
      if (child === undefined) continue;
      entries++;
      const k = keyHashes === undefined ? hashString(key) : keyHashes[i]!;
      let c1: number;
      let c2: number;
      if (typeof child === 'object' && child !== null) {
        this.fingerprint(
          child,
          aligned ? hint.kids[i] : hint === undefined ? undefined : kidOf(hint, key),
        );
        c1 = this.h1;
        c2 = this.h2;
      } else {
        c1 = hashPrimitive(child);
        c2 = fmix(c1 ^ 0x7f4a7c15);
      }
      a = Math.imul(a ^ k, 0x01000193);
      a = Math.imul(a ^ c1, 0x01000193);
      b = Math.imul((b ^ k) + 0x9e3779b9, 0x85ebca77);
      b = Math.imul(b ^ c2, 0xc2b2ae3d);
    }
    this.h1 = fmix(a);
    // Entries, not keys: a key whose value is undefined is absent in the canonical form.
    this.h2 = fmix(b ^ entries);
  }

  /** Builds the node tree of a value kept on the frontier, so its successors can use it as hint. */
  node(value: object, hint?: FingerprintNode): FingerprintNode {
    if (hint !== undefined && hint.value === value) return hint;
    const raw = hint !== undefined && sameKeys(value, hint.raw) ? hint.raw : Object.keys(value);
    const keys = raw === hint?.raw ? hint.keys : this.keysOf(value, undefined, raw);
    const aligned = hint !== undefined && keys === hint.keys;
    const kids: (FingerprintNode | undefined)[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const child = (value as Record<string, unknown>)[keys[i]!];
      if (typeof child === 'object' && child !== null) {
        kids[i] = this.node(
          child,
          aligned ? hint.kids[i] : hint === undefined ? undefined : kidOf(hint, keys[i]!),
        );
      }
    }
    // Hash from the new children: a stand-in hint whose kids are exactly this value's subtrees.
    const keyHashes = aligned ? hint.keyHashes : keys.map(hashString);
    this.fingerprint(value, { value: STAND_IN, h1: 0, h2: 0, raw, keys, keyHashes, kids });
    return { value, h1: this.h1, h2: this.h2, raw, keys, keyHashes, kids };
  }

  /** Sorted keys; the hint's when the own keys are the same in the same order (no sort, no copy). */
  private keysOf(
    value: object,
    hint: FingerprintNode | undefined,
    raw?: readonly string[],
  ): readonly string[] {
    if (hint !== undefined && sameKeys(value, hint.raw)) return hint.keys;
    const own = raw ?? Object.keys(value);
    return Array.isArray(value) || own.length < 2 ? own : [...own].sort();
  }
}

/** Whether an object's own enumerable keys are exactly `raw`, in order, without allocating. */
export function sameKeys(value: object, raw: readonly string[]): boolean {
  let i = 0;
  for (const key in value) {
    if (raw[i] !== key) return false;
    i++;
  }
  return i === raw.length;
}

function kidOf(hint: FingerprintNode, key: string): FingerprintNode | undefined {
  const i = hint.keys.indexOf(key);
  return i < 0 ? undefined : hint.kids[i];
}

/** The chance that some two of n distinct states share a 64-bit fingerprint. */
export function collisionProbability(n: number): number {
  return (n * n) / 2 ** 65;
}
