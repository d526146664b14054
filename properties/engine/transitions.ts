/**
 * A cache of a system's transitions, learnt from its own handlers: what an event does depends
 * only on what its handler reads of the state (the event and the bound config are fixed), so a
 * state that agrees with an earlier one on every value the handler read there gets the same
 * writes. Each event keeps a decision tree of the reads its handler made (a value at a path, a
 * key's presence, an object's keys); a state that follows the tree to a leaf gets the leaf's
 * writes applied by structural copy, the way immer copies, without running `produce`.
 *
 * A miss runs the handler once on a recording draft (below) to learn the reads and writes, and
 * once through the system's own `reduce` (immer): the cached writes applied to the state must
 * give exactly immer's successor (same values, same keys in the same order) or the event is
 * never cached again. So every entry of the cache has been checked against immer on a state of
 * its own branch, and the successor returned on a miss is always immer's.
 *
 * What the recording draft does not follow, it refuses, and the transition falls back to immer:
 * a draft assigned into the state, an array's entry deleted, a property defined or a prototype
 * changed, symbol keys written. Handlers are pure (no clock, randomness or environment in
 * model/), which is what makes their writes a function of their reads.
 */
import type { ModelEvent, System } from '../../model/kernel/model.ts';
import type { PatchShape, Touched } from './fingerprint.ts';

/** A read of the state: the keys from the root to an object, then what was asked of it. */
interface Probe {
  readonly path: readonly string[];
  readonly key: string;
  /** 0: the value at key; 1: whether key is in the object; 2: the object's own keys; 3: key's own value. */
  readonly kind: 0 | 1 | 2 | 3;
  readonly id: string;
}

class Branch {
  readonly children = new Map<unknown, Branch | Leaf>();
  constructor(readonly probe: Probe) {}
}

class Leaf {
  /** The writes to apply; undefined when this branch runs immer (the recording draft refused it). */
  constructor(readonly patch: Patch | undefined) {}
}

/**
 * What a handler wrote at one object: its own writes in order, after those inside its children;
 * `touched` names each key written once, for the fingerprint (fingerprint.ts).
 */
export interface Patch extends PatchShape {
  readonly kids: readonly (readonly [string, Patch])[];
  readonly ops: readonly (readonly [string, unknown])[];
}

function patchOf(
  kids: readonly (readonly [string, Patch])[],
  ops: readonly (readonly [string, unknown])[],
): Patch {
  const last = new Map<string, unknown>();
  for (const [key, value] of ops) last.set(key, value === DELETED ? undefined : value);
  const touched: Touched[] = kids.map(([key, kid]) => ({
    key,
    kid,
    replaced: last.has(key),
    value: last.get(key),
  }));
  const inKids = new Set(kids.map(([key]) => key));
  for (const [key, value] of last)
    if (!inKids.has(key)) touched.push({ key, kid: undefined, replaced: true, value });
  return { kids, ops, touched };
}

const OBJECT = Symbol('object');
const ARRAY = Symbol('array');
const ABSENT = Symbol('absent');
const MINUS_ZERO = Symbol('-0');
const DELETED = Symbol('deleted');

/** What a read's value is as a branch key: a primitive itself, an object only by its kind. */
function tagOf(v: unknown): unknown {
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? ARRAY : OBJECT;
  if (v === 0 && 1 / v < 0) return MINUS_ZERO;
  return v;
}

function evaluate(probe: Probe, state: object): unknown {
  let o = state as Record<string, unknown>;
  const path = probe.path;
  for (let i = 0; i < path.length; i++) o = o[path[i]!] as Record<string, unknown>;
  switch (probe.kind) {
    case 0:
      return tagOf(o[probe.key]);
    case 1:
      return probe.key in o;
    case 2:
      return keysText(o);
    default:
      return Object.hasOwn(o, probe.key) ? tagOf(o[probe.key]) : ABSENT;
  }
}

/** An object's own keys as one branch key (JSON: no two key lists give the same text). */
function keysText(o: object): string {
  return JSON.stringify(Reflect.ownKeys(o));
}

