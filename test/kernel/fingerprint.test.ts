import { describe, expect, it } from 'vitest';
import { Fingerprinter, type FingerprintNode } from '../../properties/engine/fingerprint.ts';

/** Fingerprints a value (with an optional hint) and names the result by both lanes. */
class Interner {
  private readonly fp = new Fingerprinter();
  intern(value: object, hint?: FingerprintNode): FingerprintNode & { id: string } {
    const node = this.fp.node(value, hint);
    // Cross-check: the allocation-free path gives the same fingerprint as the node builder.
    this.fp.fingerprint(value, hint);
    if (this.fp.h1 !== node.h1 || this.fp.h2 !== node.h2)
      throw new Error('fingerprint and node disagree');
    return Object.assign(Object.create(node) as FingerprintNode, {
      id: `${node.h1}:${node.h2}`,
    }) as FingerprintNode & { id: string };
  }
}

describe('engine: state fingerprints', () => {
  it('should give equal states built in different key orders the same id', () => {
    const interner = new Interner();
    const a = interner.intern({ x: 1, y: { p: 'a', q: [1, 2] }, z: true });
    const b = interner.intern({ z: true, y: { q: [1, 2], p: 'a' }, x: 1 });
    expect(b.id).toBe(a.id);
  });

  it('should give different states different ids', () => {
    const interner = new Interner();
    const base = interner.intern({ x: 1, y: { p: 'a' } });
    expect(interner.intern({ x: 2, y: { p: 'a' } }).id).not.toBe(base.id);
    expect(interner.intern({ x: 1, y: { p: 'b' } }).id).not.toBe(base.id);
    expect(interner.intern({ x: 1, y: { q: 'a' } }).id).not.toBe(base.id);
    expect(interner.intern({ x: 1 }).id).not.toBe(base.id);
    expect(interner.intern({ x: 1, y: { p: 'a' } }).id).toBe(base.id);
  });

  it('should give the same id when interning with a hint as from scratch', () => {
    const shared = { calls: { c1: 'idle', c2: 'idle' }, agents: { a1: 'ready' } };
    const before = {
      servers: { sip1: { role: 'primary', table: { c1: 'idle' } }, sip2: { role: 'backup' } },
      shared,
    };
    const after = {
      servers: { ...before.servers, sip1: { role: 'primary', table: { c1: 'talking' } } },
      shared,
    };
    const interner = new Interner();
    const previous = interner.intern(before);
    const fromHint = interner.intern(after, previous);
    const fromScratch = interner.intern(structuredClone(after));
    expect(fromScratch).not.toBe(fromHint);
    expect(fromHint.id).toBe(fromScratch.id);
    expect(fromHint.id).not.toBe(previous.id);
    expect(interner.intern(structuredClone(before)).id).toBe(previous.id);
  });

  it('should reuse the hint node for an unchanged subtree', () => {
    const interner = new Interner();
    const shared = { a: 1, b: [1, 2] };
    const previous = interner.intern({ n: 1, shared });
    const next = interner.intern({ n: 2, shared }, previous);
    const i = next.keys.indexOf('shared');
    const j = previous.keys.indexOf('shared');
    expect(next.kids[i]).toBe(previous.kids[j]);
  });

  it('should give the same id with a hint whose keys were added or removed', () => {
    const interner = new Interner();
    const previous = interner.intern({ a: { x: 1 }, b: { y: 2 } });
    const grown = interner.intern({ a: { x: 1 }, b: { y: 2 }, c: { z: 3 } }, previous);
    const shrunk = interner.intern({ b: { y: 3 } }, previous);
    const reordered = interner.intern({ b: { y: 2 }, a: { x: 1 } }, previous);
    expect(interner.intern({ c: { z: 3 }, b: { y: 2 }, a: { x: 1 } }).id).toBe(grown.id);
    expect(interner.intern({ b: { y: 3 } }).id).toBe(shrunk.id);
    expect(reordered.id).toBe(previous.id);
    expect(new Set([previous.id, grown.id, shrunk.id]).size).toBe(3);
  });

  it('should give the same id with a hint whose children moved or changed kind', () => {
    const interner = new Interner();
    const x = { v: 1 };
    const y = { v: 2 };
    const previous = interner.intern({ list: [x, y], slot: { w: 0 }, flag: 1 });
    const swapped = interner.intern({ list: [y, x], slot: 5, flag: { w: 0 } }, previous);
    const scratch = interner.intern({ flag: { w: 0 }, list: [{ v: 2 }, { v: 1 }], slot: 5 });
    expect(swapped.id).toBe(scratch.id);
    expect(swapped.id).not.toBe(previous.id);
  });

  it('should return the hint itself when the value is the hinted object', () => {
    const interner = new Interner();
    const value = { a: 1 };
    const fp = new Fingerprinter();
    const node = fp.node(value);
    expect(fp.node(value, node)).toBe(node);
    expect(interner.intern(value, node).id).toBe(interner.intern(value).id);
  });

  it('should distinguish an array from an object with the same entries', () => {
    const interner = new Interner();
    const array = interner.intern(['a', 'b']);
    const object = interner.intern({ 0: 'a', 1: 'b' });
    expect(array.id).not.toBe(object.id);
    expect(interner.intern([]).id).not.toBe(interner.intern({}).id);
  });

  it('should keep array order significant', () => {
    const interner = new Interner();
    expect(interner.intern([1, 2]).id).not.toBe(interner.intern([2, 1]).id);
  });

  it('should distinguish a string from a number with the same text', () => {
    const interner = new Interner();
    expect(interner.intern({ a: '1' }).id).not.toBe(interner.intern({ a: 1 }).id);
    expect(interner.intern(['1']).id).not.toBe(interner.intern([1]).id);
    expect(interner.intern({ a: 'true' }).id).not.toBe(interner.intern({ a: true }).id);
    expect(interner.intern({ a: null }).id).not.toBe(interner.intern({ a: 'null' }).id);
  });

  it('should distinguish a nested object from a primitive value', () => {
    const interner = new Interner();
    const empty = interner.intern({});
    expect(interner.intern({ a: {} }).id).not.toBe(interner.intern({ a: empty.id }).id);
  });

  it('should ignore keys whose value is undefined', () => {
    const interner = new Interner();
    const absent = interner.intern({ a: 1, nested: { b: 2 } });
    const undef = interner.intern({ a: 1, gone: undefined, nested: { b: 2, c: undefined } });
    expect(undef.id).toBe(absent.id);
  });

  it('should give distinct ids to 50,000 distinct states and the same ids again', () => {
    const interner = new Interner();
    const n = 50_000;
    const ids = new Set<string>();
    const first: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = interner.intern({ n: i, half: { v: i % 2 } }).id;
      ids.add(id);
      first.push(id);
    }
    expect(ids.size).toBe(n);
    for (let i = 0; i < n; i += 997) {
      expect(interner.intern({ half: { v: i % 2 }, n: i }).id).toBe(first[i]);
    }
  });
});
