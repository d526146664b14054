/**
 * Redundancy block: failure detection after a timeout, as the Solution Control Server does for
 * each host's LCA (ADDP). A broken connection is noticed only when its timer runs out; with a
 * disconnect-switchover timeout the observer first waits again and re-checks, and declares the
 * loss only if the connection is still broken.
 *
 * Source: domain notes §1.2 "Detection chain" and "Avoiding false switchovers" (ADDP
 * `addp-timeout`, default 9 s, poll then wait again; `disconnect-switchover-timeout`, default off).
 */

/** What the observer believes of its connection to a peer. */
export type ConnectionBelief = 'connected' | 'suspect' | 'lost';

export interface DetectionParams {
  /** Time from the break to the first verdict: the ADDP timeout twice (silence, then the poll). */
  readonly detectMs: number;
  /** Extra wait before a lost connection counts as failure; 0 disables the re-check. */
  readonly recheckMs: number;
}

export interface DetectionTimers {
  /** Armed while a broken connection has not yet been noticed. */
  readonly detectLeftMs: number | undefined;
  /** Armed while a suspected loss waits for its re-check. */
  readonly recheckLeftMs: number | undefined;
}

/** The verdict when the detection timer runs out. */
export function onDetectTimeout(params: DetectionParams): {
  belief: ConnectionBelief;
  recheck: boolean;
} {
  return params.recheckMs > 0
    ? { belief: 'suspect', recheck: true }
    : { belief: 'lost', recheck: false };
}

/** The verdict of the re-check: the connection came back, or the loss is confirmed. */
export function onRecheck(connectedNow: boolean): ConnectionBelief {
  return connectedNow ? 'connected' : 'lost';
}
