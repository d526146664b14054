export const SERVERS = ['P', 'B'] as const;
/** The primary P and the backup B. */
export type ServerId = (typeof SERVERS)[number];

export const other = (s: ServerId): ServerId => (s === 'P' ? 'B' : 'P');

/** What a client was told: nothing yet, call being set up, call established (acked). */
export type ClientState = 'idle' | 'setup' | 'est';

export interface HotStandbyState {
  readonly up: Readonly<Record<ServerId, boolean>>;
  /** mem[s][c]: server s holds call c in its (volatile) call table. */
  readonly mem: Readonly<Record<ServerId, readonly boolean[]>>;
  /** The server that serves clients. */
  readonly active: ServerId;
  readonly standbySynced: boolean;
  readonly client: readonly ClientState[];
  /** msgs[d][c]: the replication of call c to server d is in flight. */
  readonly msgs: Readonly<Record<ServerId, readonly boolean[]>>;
  /** Ghost: the replication of call c reached some server. */
  readonly delivered: readonly boolean[];
  /** Crashes a run may still take (the TLA+ text counts them up to MaxFaults instead). */
  readonly faultsLeft: number;
}
