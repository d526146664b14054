/**
 * State fingerprints: a 64-bit hash (two 32-bit lanes) of a state's canonical form, JSON with
 * sorted keys. Exhaustive search keeps only fingerprints, as mature explicit-state checkers do;
 * the chance that two of n distinct states share one is about n² / 2⁶⁵ and is reported with
 * every run.
 *
 * An object's fingerprint is a mix of the sum, over its entries, of one well-mixed contribution
 * per (key, value). A sum does not depend on key order, so no keys are sorted; and when a
 * successor is fingerprinted with its predecessor's node as a hint, only the entries that
 * changed are subtracted and added again. immer leaves unchanged subtrees in place, so a child
 * that is the very object the hint had keeps its contribution without being looked at.
 */
export interface FingerprintNode {
  readonly value: object;
  readonly h1: number;
  readonly h2: number;
  /** Sums of the contributions, before the final mix. */
  readonly s1: number;
  readonly s2: number;
  /** Own keys in Object.keys order, as read. */
  readonly keys: readonly string[];
  /** Per key: its child's node (objects only) and its contribution to the sums. */
  readonly kids: readonly (FingerprintNode | undefined)[];
  readonly c1: readonly number[];
  readonly c2: readonly number[];
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
  /** Result of the last call, lane by lane (no allocation per call). */
  h1 = 0;
  h2 = 0;
  private c1 = 0;
  private c2 = 0;

  /** Computes the fingerprint of a value into h1/h2, reusing the hint's unchanged entries. */
  fingerprint(value: object, hint?: FingerprintNode): void {
    if (hint !== undefined) {
      if (hint.value === value) {
        this.h1 = hint.h1;
        this.h2 = hint.h2;
        return;
      }
      if (sameKeys(value, hint.keys)) {
        let s1 = hint.s1;
        let s2 = hint.s2;
        const before = hint.value as Record<string, unknown>;
        const keys = hint.keys;
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          const child = (value as Record<string, unknown>)[key];
          if (child === before[key]) continue;
          this.contribution(key, child, hint.kids[i]);
          s1 = (s1 - hint.c1[i]! + this.c1) | 0;
          s2 = (s2 - hint.c2[i]! + this.c2) | 0;
        }
        this.finish(value, s1, s2);
        return;
      }
    }
    let s1 = 0;
    let s2 = 0;
    for (const key in value) {
      this.contribution(key, (value as Record<string, unknown>)[key], undefined);
      s1 = (s1 + this.c1) | 0;
      s2 = (s2 + this.c2) | 0;
    }
    this.finish(value, s1, s2);
  }

  /** Builds the node of a value kept on the frontier, so its successors can use it as hint. */
  node(value: object, hint?: FingerprintNode): FingerprintNode {
    if (hint !== undefined && hint.value === value) return hint;
    const same = hint !== undefined && sameKeys(value, hint.keys);
    const keys = same ? hint.keys : Object.keys(value);
    const before = hint?.value as Record<string, unknown> | undefined;
    const kids: (FingerprintNode | undefined)[] = new Array(keys.length);
    const c1: number[] = new Array(keys.length);
    const c2: number[] = new Array(keys.length);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const child = (value as Record<string, unknown>)[key];
      if (same && child === before![key]) {
        kids[i] = hint.kids[i];
        c1[i] = hint.c1[i]!;
        c2[i] = hint.c2[i]!;
      } else {
        const childHint = same ? hint.kids[i] : undefined;
        if (typeof child === 'object' && child !== null) kids[i] = this.node(child, childHint);
        this.contribution(key, child, kids[i]);
        c1[i] = this.c1;
        c2[i] = this.c2;
      }
      s1 = (s1 + c1[i]!) | 0;
      s2 = (s2 + c2[i]!) | 0;
    }
    this.finish(value, s1, s2);
    return { value, h1: this.h1, h2: this.h2, s1, s2, keys, kids, c1, c2 };
  }

  /** The contribution of one entry into c1/c2; absent (undefined) entries contribute nothing. */
  private contribution(key: string, child: unknown, childHint: FingerprintNode | undefined): void {
    if (child === undefined) {
      this.c1 = 0;
      this.c2 = 0;
      return;
    }
    let v1: number;
    let v2: number;
    if (typeof child === 'object' && child !== null) {
      this.fingerprint(child, childHint);
      v1 = this.h1;
      v2 = this.h2;
    } else {
      v1 = hashPrimitive(child);
      v2 = fmix(v1 ^ 0x7f4a7c15);
    }
    const k = hashString(key);
    this.c1 = fmix(Math.imul(k, 0x9e3779b1) ^ v1);
    this.c2 = fmix((Math.imul(k ^ 0x2545f491, 0x85ebca77) + v2) | 0);
  }

  private finish(value: object, s1: number, s2: number): void {
    const array = Array.isArray(value);
    this.h1 = fmix(s1 ^ (array ? 0x6a09e667 : 0x3243f6a8));
    this.h2 = fmix((s2 + (array ? 0x4f1bbcdd : 0x2545f491)) | 0);
  }
}

/** Whether an object's own enumerable keys are exactly `keys`, in order, without allocating. */
function sameKeys(value: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in value) {
    if (keys[i] !== key) return false;
    i++;
  }
  return i === keys.length;
}

/** The chance that some two of n distinct states share a 64-bit fingerprint. */
export function collisionProbability(n: number): number {
  return (n * n) / 2 ** 65;
}