/** Whether a value is plain data the recording draft follows: a plain object or an array. */
function isPlain(v: object): boolean {
  if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Whether a key is an array index (what an array's entries are keyed by). */
function isIndex(key: string): boolean {
  const n = Number(key);
  return n >>> 0 === n && n !== 4294967295 && String(n) === key;
}

function shallowCopy(o: object): Record<string, unknown> {
  return (Array.isArray(o) ? o.slice() : { ...o }) as Record<string, unknown>;
}

/** The state with a patch's writes, copying only the objects on a written path. */
export function applyPatch(o: object, patch: Patch): object {
  let copy: Record<string, unknown> | undefined;
  const base = o as Record<string, unknown>;
  for (const [key, kid] of patch.kids) {
    const before = base[key] as object;
    const after = applyPatch(before, kid);
    if (after !== before) {
      copy ??= shallowCopy(o);
      copy[key] = after;
    }
  }
  for (const [key, value] of patch.ops) {
    const cur = copy ?? base;
    if (value === DELETED) {
      if (!Object.hasOwn(cur, key)) continue;
      copy ??= shallowCopy(o);
      delete copy[key];
    } else if (!(Object.is(cur[key], value) && Object.hasOwn(cur, key))) {
      copy ??= shallowCopy(o);
      copy[key] = value;
    }
  }
  return copy ?? o;
}

/** Whether two states are the same plain data, keys in the same order. */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    if (
      !samePlainData((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k])
    )
      return false;
  }
  return true;
}

/** Thrown inside the recording draft where it does not follow what the handler does. */
class Refused extends Error {}

/** One object of the state as the recording draft sees it. */
class Slot {
  copy: Record<string, unknown> | undefined;
  readonly written = new Set<string>();
  readonly ops: [string, unknown][] = [];
  readonly kids = new Map<string, Slot>();
  readonly proxy: object;

  constructor(
    readonly recorder: Recorder,
    readonly path: readonly string[],
    readonly base: Record<string, unknown>,
  ) {
    this.proxy = new Proxy(Array.isArray(base) ? [] : {}, recorder.traps(this));
    recorder.proxies.add(this.proxy);
  }

  get current(): Record<string, unknown> {
    return this.copy ?? this.base;
  }

  kid(key: string, value: Record<string, unknown>): object {
    if (!isPlain(value)) this.recorder.refuse();
    let kid = this.kids.get(key);
    if (kid === undefined || kid.base !== value) {
      kid = new Slot(this.recorder, [...this.path, key], value);
      this.kids.set(key, kid);
    }
    return kid.proxy;
  }

  write(key: string, value: unknown): void {
    if (Array.isArray(this.base)) {
      // An array's named properties are not plain data; its length is, and a write past the
      // end moves it, so what it was is a read of the state unless an earlier write set it.
      if (key !== 'length' && !isIndex(key)) this.recorder.refuse();
      if (!this.written.has('length')) this.recorder.readLength(this);
    }
    this.copy ??= shallowCopy(this.base);
    const cur = this.copy;
    if (Array.isArray(cur)) {
      const before = cur.length;
      if (key === 'length') {
        for (let i = Number(value); i < before; i++) this.written.add(String(i));
      } else if (Number(key) >= before) this.written.add('length');
    }
    cur[key] = value;
    this.written.add(key);
    this.ops.push([key, value]);
  }

  patch(): Patch | undefined {
    const kids: [string, Patch][] = [];
    for (const [key, kid] of this.kids) {
      const p = kid.patch();
      if (p !== undefined) kids.push([key, p]);
    }
    return kids.length === 0 && this.ops.length === 0 ? undefined : patchOf(kids, this.ops);
  }
}

/** One run of a handler on a recording draft: the reads it made, in order, and its writes. */
class Recorder {
  readonly reads: [Probe, unknown][] = [];
  readonly proxies = new WeakSet<object>();
  refused = false;
  private readonly seen = new Set<string>();

  constructor(private readonly probes: Map<string, Probe>) {}

  /** Records what an array's length was in the state, before a write that may move it. */
  readLength(slot: Slot): void {
    this.read(slot, 'length', 0, slot.base.length);
  }

