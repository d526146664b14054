/**
 * The Resource Manager pair: the session table, its replication to the peer, and failover.
 *
 * Source: GIR "High Availability" › Resource Manager ("active/hot-standby or active/active
 * pair"; "the remaining instance ... will become active and continue to accept incoming
 * requests"; "will remember the affinity of the recording sessions"); domain notes §2.2–2.3.
 * Simplifications: each RM replicates the sessions it writes over its own link with the kernel's
 * hot-standby block (in active-active both RMs write, so both links carry sessions); with
 * synchronous replication the peer has a session in the step that creates it; the heartbeat is
 * a detection timer; an RM that fails stays down (no restart and resync here).
 */
import type { Draft } from 'immer';
import { deliver, disconnect, promote, write } from '../kernel/hot-standby.ts';
import { isDue } from '../kernel/timers.ts';
import type { CallId } from '../sip-ha/state.ts';
import type { Context, Decls, EventOf } from './context.ts';
import {
  type McpId,
  mcpOf,
  otherRm,
  type RecordingState,
  RMS,
  type RmId,
  recordOf,
  type SessionValue,
} from './state.ts';

/** An RM writes a session row; the row goes to the peer, at once when replication is synchronous. */
export function writeSession(
  draft: Draft<RecordingState>,
  ctx: Context,
  rm: RmId,
  call: CallId,
  value: SessionValue,
): void {
  const link = draft.links[rm];
  write(draft.rms[rm], link, call, value);
  if (ctx.config.replication === 'synchronous')
    deliver(draft.rms[rm], draft.rms[otherRm(rm)], link, call);
}

export function sessionSyncDelivered(
  draft: Draft<RecordingState>,
  event: EventOf<'sessionSyncDelivered'>,
): void {
  deliver(draft.rms[event.rm], draft.rms[otherRm(event.rm)], draft.links[event.rm], event.call);
}

export function sessionSyncEnabled(
  state: RecordingState,
  event: EventOf<'sessionSyncDelivered'>,
): boolean {
  const link = state.links[event.rm];
  return link.connected && link.inflight[event.call] !== undefined;
}

/** An RM process dies: both replication links drop and the peer's heartbeat timer starts. */
export function rmCrashed(draft: Draft<RecordingState>, rm: RmId, ctx: Context): void {
  draft.rms[rm].process = 'down';
  for (const r of RMS) disconnect(draft.links[r]);
  draft.timers[`rmDetect:${rm}`] = ctx.config.rmDetectMs;
}

/**
 * The heartbeat ran out: the failed RM leaves SIP Server's rotation; in active-standby the
 * standby takes over the Virtual IP and becomes active with the sessions it holds.
 */
export function rmFailureDetected(
  draft: Draft<RecordingState>,
  event: EventOf<'rmFailureDetected'>,
  ctx: Context,
): void {
  delete draft.timers[`rmDetect:${event.rm}`];
  draft.rms[event.rm].serving = false;
  const peer = draft.rms[otherRm(event.rm)];
  if (ctx.config.rmMode === 'active-standby' && peer.process === 'up' && peer.role === 'backup') {
    promote(peer);
    peer.serving = true;
  }
  // The remaining RM acts on what it believes of the MCPs, for the sessions it inherited.
  dropFailedSessions(draft, ctx);
}

/**
 * Every serving, live RM drops the sessions it holds on MCPs it believes down, and notifies SIP
 * Server for each such call. Also run by an RM that has just taken over from its peer.
 */
export function dropFailedSessions(draft: Draft<RecordingState>, ctx: Context): void {
  for (const call of ctx.calls) {
    let failed: McpId | undefined;
    for (const rm of RMS) {
      const r = draft.rms[rm];
      const mcp = mcpOf(r.table[call]);
      if (r.process !== 'up' || !r.serving || mcp === undefined || draft.mcpView[mcp] !== 'down')
        continue;
      failed = mcp;
      writeSession(draft, ctx, rm, call, 'none');
    }
    if (failed === undefined) continue;
    const rec = recordOf(draft.calls, call);
    if (rec.status === 'active') {
      rec.status = 'notified';
      rec.notice = failed;
    }
    // A call already over needs no BYE for a session RM has just dropped.
    if (rec.status === 'releasing') rec.status = 'done';
  }
}

export const events: Decls<'rmFailureDetected' | 'sessionSyncDelivered'> = {
  rmFailureDetected: {
    kind: 'protocol',
    guard: (s, e) => isDue(s.timers, `rmDetect:${e.rm}`),
    handle: rmFailureDetected,
    label: (e) => `heartbeat loss: ${e.rm} declared failed`,
    lifeline: (e) => ({ from: 'RM', to: e.rm }),
  },
  sessionSyncDelivered: {
    kind: 'delivery',
    guard: sessionSyncEnabled,
    handle: sessionSyncDelivered,
    label: (e) => `${e.rm} replicates the session of ${e.call} to its peer`,
    lifeline: (e) => ({ from: e.rm, to: e.rm === 'rm1' ? 'rm2' : 'rm1' }),
  },
};
