/**
 * Redundancy block: a hot-standby pair that replicates a keyed table from its primary to its
 * backup over an HA link. Reused by every pair that syncs state (SIP Server calls and agents,
 * Resource Manager sessions).
 *
 * Simplifications, each stated once here:
 * - A newer value of a key supersedes the one still in flight (state-based replication), so at
 *   most one message per key is in flight and the state space stays finite.
 * - The backup's acknowledgement reaches the primary together with the delivery.
 * - After the link is (re)established the two sides exchange what they hold, so the primary
 *   learns exactly what the backup has; the missing entries are then pushed as one batch.
 */

export type Role = 'primary' | 'backup';

/** Whether a backup holds everything its primary had when the link came up. */
export type Readiness = 'ready' | 'resyncing';

export interface Replica<K extends string, V extends string> {
  readonly role: Role;
  /** Live table on the primary; the replica on the backup. */
  readonly table: Readonly<Record<K, V>>;
  /** Primary only: the value of each key the backup has acknowledged; absent when unknown. */
  readonly acked: Readonly<Partial<Record<K, V>>>;
  /** Backup only: 'resyncing' from (re)connection until the missing entries arrive. */
  readonly readiness: Readiness;
}

export interface HaLink<K extends string, V extends string> {
  readonly connected: boolean;
  /** Sync messages sent by the primary and not yet delivered, newest value per key. */
  readonly inflight: Readonly<Partial<Record<K, V>>>;
}

/** The writable shape of a replica inside an immer recipe. */
export interface ReplicaDraft<K extends string, V extends string> {
  role: Role;
  table: Record<K, V>;
  acked: Partial<Record<K, V>>;
  readiness: Readiness;
}

export interface LinkDraft<K extends string, V extends string> {
  connected: boolean;
  inflight: Partial<Record<K, V>>;
}

export function emptyTable<K extends string, V extends string>(
  keys: readonly K[],
  empty: (key: K) => V,
): Record<K, V> {
  const table = {} as Record<K, V>;
  for (const key of keys) table[key] = empty(key);
  return table;
}

/** Whether the backup has acknowledged the primary's current value of a key. */
export function isSynced<K extends string, V extends string>(
  primary: Replica<K, V>,
  key: K,
): boolean {
  return primary.acked[key] === primary.table[key];
}

/** The primary changes a key; the change is sent to the backup if the link is up. */
export function write<K extends string, V extends string>(
  primary: ReplicaDraft<K, V>,
  link: LinkDraft<K, V>,
  key: K,
  value: V,
): void {
  primary.table[key] = value;
  if (link.connected) link.inflight[key] = value;
}

/** The in-flight message for a key reaches the backup, which applies and acknowledges it. */
export function deliver<K extends string, V extends string>(
  primary: ReplicaDraft<K, V>,
  backup: ReplicaDraft<K, V>,
  link: LinkDraft<K, V>,
  key: K,
): void {
  const value = link.inflight[key];
  if (value === undefined) return;
  backup.table[key] = value;
  primary.acked[key] = value;
  delete link.inflight[key];
}

/**
 * The link breaks: whatever was in flight is gone. Messages are only ever in flight on a
 * connected link, so on a link that is already down this changes nothing.
 */
export function disconnect<K extends string, V extends string>(link: LinkDraft<K, V>): void {
  link.connected = false;
  link.inflight = {};
}

/** The link comes up; the sides exchange what they hold and the backup waits for the rest. */
export function connect<K extends string, V extends string>(
  primary: ReplicaDraft<K, V>,
  backup: ReplicaDraft<K, V>,
  link: LinkDraft<K, V>,
): void {
  link.connected = true; // Nothing is in flight on a link that was down.
  primary.acked = { ...backup.table };
  backup.readiness = sameTable(primary.table, backup.table) ? 'ready' : 'resyncing';
}

/** The batch of missing entries reaches the backup: it now mirrors the primary. */
export function resync<K extends string, V extends string>(
  primary: ReplicaDraft<K, V>,
  backup: ReplicaDraft<K, V>,
  link: LinkDraft<K, V>,
): void {
  backup.table = { ...primary.table };
  primary.acked = { ...primary.table };
  link.inflight = {};
  backup.readiness = 'ready';
}

/** A backup takes the primary role with the table it holds; it knows nothing of a new backup. */
export function promote<K extends string, V extends string>(member: ReplicaDraft<K, V>): void {
  member.role = 'primary';
  member.readiness = 'ready';
  member.acked = {};
}

/** A member restarts with no memory: a backup that must be resynchronized. */
export function wipe<K extends string, V extends string>(
  member: ReplicaDraft<K, V>,
  empty: Readonly<Record<K, V>>,
): void {
  member.role = 'backup';
  member.readiness = 'resyncing';
  member.table = { ...empty };
  member.acked = {};
}

function sameTable<K extends string, V extends string>(
  a: Readonly<Record<K, V>>,
  b: Readonly<Record<K, V>>,
): boolean {
  for (const key in a) if (a[key] !== b[key]) return false;
  return true;
}
