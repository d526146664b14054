/**
 * The every-path liveness check's memory (liveness.ts): per state, its worst distance to a goal
 * under a cap, by fingerprint.
 */

/** Distances kept per property before the table is cleared (it is only a cache). */
const MEMO_LIMIT = 1 << 21;

/**
 * Worst distances by fingerprint, in typed arrays (open addressing): per state the capped step
 * count, the cap it was computed under, and the worst model time. Cleared when full: it is a
 * cache, and a cleared entry is simply computed again.
 */
export class DistanceMemo {
  private slots = 1 << 12;
  private data = new Int32Array(this.slots * 5);
  private count = 0;
  private readonly hit = { steps: 0, k: 0, ms: 0 };

  get(h1: number, h2: number): { steps: number; k: number; ms: number } | undefined {
    const b = h2 | 1;
    const mask = this.slots - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 5;
      const cur = this.data[at + 1]!;
      if (cur === 0) return undefined;
      if (cur === b && this.data[at] === h1) {
        this.hit.steps = this.data[at + 2]!;
        this.hit.k = this.data[at + 3]!;
        this.hit.ms = this.data[at + 4]!;
        return this.hit;
      }
    }
  }

  set(h1: number, h2: number, steps: number, k: number, ms: number): void {
    if (this.count * 2 >= this.slots) {
      if (this.slots >= MEMO_LIMIT) {
        this.data.fill(0);
        this.count = 0;
      } else this.grow();
    }
    const b = h2 | 1;
    const mask = this.slots - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 5;
      const cur = this.data[at + 1]!;
      if (cur === 0 || (cur === b && this.data[at] === h1)) {
        if (cur === 0) this.count++;
        this.data[at] = h1;
        this.data[at + 1] = b;
        this.data[at + 2] = steps;
        this.data[at + 3] = k;
        this.data[at + 4] = Math.min(ms, 0x7fffffff);
        return;
      }
    }
  }

  private grow(): void {
    const old = this.data;
    this.slots *= 2;
    this.data = new Int32Array(this.slots * 5);
    this.count = 0;
    for (let at = 0; at < old.length; at += 5)
      if (old[at + 1] !== 0)
        this.set(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!, old[at + 4]!);
  }
}
