/**
 * One clock over several timer sets. A composite model (the recording path holds the SIP Server
 * pair's timers beside its own) advances every set together, to the earliest deadline of any,
 * so that a single `timeAdvanced` keeps all of them consistent.
 */
import type { Timers } from './timers.ts';

/**
 * Milliseconds to the earliest pending deadline over all sets, or undefined when none is pending.
 * One loop over every timer of every set: a model with one set runs the same code.
 */
export function earliestDeadlineMs(sets: readonly Timers<string>[]): number | undefined {
  let best: number | undefined;
  for (const set of sets)
    for (const id in set) {
      const left = set[id];
      if (left !== undefined) best = best === undefined ? left : Math.min(best, left);
    }
  return best;
}

/** Time may advance when some timer of some set is pending and none is already due. */
export function canAdvanceAll(sets: readonly Timers<string>[]): boolean {
  const next = earliestDeadlineMs(sets);
  return next !== undefined && next > 0;
}

/** Moves every pending timer of one set forward by `ms` (mutates a draft). */
export function advanceBy<Id extends string>(timers: Timers<Id>, ms: number): void {
  for (const id in timers) {
    const left = timers[id];
    if (left !== undefined) timers[id] = left - ms;
  }
}
