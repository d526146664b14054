/**
 * The adversary and the clock: crashes of SIP Servers, RMs and MCPs (one shared fault
 * vocabulary, routed by node), MCP restarts, and time. SIP Server faults spend the pair's own
 * budget; RM and MCP faults spend the recording path's (the kernel gates and counts them, by
 * `budgetOf`).
 *
 * Source: DESIGN "Faults are events drawn from one shared vocabulary"; "Time is an event".
 * Simplification: while SIP Server can take its next recording step (join or re-record), time
 * does not pass (it reacts at once to RM's notification, as SCS reacts to a due timer).
 */
import type { Draft } from 'immer';
import { advanceBy, canAdvanceAll, earliestDeadlineMs } from '../kernel/clock.ts';
import type { BudgetPath } from '../kernel/tables.ts';
import { isDue } from '../kernel/timers.ts';
import { type SipHaEvent, kindOf as sipKindOf } from '../sip-ha/events.ts';
import { runSip, sipEnabled } from './composition.ts';
import type { Context, EventOf } from './context.ts';
import { isPairEvent, isRmNode, isSipNode, type RecordingEvent } from './events.ts';
import { mcpCrashed } from './mcp.ts';
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

/**
 * An event of the SIP Server pair spends what it spends in sip-ha (its faults, by sip-ha's own
 * kinds), from the pair's budget in the `sip` sub-state; an RM or MCP crash spends the path's.
 */
export function budgetOf(event: RecordingEvent): BudgetPath | undefined {
  if (event.type === 'processCrashed' && !isSipNode(event.node)) return OWN_BUDGET;
  if (!isPairEvent(event)) return undefined;
  return sipKindOf(event as SipHaEvent) === 'fault' ? SIP_BUDGET : undefined;
}

const SIP_BUDGET: BudgetPath = ['sip'];
const OWN_BUDGET: BudgetPath = [];

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

/** Every timer of the pair and of the recording path jumps to the earliest deadline. */
export function timeAdvanced(draft: Draft<RecordingState>, _event: unknown, ctx: Context): void {
  advanceRecording(draft, earliestDeadlineMs([draft.sip.timers, draft.timers]) ?? 0, ctx);
}

/** Lets `delta` ms pass on the recording path (a model that embeds it may pick the delta). */
export function advanceRecording(draft: Draft<RecordingState>, delta: number, ctx: Context): void {
  advanceBy(draft.sip.timers, delta);
  advanceBy(draft.timers, delta);
  for (const call of ctx.calls) {
    const rec = recordOf(draft.calls, call);
    // Stryker disable next-line all: the ghost gap, gap-within-bound's measure: no model step reads it
    if (rec.gapMs !== undefined) rec.gapMs += delta;
    // A retry that falls due makes the call ready for its next request.
    if (isDue(draft.timers, `retry:${call}`)) {
      delete draft.timers[`retry:${call}`];
      rec.status = 'joined';
    }
  }
}

export function timeEnabled(state: RecordingState, _event: unknown, ctx: Context): boolean {
  return canAdvanceAll([state.sip.timers, state.timers]) && !sipMustActFirst(state, ctx);
}

/** While SIP Server can take its next recording step, time waits for it. */
export function sipMustActFirst(state: RecordingState, ctx: Context): boolean {
  const g = ctx.guards;
  return ctx.calls.some(
    (call) =>
      g.endpointsJoined(state, { type: 'endpointsJoined', call }, ctx) ||
      g.reRecordRequested(state, { type: 'reRecordRequested', call }, ctx),
  );
}
