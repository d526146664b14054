/**
 * The MCP pool: MCPs crash and restart in truth; RM believes a change only after detecting it.
 * A crash ends every open segment on the MCP; a finished segment is written to storage, then
 * its metadata is posted onward (the back end that consumes it is another model).
 *
 * Source: GIR "High Availability" › Media Control Platform ("MCP becomes a single point of
 * failure"; "Resource Manager notifies SIP Server about the failure"); GIR "Scalability"
 * ("MCP writes call recording to Amazon S3 or disk storage"); domain notes §3.2, A-4, A-9.
 * Simplifications: both RMs share one view of the pool (they ping the same MCPs); the RM that
 * detects a failure notifies SIP Server in the same step; an MCP restarts only after RM has
 * declared it failed; an MCP that comes back answers RM's next ping at once.
 */
import type { Draft } from 'immer';
import { isDue } from '../kernel/timers.ts';
import type { Context, Decls, EventOf } from './context.ts';
import { dropFailedSessions } from './rm.ts';
import { type McpId, type RecordingState, recordOf } from './state.ts';

/** The MCP dies with its open segments: their audio is kept in storage or lost. */
export function mcpCrashed(draft: Draft<RecordingState>, mcp: McpId, ctx: Context): void {
  draft.mcps[mcp] = 'down';
  for (const call of ctx.calls) {
    const rec = recordOf(draft.calls, call);
    for (const segment of rec.segments) {
      if (segment.mcp !== mcp || segment.state !== 'open') continue;
      segment.state = ctx.config.preCrashAudio === 'kept' ? 'stored' : 'lost';
      rec.gapMs = 0;
    }
  }
  if (draft.mcpView[mcp] === 'up') draft.timers[`mcpDetect:${mcp}`] = ctx.config.mcpDetectMs;
}

/** RM's pings went unanswered: the MCP is down in its view, and its sessions are dropped. */
export function mcpFailureDetected(
  draft: Draft<RecordingState>,
  event: EventOf<'mcpFailureDetected'>,
  ctx: Context,
): void {
  delete draft.timers[`mcpDetect:${event.mcp}`];
  draft.mcpView[event.mcp] = 'down';
  dropFailedSessions(draft, ctx);
}

export function mcpRestarted(draft: Draft<RecordingState>, mcp: McpId): void {
  draft.mcps[mcp] = 'up';
}

export function mcpRecoveryDetected(
  draft: Draft<RecordingState>,
  event: EventOf<'mcpRecoveryDetected'>,
): void {
  draft.mcpView[event.mcp] = 'up';
}

export function segmentStored(draft: Draft<RecordingState>, event: EventOf<'segmentStored'>): void {
  const segment = recordOf(draft.calls, event.call).segments[event.segment];
  if (segment !== undefined) segment.state = 'stored';
}

export function metadataPosted(
  draft: Draft<RecordingState>,
  event: EventOf<'metadataPosted'>,
): void {
  const segment = recordOf(draft.calls, event.call).segments[event.segment];
  if (segment !== undefined) segment.state = 'posted';
}

/** The MCP that holds a finished segment writes it (it must be up). */
export function storeEnabled(state: RecordingState, event: EventOf<'segmentStored'>): boolean {
  const segment = recordOf(state.calls, event.call).segments[event.segment];
  return segment?.state === 'closed' && state.mcps[segment.mcp] === 'up';
}

/** The MCP posts the metadata of a stored segment once it is up (after a restart, for kept audio). */
export function postEnabled(state: RecordingState, event: EventOf<'metadataPosted'>): boolean {
  const segment = recordOf(state.calls, event.call).segments[event.segment];
  return segment?.state === 'stored' && state.mcps[segment.mcp] === 'up';
}

export const events: Decls<
  'mcpFailureDetected' | 'mcpRecoveryDetected' | 'segmentStored' | 'metadataPosted'
> = {
  mcpFailureDetected: {
    kind: 'protocol',
    guard: (s, e) => isDue(s.timers, `mcpDetect:${e.mcp}`),
    handle: mcpFailureDetected,
    label: (e) => `RM detects that ${e.mcp} failed and notifies SIP Server`,
    lifeline: () => ({ from: 'RM', to: 'SIP Server' }),
  },
  mcpRecoveryDetected: {
    kind: 'protocol',
    guard: (s, e) => s.mcps[e.mcp] === 'up' && s.mcpView[e.mcp] === 'down',
    handle: mcpRecoveryDetected,
    label: (e) => `RM sees ${e.mcp} answer again`,
    lifeline: (e) => ({ from: e.mcp, to: 'RM' }),
  },
  segmentStored: {
    kind: 'protocol',
    guard: storeEnabled,
    handle: segmentStored,
    label: (e) => `segment ${e.segment} of ${e.call} written to storage`,
    lifeline: () => ({ from: 'MCP', to: 'Storage' }),
  },
  metadataPosted: {
    kind: 'protocol',
    guard: postEnabled,
    handle: metadataPosted,
    label: (e) => `metadata of segment ${e.segment} of ${e.call} posted`,
    lifeline: () => ({ from: 'MCP', to: 'Recording Processor' }),
  },
};
