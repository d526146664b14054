/**
 * Work sharing inside one BFS level. Each worker expands its own frontier; one that runs out
 * says so in a shared slot and sleeps. A busy worker looks at the slots every few states and
 * hands half of what it has left straight to a sleeping one over their own message port, so no
 * worker waits at the level barrier while another still has states to expand. The level ends
 * when every worker is out of work at once. The barrier stays, so counterexamples stay shortest.
 *
 * Slot of worker i: BUSY while it expands; HUNGRY once it has nothing left and sleeps; CLAIMED
 * + g while worker g prepares states for it; SENT + g once they are on g's port to it; OVER when
 * every worker was hungry and the level is finished.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';

const BUSY = 0;
const HUNGRY = 1;
const OVER = 2;
const CLAIMED = 16;
const SENT = 1024;
/** Index of the count of hungry workers; the slots follow it. */
const IDLE = 0;

/** The shared control block: the count of hungry workers and one slot per worker. */
export function allocateShare(workers: number): SharedArrayBuffer {
  return new SharedArrayBuffer(4 * (1 + workers));
}

/** A batch of frontier states handed from one worker to another. */
export interface Batch {
  readonly states: readonly object[];
  readonly indices: readonly number[];
}

export class Share {
  private readonly slots: Int32Array;
  private readonly workers: number;

  /**
   * `outbox[j]` sends to worker j and `inbox[g]` receives from worker g (undefined for `me`).
   */
  constructor(
    buffer: SharedArrayBuffer,
    private readonly me: number,
    private readonly outbox: readonly (MessagePort | undefined)[],
    private readonly inbox: readonly (MessagePort | undefined)[],
  ) {
    this.slots = new Int32Array(buffer);
    this.workers = this.slots.length - 1;
  }

  /** Called by the coordinator between levels, when no worker is inside one. */
  static reset(buffer: SharedArrayBuffer): void {
    new Int32Array(buffer).fill(BUSY);
  }

  /** A worker asleep for work, if any; claimed for this worker, so it must be sent a batch. */
  claimHungry(): number | undefined {
    for (let j = 0; j < this.workers; j++) {
      if (j === this.me || Atomics.load(this.slots, 1 + j) !== HUNGRY) continue;
      if (Atomics.compareExchange(this.slots, 1 + j, HUNGRY, CLAIMED + this.me) === HUNGRY) {
        // It counts as busy again before this worker could go idle itself.
        Atomics.sub(this.slots, IDLE, 1);
        return j;
      }
    }
    return undefined;
  }

  /** Hands a batch to a worker claimed with `claimHungry`, and wakes it. */
  send(j: number, batch: Batch): void {
    this.outbox[j]!.postMessage(batch);
    Atomics.store(this.slots, 1 + j, SENT + this.me);
    Atomics.notify(this.slots, 1 + j);
  }

  /**
   * Sleeps until another worker hands over a batch (returned) or every worker is out of work
   * (undefined: the level is over).
   */
  waitForWork(): Batch | undefined {
    const slot = 1 + this.me;
    Atomics.store(this.slots, slot, HUNGRY);
    if (Atomics.add(this.slots, IDLE, 1) + 1 === this.workers) this.finishLevel();
    for (;;) {
      const v = Atomics.load(this.slots, slot);
      if (v === OVER) return undefined;
      if (v >= SENT) {
        Atomics.store(this.slots, slot, BUSY);
        const message = receiveMessageOnPort(this.inbox[v - SENT]!);
        if (message === undefined)
          throw new Error('work sharing: a batch was announced but not sent');
        return message.message as Batch;
      }
      Atomics.wait(this.slots, slot, v);
    }
  }

  /** Every worker is hungry, so none can be claimed any more: wake them all to end the level. */
  private finishLevel(): void {
    for (let j = 0; j < this.workers; j++) {
      Atomics.store(this.slots, 1 + j, OVER);
      Atomics.notify(this.slots, 1 + j);
    }
  }
}
