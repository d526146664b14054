/**
 * Redundancy block: an N+1 pool of active members. Every member serves; a client tries the
 * members in a fixed order and takes the first that answers, so a request succeeds while at
 * least one member is up. The pool is sized N+1: N members carry the load, one is spare.
 *
 * Source: GIR "High Availability" › Web Services and Cassandra ("runs in a N+1 cluster") and
 * SpeechMiner ("You can deploy N+1 active instances"); domain notes A-25.
 * Simplification: a member that is down refuses at once (no timeout); load is a number of
 * requests per second against a per-member capacity, as a sizing check.
 */

/** The first member, in the client's order, that is up; undefined when none is. */
export function firstUp<Id extends string>(
  members: readonly Id[],
  isUp: (member: Id) => boolean,
): Id | undefined {
  return members.find(isUp);
}

/** A pool's sizing, as a deployment states it; the properties check that it is N+1. */
export interface PoolSizing {
  /** Requests per second the service must carry. */
  readonly load: number;
  /** Requests per second one member carries. */
  readonly capacity: number;
}