  private read(slot: Slot, key: string, kind: Probe['kind'], value: unknown): void {
    const id = JSON.stringify([kind, slot.path, key]);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    let probe = this.probes.get(id);
    if (probe === undefined) {
      probe = { path: slot.path, key, kind, id };
      this.probes.set(id, probe);
    }
    this.reads.push([probe, value]);
  }

  refuse(): never {
    this.refused = true;
    throw new Refused();
  }

  traps(slot: Slot): ProxyHandler<object> {
    return {
      get: (_t, key) => {
        if (typeof key === 'symbol') return (slot.current as Record<symbol, unknown>)[key];
        if (slot.written.has(key)) return slot.current[key];
        const v = slot.current[key];
        this.read(slot, key, 0, tagOf(v));
        return typeof v === 'object' && v !== null
          ? slot.kid(key, v as Record<string, unknown>)
          : v;
      },
      set: (_t, key, value) => {
        if (typeof key === 'symbol') this.refuse();
        slot.write(key, value);
        return true;
      },
      deleteProperty: (_t, key) => {
        if (typeof key === 'symbol' || Array.isArray(slot.base)) this.refuse();
        slot.copy ??= shallowCopy(slot.base);
        delete slot.copy[key];
        slot.written.add(key);
        slot.ops.push([key, DELETED]);
        return true;
      },
      has: (_t, key) => {
        if (typeof key === 'symbol' || slot.written.has(key)) return key in slot.current;
        const present = key in slot.current;
        this.read(slot, key, 1, present);
        return present;
      },
      ownKeys: () => {
        this.read(slot, '', 2, keysText(slot.base));
        return Reflect.ownKeys(slot.current);
      },
      getOwnPropertyDescriptor: (_t, key) => {
        if (typeof key === 'symbol') this.refuse();
        const d = Reflect.getOwnPropertyDescriptor(slot.current, key);
        if (!slot.written.has(key)) {
          this.read(slot, key, 3, d === undefined ? ABSENT : tagOf(d.value));
          if (d !== undefined && typeof d.value === 'object' && d.value !== null)
            d.value = slot.kid(key, d.value as Record<string, unknown>);
        }
        // As immer reports them: the target is an empty stand-in, on which only an array's
        // length may be non-configurable (a frozen state's properties are not, to the proxy).
        if (d !== undefined && !(key === 'length' && Array.isArray(slot.base))) {
          d.configurable = true;
          if ('value' in d) d.writable = true;
        }
        return d;
      },
      getPrototypeOf: () => Object.getPrototypeOf(slot.base),
      defineProperty: () => this.refuse(),
      setPrototypeOf: () => this.refuse(),
      preventExtensions: () => this.refuse(),
    };
  }

  /**
   * Whether a written value holds a draft of this run (it would alias the state) or anything
   * but plain data (a Map's entries, say, which its keys do not show).
   */
  holdsDraft(value: unknown, seen = new Set<object>()): boolean {
    if (typeof value === 'function') return true;
    if (typeof value !== 'object' || value === null) return false;
    if (this.proxies.has(value) || !isPlain(value)) return true;
    if (seen.has(value)) return false;
    seen.add(value);
    for (const k of Reflect.ownKeys(value))
      if (this.holdsDraft((value as Record<PropertyKey, unknown>)[k], seen)) return true;
    return false;
  }
}

/** How the cache fared, for tests and the bench. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Transitions run by immer because the recording draft refused them or the event was dropped. */
  immer: number;
  /** Events dropped because their cached writes did not give immer's successor. */
  dropped: number;
}

/**
 * Branches and leaves all the events' trees may hold together; past it, a miss runs immer and
 * learns nothing (a dropped event's tree is not given back).
 */
const DEFAULT_NODES = 1 << 18;

export class TransitionCache<S extends object, E extends ModelEvent> {
  readonly stats: CacheStats = { hits: 0, misses: 0, immer: 0, dropped: 0 };
  /** The writes of the last `reduce` when the cache gave its successor; undefined after immer. */
  lastPatch: Patch | undefined;
  private readonly roots: (Branch | Leaf | undefined)[];
  private readonly off: boolean[];
  private readonly probes = new Map<string, Probe>();
  private nodes = 0;

