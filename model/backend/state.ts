import type { PairMember } from '../kernel/active-active.ts';
import type { SingletonMember } from '../kernel/active-standby.ts';
import type { Timers } from '../kernel/timers.ts';
import type { RecordingState } from '../recording/state.ts';
import type { CallId } from '../sip-ha/state.ts';

export const PROCESSORS = ['rp1', 'rp2'] as const;
export const SCHEDULERS = ['sch1', 'sch2'] as const;
export const CRYPTO_SERVERS = ['rcs1', 'rcs2'] as const;

export type RpId = (typeof PROCESSORS)[number];
export type SchId = (typeof SCHEDULERS)[number];
export type RcsId = (typeof CRYPTO_SERVERS)[number];
export type WsId = `ws${number}`;
export type CassId = `cass${number}`;
export type IrId = `ir${number}`;
export type UiId = `ui${number}`;
/** A process of the back end. */
export type BackendNode = RpId | SchId | RcsId | WsId | CassId | IrId | UiId;

/** A recording segment, by call and index: 'c1.0'. */
export type SegKey = `${CallId}.${number}`;

export function segKey(call: CallId, segment: number): SegKey {
  return `${call}.${segment}`;
}

export function parseSegKey(key: SegKey): { call: CallId; segment: number } {
  const dot = key.indexOf('.');
  return { call: key.slice(0, dot) as CallId, segment: Number(key.slice(dot + 1)) };
}

/**
 * How far a Processor has taken one metadata message: received from MCP; call data added
 * (from Interaction Concentrator); sent to Web Services (which coordinates the Cassandra write);
 * acknowledged by Web Services; submitted to SpeechMiner's Interaction Receiver.
 */
export type Stage = 'received' | 'enriched' | `writing:${WsId}` | 'written' | 'submitted';

/** A Recording Processor: a member of an active-active pair and of an active-backup pair. */
export interface Processor extends SingletonMember, PairMember<SegKey, Stage> {}

export type Up = 'up' | 'down';

/** A Cassandra replica's copy of a recording's row: on its way, or written (on disk). */
export type Replica = 'pending' | 'written';

/** The last playback request, for the playback property (a ghost of the UI's answer). */
export interface Playback {
  readonly seg: SegKey;
  readonly ui: UiId | 'none';
  readonly rcs: RcsId | 'none';
  /** The key the Crypto Server decrypted with, or 'none' when it could not. */
  readonly key: string;
}

export type TimerId = `takeover:${RpId | SchId}`;

export interface BackendState {
  /** The recording path, driven by its own handlers. */
  readonly rec: RecordingState;
  /** Segments whose last storage write attempt failed (MCP keeps the file and writes it again). */
  readonly writeFailed: Readonly<Partial<Record<SegKey, true>>>;
  /** MCP's posted, unacknowledged metadata: to whom it was delivered, or 'none' (to be sent). */
  readonly outbox: Readonly<Partial<Record<SegKey, RpId | 'none'>>>;
  readonly processors: Readonly<Record<RpId, Processor>>;
  readonly webServices: Readonly<Record<WsId, Up>>;
  readonly cassandra: Readonly<Record<CassId, Up>>;
  /** Each row's copies on the Cassandra replicas. */
  readonly replicas: Readonly<Partial<Record<SegKey, Readonly<Partial<Record<CassId, Replica>>>>>>;
  /** Recording records Web Services created for a segment (its effect in Web Services). */
  readonly wsRecords: Readonly<Partial<Record<SegKey, number>>>;
  /** Rows whose write Web Services acknowledged (Cassandra answered at the consistency level). */
  readonly acked: Readonly<Partial<Record<SegKey, true>>>;
  readonly receivers: Readonly<Record<IrId, Up>>;
  /** Entries in SpeechMiner's shared storage per segment (its effect in SpeechMiner). */
  readonly smEntries: Readonly<Partial<Record<SegKey, number>>>;
  /** Segments the Scheduler has indexed (searchable in SpeechMiner). */
  readonly indexed: Readonly<Partial<Record<SegKey, true>>>;
  /**
   * Ghost, read only by properties: the Scheduler that indexed each segment, recorded where the
   * indexing happens (one value per segment, never cleared: a segment is indexed once).
   */
  readonly indexedBy: Readonly<Partial<Record<SegKey, SchId>>>;
  readonly schedulers: Readonly<Record<SchId, SingletonMember>>;
  readonly ui: Readonly<Record<UiId, Up>>;
  readonly crypto: Readonly<Record<RcsId, Up>>;
  readonly playback?: Playback;
  readonly timers: Timers<TimerId>;
  /** Back-end faults still allowed in this run. */
  readonly faultsLeft: number;
}

/** Node ids n1..nN of a kind. */
export function nodeIds<P extends string>(prefix: P, n: number): `${P}${number}`[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}` as const);
}
