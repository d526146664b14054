/**
 * The explorer's memory, in shared buffers so that several workers can search one state space:
 * an open-addressing set of 62-bit fingerprints, and for every state found its parent's index
 * and the vocabulary index of the event that led to it (so a counterexample can be rebuilt).
 * Inserts use compare-and-swap; the first worker to insert a fingerprint owns that state.
 */

export interface SharedMemory {
  /** Fingerprint slots: [h1, h2] pairs; h2 = 0 marks an empty slot. */
  readonly table: SharedArrayBuffer;
  /** parent[i], via[i] of state i; index 0 is the initial state. */
  readonly parent: SharedArrayBuffer;
  readonly via: SharedArrayBuffer;
  /**
   * [0] states found, [1] stop flag (1 once a violation or a limit stops the search), [2] memory
   * flag (1 once a thread found the process above the search's memory budget).
   */
  readonly counters: SharedArrayBuffer;
}

export function allocateMemory(maxStates: number): SharedMemory {
  let slots = 1 << 16;
  while (slots < 2 * maxStates) slots *= 2;
  const entries = Math.min(maxStates, 2 ** 29);
  return {
    table: new SharedArrayBuffer(slots * 8),
    parent: new SharedArrayBuffer(entries * 4),
    via: new SharedArrayBuffer(entries * 4),
    counters: new SharedArrayBuffer(16),
  };
}

export function bytesOf(memory: SharedMemory): number {
  return memory.table.byteLength + memory.parent.byteLength + memory.via.byteLength;
}

/** States expanded between two looks at the process's memory. */
export const MEMORY_CHECK = 1024;

/**
 * Whether the process's resident memory is near the search's budget of `limit` bytes (RSS counts
 * every thread's heap and the shared buffers): above MEMORY_MARGIN of it, which leaves room for
 * what a search allocates between two looks and for its report. Reads /proc, a few microseconds:
 * callers ask every MEMORY_CHECK states.
 */
export function overBudget(limit: number | undefined): boolean {
  return limit !== undefined && process.memoryUsage.rss() > limit * MEMORY_MARGIN;
}

/** The share of the memory budget a search may fill before it stops. */
export const MEMORY_MARGIN = 0.9;

export class Visited {
  private readonly table: Int32Array;
  private readonly mask: number;
  readonly parent: Int32Array;
  readonly via: Int32Array;
  readonly counters: Int32Array;

  constructor(readonly memory: SharedMemory) {
    this.table = new Int32Array(memory.table);
    this.mask = this.table.length / 2 - 1;
    this.parent = new Int32Array(memory.parent);
    this.via = new Int32Array(memory.via);
    this.counters = new Int32Array(memory.counters);
  }

  /** Capacity for states (parent/via entries). */
  get capacity(): number {
    return this.parent.length;
  }

  get count(): number {
    return Atomics.load(this.counters, 0);
  }

  get stopped(): boolean {
    return Atomics.load(this.counters, 1) !== 0;
  }

  stop(): void {
    Atomics.store(this.counters, 1, 1);
  }

  /** Whether a thread stopped the search because the process went over its memory budget. */
  get overMemory(): boolean {
    return Atomics.load(this.counters, 2) !== 0;
  }

  /** Stops the search for its memory budget. */
  stopForMemory(): void {
    Atomics.store(this.counters, 2, 1);
    this.stop();
  }

  /**
   * Adds a fingerprint; returns the new state's index, or -1 when it was already there or the
   * capacity is used up (then `full` is true).
   */
  add(h1: number, h2: number, parent: number, via: number): number {
    const a = h1 | 1;
    const b = h2 | 1;
    const t = this.table;
    for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * 2;
      let cur = Atomics.load(t, at + 1);
      if (cur === 0) {
        // Claim the slot by its second lane, then publish the first; readers wait for it.
        cur = Atomics.compareExchange(t, at + 1, 0, b);
        if (cur === 0) {
          Atomics.store(t, at, a);
          return this.claim(parent, via);
        }
      }
      if (cur === b) {
        let first = Atomics.load(t, at);
        while (first === 0) first = Atomics.load(t, at);
        if (first === a) return -1;
      }
    }
  }

  get full(): boolean {
    return this.count >= this.capacity;
  }

  private claim(parent: number, via: number): number {
    const index = Atomics.add(this.counters, 0, 1);
    if (index >= this.capacity) return -1;
    this.parent[index] = parent;
    this.via[index] = via;
    return index;
  }
}