  /** `on`: false makes every successor immer's (nothing learnt). */
  constructor(
    readonly system: System<S, E>,
    on = true,
    private readonly maxNodes = DEFAULT_NODES,
  ) {
    this.roots = system.vocabulary.map(() => undefined);
    this.off = system.vocabulary.map(() => !on || system.mutate === undefined);
  }

  /** The successor of `state` by the event at vocabulary index `v` (which must be enabled). */
  reduce(state: S, v: number): S {
    const after = this.successor(state, v);
    return after ?? (applyPatch(state, this.lastPatch!) as S);
  }

  /**
   * The successor by immer where the cache cannot give it (a miss, a refused branch, a dropped
   * event); undefined where it can, with its writes in `lastPatch` (applyPatch builds it).
   */
  successor(state: S, v: number): S | undefined {
    this.lastPatch = undefined;
    if (this.off[v]) {
      this.stats.immer++;
      return this.system.reduce(state, this.system.vocabulary[v]!);
    }
    let node = this.roots[v];
    let parent: Branch | undefined;
    let key: unknown;
    while (node instanceof Branch) {
      key = evaluate(node.probe, state);
      const next = node.children.get(key);
      if (next === undefined) {
        parent = node;
        node = undefined;
        break;
      }
      node = next;
    }
    if (node !== undefined) {
      if (node.patch === undefined) {
        this.stats.immer++;
        return this.system.reduce(state, this.system.vocabulary[v]!);
      }
      this.stats.hits++;
      this.lastPatch = node.patch;
      return undefined;
    }
    return this.learn(state, v, parent, key);
  }

  private learn(state: S, v: number, _parent: Branch | undefined, _key: unknown): S {
    this.stats.misses++;
    const event = this.system.vocabulary[v]!;
    const truth = this.system.reduce(state, event);
    if (this.nodes >= this.maxNodes) return truth;
    const recorder = new Recorder(this.probes);
    let patch: Patch | undefined;
    // Immer ran the handler on this state without an error: one from the recording draft is
    // something it does not follow (or a handler's reaction to it), a refusal like its own.
    let refused = !isPlain(state);
    if (!refused)
      try {
        const root = new Slot(recorder, [], state as unknown as Record<string, unknown>);
        this.system.mutate!(root.proxy as never, event);
        patch = root.patch();
      } catch {
        refused = true;
      }
    refused ||= recorder.refused;
    if (!refused && patch !== undefined && patchHoldsDraft(recorder, patch)) refused = true;
    const leaf = new Leaf(refused ? undefined : (patch ?? patchOf([], [])));
    if (leaf.patch !== undefined && !samePlainData(applyPatch(state, leaf.patch), truth)) {
      this.drop(v);
      return truth;
    }
    if (!this.insert(v, recorder.reads, leaf)) this.drop(v);
    return truth;
  }

  /** Adds a run's reads and its leaf to the event's tree; false where they disagree with it. */
  private insert(v: number, reads: readonly [Probe, unknown][], leaf: Leaf): boolean {
    if (reads.length === 0) {
      if (this.roots[v] !== undefined) return false;
      this.roots[v] = leaf;
      this.nodes++;
      return true;
    }
    let node = this.roots[v];
    if (node === undefined) {
      node = new Branch(reads[0]![0]);
      this.roots[v] = node;
      this.nodes++;
    }
    for (let i = 0; i < reads.length; i++) {
      const [probe, value] = reads[i]!;
      if (!(node instanceof Branch) || node.probe !== probe) return false;
      let next = node.children.get(value);
      if (i === reads.length - 1) {
        if (next !== undefined) return false;
        node.children.set(value, leaf);
        this.nodes++;
        return true;
      }
      if (next === undefined) {
        next = new Branch(reads[i + 1]![0]);
        node.children.set(value, next);
        this.nodes++;
      }
      node = next;
    }
    return false;
  }

  private drop(v: number): void {
    this.off[v] = true;
    this.roots[v] = undefined;
    this.stats.dropped++;
  }
}

function patchHoldsDraft(recorder: Recorder, patch: Patch): boolean {
  return (
    patch.ops.some(([, value]) => recorder.holdsDraft(value)) ||
    patch.kids.some(([, kid]) => patchHoldsDraft(recorder, kid))
  );
}
