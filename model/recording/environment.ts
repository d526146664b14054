/**
 * The adversary and the clock: crashes of SIP Servers, RMs and MCPs (one shared fault
 * vocabulary, routed by node), MCP restarts, and time. SIP Server faults spend the pair's own
 * budget; RM and MCP faults spend the recording path's (the kernel gates and counts them, as the
 * declarations say).
 *
 * Source: DESIGN "Faults are events drawn from one shared vocabulary"; "Time is an event".
 * Simplification: while SIP Server can take its next recording step (join or re-record), time
 * does not pass (it reacts at once to RM's notification, as SCS reacts to a due timer).
 */
import type { Draft } from 'immer';
import type { TimeSpec } from '../kernel/model.ts';
import { type BudgetPath, OWN_BUDGET } from '../kernel/tables.ts';
import { isDue } from '../kernel/timers.ts';
import { runSip, sipEnabled } from './composition.ts';
import type { Context, Decls, EventOf } from './context.ts';
import { isRmNode, isSipNode, type RecordingEvent } from './events.ts';
import { mcpCrashed, mcpRestarted } from './mcp.ts';
import { rmCrashed } from './rm.ts';
import { type RecordingState, recordOf } from './state.ts';

export function processCrashed(
  draft: Draft<RecordingState>,
  event: EventOf<'processCrashed'>,
  ctx: Context,
): void {
  const node = event.node;
  if (isSipNode(node)) {
    runSip(draft, { type: 'processCrashed', node }, ctx);
    return;
  }
  if (isRmNode(node)) rmCrashed(draft, node, ctx);
  else mcpCrashed(draft, node, ctx);
}

export function crashEnabled(
  state: RecordingState,
  event: EventOf<'processCrashed'>,
  ctx: Context,
): boolean {
  const node = event.node;
  if (isSipNode(node)) return sipEnabled(state, { type: 'processCrashed', node }, ctx);
  return isRmNode(node) ? state.rms[node].process === 'up' : state.mcps[node] === 'up';
}

/** An MCP comes back only after RM has declared it failed (its restart outlasts detection). */
export function restartEnabled(state: RecordingState, event: EventOf<'processRestarted'>): boolean {
  return state.mcps[event.node] === 'down' && state.mcpView[event.node] === 'down';
}

/**
 * What passing time does on the recording path once its timers moved: a recording gap grows, and
 * a retry that falls due makes its call ready for the next request.
 */
export function recordingElapsed(draft: Draft<RecordingState>, ms: number, ctx: Context): void {
  for (const call of ctx.calls) {
    const rec = recordOf(draft.calls, call);
    // Stryker disable next-line all: the ghost gap, gap-within-bound's measure: no model step reads it
    if (rec.gapMs !== undefined) rec.gapMs += ms;
    if (isDue(draft.timers, `retry:${call}`)) {
      delete draft.timers[`retry:${call}`];
      rec.status = 'joined';
    }
  }
}

/**
 * The recording path's time: the pair's timers and its own, one clock. While SIP Server can take
 * its next recording step (join or ask again), time waits for it.
 */
export const time: TimeSpec<RecordingState, Context, RecordingEvent> = {
  timers: (state) => [state.sip.timers, state.timers],
  urgent: ['endpointsJoined', 'reRecordRequested'],
  elapsed: recordingElapsed,
};

const SIP_BUDGET: BudgetPath = ['sip'];

export const events: Decls<'processCrashed' | 'processRestarted'> = {
  processCrashed: {
    kind: 'fault',
    guard: crashEnabled,
    handle: processCrashed,
    // A SIP Server's crash spends the pair's budget, in the `sip` sub-state; an RM's or MCP's the path's.
    budget: (e) => (isSipNode(e.node) ? SIP_BUDGET : OWN_BUDGET),
    label: (e) => `${e.node} process crashes`,
    lifeline: (e) => ({ from: 'Faults', to: e.node }),
  },
  processRestarted: {
    kind: 'repair',
    guard: restartEnabled,
    handle: (draft, event) => mcpRestarted(draft, event.node),
    label: (e) => `${e.node} process restarts`,
    lifeline: (e) => ({ from: 'Faults', to: e.node }),
  },
};
