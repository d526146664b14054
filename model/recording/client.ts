/**
 * SIP Server's recording client: it asks RM for a recording session, and when RM reports that
 * the session's MCP failed it first joins the endpoints, then requests a new session with the
 * same parameters, retrying a bounded number of times; at the end of the call its BYE goes
 * through RM to the session's MCP.
 *
 * Source: GIR "High Availability" › Media Control Platform ("SIP Server first joins the
 * endpoints together"; "initiating a new recording session with the same parameters"); domain
 * notes A-5 (join strictly before re-record), A-6 (same parameters but MCP and segment), A-8
 * (bounded retries, the call survives). Simplifications: the recording client's state is known
 * to whichever SIP Server serves (the pair is checked on its own in sip-ha); a request to an RM
 * that is down fails at once; a retry that falls due makes the call ready to re-request.
 */
import type { Draft } from 'immer';
import { local } from '../kernel/tables.ts';
import { type CallId, isServingPrimary, SERVERS } from '../sip-ha/state.ts';
import type { Context, Decls, EventOf } from './context.ts';
import { writeSession } from './rm.ts';
import { eligibleMcps, reachableRm, recordingParams, selectMcp } from './selection.ts';
import { otherRm, type RecordingState, recordOf, sessionValue } from './state.ts';

/** Some SIP Server serves as primary, holds the Virtual IP and has the call established. */
export function sipCanAct(state: RecordingState, call: CallId): boolean {
  return SERVERS.some((s) => {
    const phase = state.sip.servers[s].table[call];
    return (
      isServingPrimary(state.sip, s) &&
      state.sip.servers[s].vip &&
      (phase === 'established' || phase === 'recording')
    );
  });
}

/** A request found no RM or no MCP: retry later while retries are left, else give up. */
export function failAttempt(draft: Draft<RecordingState>, ctx: Context, call: CallId): void {
  const rec = recordOf(draft.calls, call);
  if (rec.retriesLeft > 0) {
    rec.status = 'waiting';
    rec.retriesLeft -= 1;
    draft.timers[`retry:${call}`] = ctx.config.retryIntervalMs;
  } else {
    rec.status = 'failed';
    delete rec.gapMs;
  }
}

/**
 * SIP Server sends a recording request; the RM it reaches selects an MCP from its own view and
 * records the session in its table (replicated to the peer). The new segment starts recording.
 */
export function startSession(
  draft: Draft<RecordingState>,
  ctx: Context,
  call: CallId,
  params: string,
): void {
  const rm = reachableRm(draft);
  if (rm === undefined) {
    failAttempt(draft, ctx, call);
    return;
  }
  // Stryker disable next-line ConditionalExpression: in active-standby only the Virtual IP holder serves, and targetRm finds it whatever the rotation says
  if (ctx.config.rmMode === 'active-active') draft.nextRm = otherRm(rm);
  const rec = recordOf(draft.calls, call);
  const mcp = selectMcp(draft.rms[rm], eligibleMcps(draft.mcpView, ctx), ctx);
  if (mcp === undefined) {
    failAttempt(draft, ctx, call);
    return;
  }
  draft.rms[rm].lastMcp = mcp;
  // An MCP that died unnoticed takes the session but records nothing until RM notices.
  const alive = draft.mcps[mcp] === 'up';
  rec.segments.push({ mcp, params, state: alive ? 'open' : 'lost' });
  rec.status = 'active';
  rec.media = 'bridged';
  rec.anchor = rm;
  rec.retriesLeft = ctx.config.maxRecordRetries;
  delete rec.notice;
  // The ghost gap runs from the failure, or from a session that never recorded anything.
  // Stryker disable next-line all: the ghost gap, gap-within-bound's measure: no model step reads it
  if (alive) delete rec.gapMs;
  // Stryker disable next-line all: the ghost gap, gap-within-bound's measure: no model step reads it
  if (!alive) rec.gapMs ??= 0;
  writeSession(draft, ctx, rm, call, sessionValue(mcp, params));
}

export function recordingRequested(
  draft: Draft<RecordingState>,
  event: EventOf<'recordingRequested'>,
  ctx: Context,
): void {
  startSession(draft, ctx, event.call, recordingParams(ctx.config, event.call));
}

