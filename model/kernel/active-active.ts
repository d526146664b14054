/**
 * Redundancy block: an active-active pair. Either member accepts work; each piece of work is
 * handled by the one member that accepted it, in memory. When a member fails its work is gone
 * from it, and the client, whose request was never acknowledged, sends it again to the member
 * that is left: the failed member's work is taken by the other.
 *
 * Source: GIR "High Availability" › Recording Processor ("runs in both active-active, and
 * active-backup modes") and Recording Crypto Server ("runs in active-active pair mode");
 * domain notes A-26 (at-least-once delivery, idempotent consumers).
 */

/** One member of a pair: its process and the work it holds, by key. */
export interface PairMember<K extends string, W> {
  readonly process: 'up' | 'down';
  readonly work: Readonly<Partial<Record<K, W>>>;
}

/** A member fails: its process stops and the work it held in memory is lost with it. */
export function failMember<K extends string, W>(member: {
  process: 'up' | 'down';
  work: Partial<Record<K, W>>;
}): void {
  member.process = 'down';
  member.work = {};
}

/**
 * The client learns that its connection to a failed member broke: every request it had sent
 * there and not seen acknowledged is to be sent again, to whichever member accepts it.
 */
export function resendFrom<Id extends string, K extends string>(
  sentTo: Partial<Record<K, Id | 'none'>>,
  failed: Id,
): void {
  for (const key of Object.keys(sentTo) as K[]) if (sentTo[key] === failed) sentTo[key] = 'none';
}
