import type { HaLink, Replica } from '../kernel/hot-standby.ts';
import type { Timers } from '../kernel/timers.ts';
import type { CallId, SipHaState } from '../sip-ha/state.ts';

export const RMS = ['rm1', 'rm2'] as const;
/** A Resource Manager instance of the pair. */
export type RmId = (typeof RMS)[number];
export type McpId = `mcp${number}`;
export type McpStatus = 'up' | 'down';

/**
 * One row of an RM's session table: 'none', or the session's MCP and its recording parameters,
 * `mcp|profile|tenant|target` (strings, so the kernel's hot-standby block can replicate it).
 */
export type SessionValue = 'none' | `${McpId}|${string}`;

export interface ResourceManager extends Replica<CallId, SessionValue> {
  /** Ground truth of the RM process (an RM that fails stays down in this model). */
  readonly process: 'up' | 'down';
  /** SIP Server sends new requests here: the VIP holder (active-standby) or in rotation (active-active). */
  readonly serving: boolean;
  /** The MCP this RM selected last (round robin continues after it). */
  readonly lastMcp: McpId | 'none';
}

/** 'closed': finished on the MCP; 'stored': written to S3 or disk; 'posted': metadata sent on. */
export type SegmentState = 'open' | 'closed' | 'stored' | 'posted' | 'lost';

/** A piece of a call's recording, made by one MCP in one recording session. */
export interface Segment {
  readonly mcp: McpId;
  /** `profile|tenant|target`: everything but the MCP and the segment id (its index). */
  readonly params: string;
  readonly state: SegmentState;
}

/**
 * SIP Server's recording client for one call. 'active': a segment is open; 'notified': RM said
 * its MCP failed; 'joined': endpoints joined, new session not yet requested; 'waiting': a request
 * failed and a retry is due; 'failed': retries used up; 'releasing': the call ended and the BYE
 * still has to go through RM; 'done': the call is over (each call id is used once).
 */
export type RecordingStatus =
  | 'off'
  | 'active'
  | 'notified'
  | 'joined'
  | 'waiting'
  | 'failed'
  | 'releasing'
  | 'done';

/** Where RM routed the in-dialog BYE of a recording session, and what it had for it. */
export interface ByeRouting {
  readonly rm: RmId;
  readonly session: SessionValue;
}

export interface CallRecording {
  readonly status: RecordingStatus;
  /** Ground truth of the media path: through an MCP, directly between the endpoints, or ended. */
  readonly media: 'none' | 'bridged' | 'direct';
  /** The RM that accepted the current recording session (its Record-Route). */
  readonly anchor: RmId;
  /** Re-record retries left. */
  readonly retriesLeft: number;
  readonly segments: readonly Segment[];
  /** Ghost: model time since the MCP of the open segment died; absent while recorded. */
  readonly gapMs?: number;
  /** Ghost: how the BYE was routed, once it was. */
  readonly bye?: ByeRouting;
  /**
   * Ghost: the MCP whose failure RM reported to SIP Server for the current session, set
   * where the notification reaches SIP Server; cleared when a new session starts or the call is
   * done.
   */
  readonly notice?: McpId;
}

export type TimerId = `mcpDetect:${McpId}` | `rmDetect:${RmId}` | `retry:${CallId}`;

export interface RecordingState {
  /** The SIP Server pair, driven by sip-ha's own handlers. */
  readonly sip: SipHaState;
  readonly rms: Readonly<Record<RmId, ResourceManager>>;
  /** Each RM's outbound replication link to its peer. */
  readonly links: Readonly<Record<RmId, HaLink<CallId, SessionValue>>>;
  /** Active-active: the RM SIP Server sends its next new session to (round robin). */
  readonly nextRm: RmId;
  /** Ground truth of each MCP process. */
  readonly mcps: Readonly<Record<McpId, McpStatus>>;
  /** The RM pair's belief about each MCP, changed only by detection. */
  readonly mcpView: Readonly<Record<McpId, McpStatus>>;
  readonly calls: Readonly<Record<CallId, CallRecording>>;
  readonly timers: Timers<TimerId>;
  /** RM and MCP faults still allowed in this run. */
  readonly faultsLeft: number;
}

export function otherRm(rm: RmId): RmId {
  return rm === 'rm1' ? 'rm2' : 'rm1';
}

export function sessionValue(mcp: McpId, params: string): SessionValue {
  return `${mcp}|${params}`;
}

export function mcpOf(value: SessionValue | undefined): McpId | undefined {
  // Stryker disable next-line ConditionalExpression: 'none' cut at its (absent) '|' is 'non', which names no MCP either, so every caller finds none
  return value === undefined || value === 'none'
    ? undefined
    : (value.slice(0, value.indexOf('|')) as McpId);
}

/** The IVR Profile of a parameter string `profile|tenant|target`. */
export function profileOf(params: string): string {
  return params.split('|')[0]!;
}

/** A call's record (or its draft); every configured call has one. */
export function recordOf<R>(calls: Readonly<Record<CallId, R>>, call: CallId): R {
  const rec = calls[call];
  // Stryker disable next-line StringLiteral: the message of an error no checked config raises (every call has a record)
  if (rec === undefined) throw new Error(`no recording record for call ${call}`);
  return rec;
}
