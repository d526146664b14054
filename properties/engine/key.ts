/**
 * Canonical state ids by hash-consing. Every distinct subtree gets a small integer id, looked up
 * from its children's ids, so two states share an id exactly when they are equal as JSON with
 * sorted keys.
 *
 * Interning a successor takes its predecessor's node as a hint: immer leaves unchanged subtrees
 * in place, so a child that is the very object the hint had reuses the hint's node, and only the
 * changed path is looked at. No per-object cache is kept, so discarded states cost nothing.
 * A subtree's shape is a short list of integers (key name, child id or primitive code), hashed
 * and compared in place: no strings are built on the hot path.
 */
export interface KeyNode {
  readonly value: object;
  readonly id: number;
  /** Own keys in Object.keys order, as read. */
  readonly raw: readonly string[];
  /** The same keys sorted: the canonical order. */
  readonly keys: readonly string[];
  /** Child nodes aligned with `keys` (undefined for primitive children). */
  readonly kids: readonly (KeyNode | undefined)[];
}

const EMPTY_SLOT = -1;

export class Interner {
  /** Codes of key names and primitive values. */
  private readonly codes = new Map<unknown, number>();
  /** Shape of subtree id i: pool[start[i] .. start[i + 1]). */
  private pool: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  private poolUsed = 0;
  private starts: number[] = [0];
  /** Open-addressing hash table from shape to id. */
  private slots = new Int32Array(1 << 16).fill(EMPTY_SLOT);

  /** Number of distinct subtrees seen. */
  get size(): number {
    return this.starts.length - 1;
  }

  intern(value: object, hint?: KeyNode): KeyNode {
    if (hint !== undefined && hint.value === value) return hint;
    const raw = Object.keys(value);
    const keys =
      hint !== undefined && sameKeys(hint.raw, raw) ? hint.keys : canonicalOrder(value, raw);
    const aligned = hint !== undefined && keys === hint.keys;
    const kids: (KeyNode | undefined)[] = new Array(keys.length);
    const shape: number[] = [];
    shape.push(Array.isArray(value) ? 1 : 0);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const child = (value as Record<string, unknown>)[key];
      if (child === undefined) continue;
      shape.push(this.code(key));
      if (typeof child === 'object' && child !== null) {
        const childHint = aligned
          ? hint.kids[i]
          : hint === undefined
            ? undefined
            : kidOf(hint, key);
        const node = this.intern(child, childHint);
        kids[i] = node;
        shape.push(node.id * 2);
      } else {
        shape.push(this.code(child) * 2 + 1);
      }
    }
    return { value, id: this.lookup(shape), raw, keys, kids };
  }

  private code(primitive: unknown): number {
    let code = this.codes.get(primitive);
    if (code === undefined) {
      code = this.codes.size;
      this.codes.set(primitive, code);
    }
    return code;
  }

  /** The id of a shape, adding it if new. */
  private lookup(shape: readonly number[]): number {
    let h = 0x811c9dc5;
    for (const x of shape) h = Math.imul(h ^ x, 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY_SLOT) return this.add(shape, slot);
      if (this.matches(id, shape)) return id;
    }
  }

  private matches(id: number, shape: readonly number[]): boolean {
    const start = this.starts[id]!;
    if (this.starts[id + 1]! - start !== shape.length) return false;
    for (let i = 0; i < shape.length; i++) if (this.pool[start + i] !== shape[i]) return false;
    return true;
  }

  private add(shape: readonly number[], slot: number): number {
    const id = this.starts.length - 1;
    if (this.poolUsed + shape.length > this.pool.length)
      this.pool = grow(this.pool, this.poolUsed + shape.length);
    this.pool.set(shape, this.poolUsed);
    this.poolUsed += shape.length;
    this.starts.push(this.poolUsed);
    this.slots[slot] = id;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY_SLOT);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let h = 0x811c9dc5;
      for (let i = this.starts[id]!; i < this.starts[id + 1]!; i++)
        h = Math.imul(h ^ this.pool[i]!, 0x01000193);
      let slot = h & mask;
      while (this.slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

function grow(pool: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  let size = pool.length * 2;
  while (size < needed) size *= 2;
  const bigger = new Int32Array(size);
  bigger.set(pool);
  return bigger;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function canonicalOrder(value: object, raw: string[]): readonly string[] {
  return Array.isArray(value) || raw.length < 2 ? raw : [...raw].sort();
}

function kidOf(hint: KeyNode, key: string): KeyNode | undefined {
  const i = hint.keys.indexOf(key);
  return i < 0 ? undefined : hint.kids[i];
}
