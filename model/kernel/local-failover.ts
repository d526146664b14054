/**
 * Redundancy block: a local HA pair seen from outside, as a client or a partner site sees it.
 * It abstracts a hot-standby or warm-standby pair (hot-standby.ts) to what a client can tell:
 * whether some member is serving, and whether a takeover is under way. The Management Layer
 * fails the pair over within a stated local failover time; the model arms that deadline with
 * the timers block (timers.ts).
 *
 * Source: BC "Business Continuity Relationship to High Availability" ("Genesys Management Layer
 * initiates an HA failover of that application to its backup instance").
 * Simplifications: the primary is the member that fails (a backup failure is a primary failure
 * while the pair is already alone, or no change seen by clients); a restarted member comes back
 * as backup of a serving member, or as the lone primary of a pair that was down.
 */

/**
 * - serving: primary and backup both up;
 * - solo: one member serves, the other is down;
 * - failingOver: the primary failed and the backup is taking over;
 * - down: no member is up.
 */
export type PairStatus = 'serving' | 'solo' | 'failingOver' | 'down';

/** Whether a client can use the pair now. */
export function isAvailable(status: PairStatus): boolean {
  return status === 'serving' || status === 'solo';
}

/** The serving primary fails. `armFailover` asks the caller to start the local failover timer. */
export function onPrimaryFailed(status: PairStatus): {
  readonly status: PairStatus;
  readonly armFailover: boolean;
} {
  switch (status) {
    case 'serving':
      return { status: 'failingOver', armFailover: true };
    case 'solo':
    case 'failingOver':
    case 'down':
      // The last member (or the backup taking over) fails: nobody is left.
      return { status: 'down', armFailover: false };
  }
}

/**
 * The backup has taken over; the failed member stays down until it restarts. The failover timer
 * runs only while the pair is failing over (onPrimaryFailed arms it; the pair's next failure,
 * its site's failure and the completion clear it; no restart happens while it runs), so this is
 * the status after a failover.
 */
export function onFailoverCompleted(): PairStatus {
  return 'solo';
}

/** A failed member of a pair that is solo or down (canRestart) restarts. */
export function onMemberRestarted(status: PairStatus): PairStatus {
  return status === 'solo' ? 'serving' : 'solo';
}

/** Whether some member of the pair is down and could restart. */
export function canRestart(status: PairStatus): boolean {
  return status === 'solo' || status === 'down';
}
