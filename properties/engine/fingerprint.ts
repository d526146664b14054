/**
 * State fingerprints: a 64-bit hash (two 32-bit lanes) of a state as plain data. An object's or
 * array's hash is a sum over its entries (key and value, keys whose value is undefined left out)
 * of each entry's mixed hash, lane by lane, finished with the count of entries and whether it is
 * an array. A sum does not depend on the order keys come in, so equal states built in different
 * key orders hash alike with no sort; and it is updated by an entry's difference alone, so a
 * successor whose writes are known (a transition cache's patch, transitions.ts) is fingerprinted
 * from its predecessor's node by the entries it wrote, whatever the size of the objects around
 * them. Exhaustive search keeps only fingerprints, as mature explicit-state checkers do; the
 * chance that two of n distinct states share one is about n² / 2⁶⁵ and is reported with every
 * run.
 *
 * A successor is fingerprinted with its predecessor's node as a hint: immer (and the cache)
 * leave unchanged subtrees in place, so a child that is the very object the hint had reuses the
 * hint's fingerprint. Nodes are built only for states kept on the frontier.
 */
export interface FingerprintNode {
  readonly value: object;
  readonly h1: number;
  readonly h2: number;
  /** The entries' sums, lane by lane, and their count: what an update starts from. */
  readonly s1: number;
  readonly s2: number;
  readonly n: number;
  /** Own keys in Object.keys order (an array's indices are its positions: no keys kept). */
  readonly keys: readonly string[];
  /** Child nodes aligned with `keys`, or with the indices of an array (undefined for primitives). */
  readonly kids: readonly (FingerprintNode | undefined)[];
}

/** What a transition wrote at one object (transitions.ts), as the fingerprint reads it. */
export interface Touched {
  readonly key: string;
  /** The writes inside the child at key, when its value there is the child patched. */
  readonly kid: PatchShape | undefined;
  /** Whether some write replaced or deleted the value at key itself. */
  readonly replaced: boolean;
  /** Where it did, the value the last write left (undefined for a delete). */
  readonly value: unknown;
}