export function endpointsJoined(
  draft: Draft<RecordingState>,
  event: EventOf<'endpointsJoined'>,
): void {
  const rec = recordOf(draft.calls, event.call);
  rec.status = 'joined';
  rec.media = 'direct';
}

/** The new session carries the parameters of the last one. */
export function reRecordRequested(
  draft: Draft<RecordingState>,
  event: EventOf<'reRecordRequested'>,
  ctx: Context,
): void {
  // Stryker disable next-line UnaryOperator: every segment of a call carries the parameters of its first request (recordingRequested, then each re-record), so any segment gives the last one's
  const last = recordOf(draft.calls, event.call).segments.at(-1);
  startSession(draft, ctx, event.call, last?.params ?? recordingParams(ctx.config, event.call));
}

/**
 * The BYE of the call's recording session reaches an RM, which routes it by its session table
 * (an in-dialog request is never re-mapped). The MCP closes the segment as the media ends.
 */
export function byeRouted(
  draft: Draft<RecordingState>,
  event: EventOf<'byeRouted'>,
  ctx: Context,
): void {
  const rec = recordOf(draft.calls, event.call);
  const rm = reachableRm(draft, rec.anchor);
  if (rm === undefined) return; // The guard requires a reachable RM.
  const session = draft.rms[rm].table[event.call] ?? 'none';
  rec.bye = { rm, session };
  closeOpenSegment(draft, event.call);
  if (session !== 'none') writeSession(draft, ctx, rm, event.call, 'none');
  rec.status = 'done';
  delete rec.notice;
}

/** The call is over: its recording session, if one is live, still needs its BYE through RM. */
export function endRecording(draft: Draft<RecordingState>, call: CallId, withBye: boolean): void {
  const rec = recordOf(draft.calls, call);
  rec.status = withBye && rec.status === 'active' ? 'releasing' : 'done';
  rec.media = 'none';
  delete rec.gapMs;
  delete draft.timers[`retry:${call}`];
  if (rec.status === 'done') {
    closeOpenSegment(draft, call);
    delete rec.notice;
  }
}

function closeOpenSegment(draft: Draft<RecordingState>, call: CallId): void {
  for (const segment of recordOf(draft.calls, call).segments) {
    if (segment.state === 'open') segment.state = 'closed';
  }
}

export function recordingEnabled(
  state: RecordingState,
  event: EventOf<'recordingRequested'>,
): boolean {
  return recordOf(state.calls, event.call).status === 'off' && reachableRm(state) !== undefined;
}

export function joinEnabled(state: RecordingState, event: EventOf<'endpointsJoined'>): boolean {
  return recordOf(state.calls, event.call).status === 'notified' && sipCanAct(state, event.call);
}

export function reRecordEnabled(
  state: RecordingState,
  event: EventOf<'reRecordRequested'>,
): boolean {
  return recordOf(state.calls, event.call).status === 'joined' && sipCanAct(state, event.call);
}

export function byeEnabled(state: RecordingState, event: EventOf<'byeRouted'>): boolean {
  const rec = recordOf(state.calls, event.call);
  return rec.status === 'releasing' && reachableRm(state, rec.anchor) !== undefined;
}

export const events: Decls<'endpointsJoined' | 'reRecordRequested' | 'byeRouted'> = {
  endpointsJoined: {
    kind: 'protocol',
    guard: joinEnabled,
    handle: endpointsJoined,
    label: (e) => `SIP Server joins the endpoints of ${e.call}`,
    lifeline: () => local('SIP Server'),
  },
  reRecordRequested: {
    kind: 'protocol',
    guard: reRecordEnabled,
    handle: reRecordRequested,
    label: (e) => `SIP Server requests a new recording session for ${e.call}`,
    lifeline: () => ({ from: 'SIP Server', to: 'RM' }),
  },
  byeRouted: {
    kind: 'protocol',
    guard: byeEnabled,
    handle: byeRouted,
    label: (e) => `RM routes the BYE of ${e.call}'s recording session`,
    lifeline: () => ({ from: 'RM', to: 'MCP' }),
  },
};
