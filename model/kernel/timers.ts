/**
 * Deadline-based time. A state holds its pending timers as milliseconds remaining, not as
 * absolute instants, so the clock never appears in the state and exhaustive search stays finite.
 * The kernel's clock (model.ts, clock.ts) jumps straight to the earliest deadline; a timer that
 * reaches zero is due, and its protocol event must fire before time may advance again.
 */

export type Timers<Id extends string> = Partial<Record<Id, number>>;

export function isDue<Id extends string>(timers: Timers<Id>, id: Id): boolean {
  return timers[id] === 0;
}