export interface PatchShape {
  readonly touched: readonly Touched[];
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

/** Index keys' hashes, as their strings hash: arrays read them by position. */
const INDEX_HASHES = Array.from({ length: 256 }, (_, i) => hashString(String(i)));

function indexHash(i: number): number {
  return i < INDEX_HASHES.length ? INDEX_HASHES[i]! : hashString(String(i));
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

/** An entry's hash in lane 1 and lane 2, from its key's hash and its value's lanes. */
function entry1(k: number, c1: number): number {
  return fmix(Math.imul(k, 0xcc9e2d51) ^ c1);
}

function entry2(k: number, c2: number): number {
  return fmix((Math.imul(k ^ 0x1b873593, 0x85ebca6b) + c2) | 0);
}

function finish1(s1: number, n: number, array: boolean): number {
  return fmix(s1 ^ (array ? 0x2545f491 : 0x6a09e667) ^ Math.imul(n, 0x27d4eb2f));
}

function finish2(s2: number, n: number, array: boolean): number {
  return fmix((s2 + (array ? 0x4f1bbcdd : 0x3243f6a8) + n) | 0);
}

const EMPTY: readonly string[] = [];

export class Fingerprinter {
  /** Fingerprint of the last call, lane by lane (no allocation per call). */
  h1 = 0;
  h2 = 0;
  /** Fingerprints of values a patch writes: constants of the cache, hashed once each. */
  private readonly constants = new WeakMap<object, readonly [number, number]>();

  /** Computes the fingerprint of a value into h1/h2, reusing the hint's unchanged subtrees. */
  fingerprint(value: object, hint?: FingerprintNode): void {
    if (hint !== undefined && hint.value === value) {
      this.h1 = hint.h1;
      this.h2 = hint.h2;
      return;
    }
    let s1 = 0;
    let s2 = 0;
    let n = 0;
    const array = Array.isArray(value);
    if (array) {
      const kids = hint !== undefined && Array.isArray(hint.value) ? hint.kids : undefined;
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        if (child === undefined) continue;
        n++;
        this.child(child, kids?.[i]);
        const k = indexHash(i);
        s1 = (s1 + entry1(k, this.h1)) | 0;
        s2 = (s2 + entry2(k, this.h2)) | 0;
      }
    } else {
      const keys = hint !== undefined && !Array.isArray(hint.value) ? hint.keys : EMPTY;
      let i = 0;
      for (const key in value) {
        const child = (value as Record<string, unknown>)[key];
        const at = keys[i] === key ? i : keys.indexOf(key);
        i++;
        if (child === undefined) continue;
        n++;
        this.child(child, at < 0 ? undefined : hint!.kids[at]);
        const k = hashString(key);
        s1 = (s1 + entry1(k, this.h1)) | 0;
        s2 = (s2 + entry2(k, this.h2)) | 0;
      }
    }
    this.h1 = finish1(s1, n, array);
    this.h2 = finish2(s2, n, array);
  }

  /** A child's lanes into h1/h2. */
  private child(child: unknown, hint: FingerprintNode | undefined): void {
    if (typeof child === 'object' && child !== null) {
      this.fingerprint(child, hint);
    } else {
      this.h1 = hashPrimitive(child);
      this.h2 = fmix(this.h1 ^ 0x7f4a7c15);
    }
  }

  /**
   * The fingerprint of `after` into h1/h2, where `after` is the hinted value with a patch's
   * writes (`patch` says which keys of which objects were written): only the written entries are
   * hashed, the rest is the hint's sums.
   */
  patched(hint: FingerprintNode, after: object, patch: PatchShape): void {
    const before = hint.value as Record<string, unknown>;
    if (after === before) {
      this.h1 = hint.h1;
      this.h2 = hint.h2;
      return;
    }
    const array = Array.isArray(after);
    if (array !== Array.isArray(before)) {
      this.fingerprint(after);
      return;
    }
    const now = after as Record<string, unknown>;
    let s1 = hint.s1;
    let s2 = hint.s2;
    let n = hint.n;
    for (const t of patch.touched) {
      const key = t.key;
      // An array's length moves entries that no write names: hash the array again.
      if (array && key === 'length') {
        this.fingerprint(after, hint);
        return;
      }
      const old = before[key];
      const neu = now[key];
      if (old === neu) continue;
      const k = array ? indexHash(Number(key)) : hashString(key);
      const kid = this.kidOf(hint, key, array);
      if (old !== undefined) {
        this.child(old, kid);
        s1 = (s1 - entry1(k, this.h1)) | 0;
        s2 = (s2 - entry2(k, this.h2)) | 0;
        n--;
      }
      if (neu !== undefined) {
        if (typeof neu !== 'object' || neu === null) this.child(neu, undefined);
        else if (!t.replaced && t.kid !== undefined && kid !== undefined)
          this.patched(kid, neu, t.kid);
        else this.constant(neu);
        s1 = (s1 + entry1(k, this.h1)) | 0;
        s2 = (s2 + entry2(k, this.h2)) | 0;
        n++;
      }
    }
    this.h1 = finish1(s1, n, array);
    this.h2 = finish2(s2, n, array);
  }

  /**
   * The fingerprint of the hinted value with a patch's writes into h1/h2, without building the
   * successor: false (and nothing computed) where the patch sets an array's length, whose moved
   * entries no write names; the caller then builds the successor and calls `patched`.
   */
  patchedFrom(hint: FingerprintNode, patch: PatchShape): boolean {
    const before = hint.value as Record<string, unknown>;
    const array = Array.isArray(before);
    let s1 = hint.s1;
    let s2 = hint.s2;
    let n = hint.n;
    for (const t of patch.touched) {
      const key = t.key;
      if (array && key === 'length') return false;
      const old = before[key];
      const kid = this.kidOf(hint, key, array);
      let c1 = 0;
      let c2 = 0;
      let neu: unknown;
      if (t.replaced) {
        neu = t.value;
        if (Object.is(old, neu)) continue;
        if (neu !== undefined) {
          if (typeof neu === 'object' && neu !== null) this.constant(neu);
          else this.child(neu, undefined);
          c1 = this.h1;
          c2 = this.h2;
        }
      } else {
        // The child patched in place: its fingerprint from its own node.
        if (kid === undefined || !this.patchedFrom(kid, t.kid!)) return false;
        if (this.h1 === kid.h1 && this.h2 === kid.h2) continue;
        neu = kid;
        c1 = this.h1;
        c2 = this.h2;
      }
      const k = array ? indexHash(Number(key)) : hashString(key);
      if (old !== undefined) {
        this.child(old, kid);
        s1 = (s1 - entry1(k, this.h1)) | 0;
        s2 = (s2 - entry2(k, this.h2)) | 0;
        n--;
      }
      if (neu !== undefined) {
        s1 = (s1 + entry1(k, c1)) | 0;
        s2 = (s2 + entry2(k, c2)) | 0;
        n++;
      }
    }
    this.h1 = finish1(s1, n, array);
    this.h2 = finish2(s2, n, array);
    return true;
  }

  /** A value a patch writes: the same object in every successor, so hashed once. */
  private constant(value: object): void {
    const known = this.constants.get(value);
    if (known !== undefined) {
      this.h1 = known[0];
      this.h2 = known[1];
      return;
    }
    this.fingerprint(value);
    this.constants.set(value, [this.h1, this.h2]);
  }

  private kidOf(hint: FingerprintNode, key: string, array: boolean): FingerprintNode | undefined {
    if (array) return hint.kids[Number(key)];
    const at = hint.keys.indexOf(key);
    return at < 0 ? undefined : hint.kids[at];
  }

  /** Builds the node tree of a value kept on the frontier, so its successors can use it as hint. */
  node(value: object, hint?: FingerprintNode): FingerprintNode {
    if (hint !== undefined && hint.value === value) return hint;
    const array = Array.isArray(value);
    const keys = array ? EMPTY : Object.keys(value);
    const count = array ? value.length : keys.length;
    const hintKeys = hint !== undefined && !Array.isArray(hint.value) ? hint.keys : EMPTY;
    const hintArray = hint !== undefined && Array.isArray(hint.value);
    const kids: (FingerprintNode | undefined)[] = new Array(count);
    let s1 = 0;
    let s2 = 0;
    let n = 0;
    for (let i = 0; i < count; i++) {
      const key = array ? undefined : keys[i]!;
      const child: unknown = array ? value[i] : (value as Record<string, unknown>)[key!];
      if (child === undefined) continue;
      n++;
      if (typeof child === 'object' && child !== null) {
        let near: FingerprintNode | undefined;
        if (hintArray) near = hint!.kids[i];
        else if (key !== undefined) {
          const at = hintKeys[i] === key ? i : hintKeys.indexOf(key);
          near = at < 0 ? undefined : hint!.kids[at];
        }
        const kid = this.node(child, near);
        kids[i] = kid;
        this.h1 = kid.h1;
        this.h2 = kid.h2;
      } else this.child(child, undefined);
      const k = array ? indexHash(i) : hashString(key!);
      s1 = (s1 + entry1(k, this.h1)) | 0;
      s2 = (s2 + entry2(k, this.h2)) | 0;
    }
    const h1 = finish1(s1, n, array);
    const h2 = finish2(s2, n, array);
    this.h1 = h1;
    this.h2 = h2;
    return { value, h1, h2, s1, s2, n, keys, kids };
  }
}

/** The chance that some two of n distinct states share a 64-bit fingerprint. */
export function collisionProbability(n: number): number {
  return (n * n) / 2 ** 65;
}
