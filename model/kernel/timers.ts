/**
 * Deadline-based time. A state holds its pending timers as milliseconds remaining, not as
 * absolute instants, so the clock never appears in the state and exhaustive search stays finite.
 * `timeAdvanced` jumps straight to the earliest deadline; a timer that reaches zero is due, and
 * its protocol event must fire before time may advance again (urgency).
 */

export type Timers<Id extends string> = Partial<Record<Id, number>>;

/** Milliseconds to the earliest pending deadline, or undefined when nothing is pending. */
export function nextDeadlineMs<Id extends string>(timers: Timers<Id>): number | undefined {
  let best: number | undefined;
  for (const id in timers) {
    const left = timers[id];
    if (left !== undefined) best = best === undefined ? left : Math.min(best, left);
  }
  return best;
}

/** Time may advance when some timer is pending and none is already due. */
export function canAdvance<Id extends string>(timers: Timers<Id>): boolean {
  const next = nextDeadlineMs(timers);
  return next !== undefined && next > 0;
}

/** Moves every pending timer forward to the earliest deadline (mutates a draft). */
export function advanceToNextDeadline<Id extends string>(timers: Timers<Id>): void {
  const delta = nextDeadlineMs(timers);
  if (delta === undefined) return;
  for (const id in timers) {
    const left = timers[id];
    if (left !== undefined) timers[id] = left - delta;
  }
}

export function isDue<Id extends string>(timers: Timers<Id>, id: Id): boolean {
  return timers[id] === 0;
}
