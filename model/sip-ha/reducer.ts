/**
 * SIP Server hot-standby pair: the reducer and the guards.
 *
 * Source: GIR Solution Guide, "High Availability" › SIP Server; BC architecture, "Business
 * Continuity Relationship to High Availability". Handlers live by role: traffic.ts (the
 * primary's call and agent handling), management.ts (LCA and SCS), link.ts (HA-link sync and
 * resync), environment.ts (faults and repairs). See README.md for the simplifications.
 */
import { type Draft, produce } from 'immer';
import { assertNever } from '../kernel/model.ts';
import { advanceToNextDeadline, canAdvance, isDue } from '../kernel/timers.ts';
import type { Context, Guards, Handlers } from './context.ts';
import * as env from './environment.ts';
import type { SipHaEvent } from './events.ts';
import * as link from './link.ts';
import * as ml from './management.ts';
import type { SipHaState } from './state.ts';
import * as traffic from './traffic.ts';

export const handlers: Handlers = {
  callArrived: traffic.callChanged,
  callAnswered: traffic.callChanged,
  recordingStarted: traffic.callChanged,
  callReleased: traffic.callChanged,
  agentStateChanged: traffic.agentStateChanged,
  switchoverRequested: traffic.switchoverRequested,
  serverInitialized: ml.serverInitialized,
  lcaLossDetected: ml.lcaLossDetected,
  lcaRechecked: ml.lcaRechecked,
  switchoverPerformed: ml.switchoverPerformed,
  splitBrainResolved: ml.splitBrainResolved,
  haLinkConnected: link.haLinkConnected,
  resyncDelivered: link.resyncDelivered,
  syncDelivered: link.syncDelivered,
  syncLost: env.syncLost,
  haLinkDropped: env.haLinkDropped,
  haLinkRepaired: env.haLinkRepaired,
  processCrashed: env.processCrashed,
  hostCrashed: env.hostCrashed,
  partitionStarted: env.partitionStarted,
  processRestarted: env.processRestarted,
  hostRestarted: env.hostRestarted,
  partitionHealed: env.partitionHealed,
  timeAdvanced: (draft) => advanceToNextDeadline(draft.timers),
};

const withFaultBudget = (state: SipHaState): boolean => state.faultsLeft > 0;

export const guards: Guards = {
  callArrived: traffic.callEventEnabled,
  callAnswered: traffic.callEventEnabled,
  recordingStarted: traffic.callEventEnabled,
  callReleased: traffic.callEventEnabled,
  agentStateChanged: traffic.agentEventEnabled,
  switchoverRequested: traffic.switchoverRequestEnabled,
  serverInitialized: (s, e) => s.servers[e.node].process === 'starting' && s.hosts[e.node].up,
  lcaLossDetected: (s, e) => isDue(s.timers, `detect:${e.node}`),
  lcaRechecked: (s, e) => isDue(s.timers, `recheck:${e.node}`),
  switchoverPerformed: ml.switchoverEnabled,
  splitBrainResolved: ml.splitBrainResolutionEnabled,
  haLinkConnected: link.haLinkCanConnect,
  resyncDelivered: link.resyncEnabled,
  syncDelivered: link.deliveryEnabled,
  syncLost: (s, e) => withFaultBudget(s) && link.deliveryEnabled(s, e),
  haLinkDropped: (s) => withFaultBudget(s) && s.link.connected && !s.link.fault,
  haLinkRepaired: (s) => s.link.fault,
  processCrashed: (s, e) =>
    withFaultBudget(s) && s.hosts[e.node].up && s.servers[e.node].process !== 'down',
  hostCrashed: (s, e) => withFaultBudget(s) && s.hosts[e.node].up,
  partitionStarted: (s, e) =>
    withFaultBudget(s) &&
    s.hosts[e.node].up &&
    !s.hosts.sip1.partitioned &&
    !s.hosts.sip2.partitioned,
  processRestarted: (s, e) => s.hosts[e.node].up && s.servers[e.node].process === 'down',
  hostRestarted: (s, e) => !s.hosts[e.node].up,
  partitionHealed: (s, e) => s.hosts[e.node].partitioned,
  timeAdvanced: (s) => canAdvance(s.timers),
};

export function isEnabledWith(
  g: Guards,
  state: SipHaState,
  event: SipHaEvent,
  ctx: Context,
): boolean {
  switch (event.type) {
    case 'callArrived':
    case 'callAnswered':
    case 'recordingStarted':
    case 'callReleased':
      return g[event.type](state, event as never, ctx);
    case 'agentStateChanged':
      return g.agentStateChanged(state, event, ctx);
    case 'switchoverRequested':
      return g.switchoverRequested(state, event, ctx);
    case 'serverInitialized':
      return g.serverInitialized(state, event, ctx);
    case 'lcaLossDetected':
      return g.lcaLossDetected(state, event, ctx);
    case 'lcaRechecked':
      return g.lcaRechecked(state, event, ctx);
    case 'switchoverPerformed':
      return g.switchoverPerformed(state, event, ctx);
    case 'splitBrainResolved':
      return g.splitBrainResolved(state, event, ctx);
    case 'haLinkConnected':
      return g.haLinkConnected(state, event, ctx);
    case 'resyncDelivered':
      return g.resyncDelivered(state, event, ctx);
    case 'syncDelivered':
      return g.syncDelivered(state, event, ctx);
    case 'syncLost':
      return g.syncLost(state, event, ctx);
    case 'haLinkDropped':
      return g.haLinkDropped(state, event, ctx);
    case 'haLinkRepaired':
      return g.haLinkRepaired(state, event, ctx);
    case 'processCrashed':
      return g.processCrashed(state, event, ctx);
    case 'hostCrashed':
      return g.hostCrashed(state, event, ctx);
    case 'partitionStarted':
      return g.partitionStarted(state, event, ctx);
    case 'processRestarted':
      return g.processRestarted(state, event, ctx);
    case 'hostRestarted':
      return g.hostRestarted(state, event, ctx);
    case 'partitionHealed':
      return g.partitionHealed(state, event, ctx);
    case 'timeAdvanced':
      return g.timeAdvanced(state, event, ctx);
    default:
      return assertNever(event);
  }
}

/**
 * Applies one event to a draft of the pair. Exported so that larger models that contain a SIP
 * Server pair (the recording path, each Business Continuity site) run the very same handlers on
 * their sub-state instead of re-implementing them.
 */
export function dispatch(
  h: Handlers,
  draft: Draft<SipHaState>,
  event: SipHaEvent,
  ctx: Context,
): void {
  switch (event.type) {
    case 'callArrived':
    case 'callAnswered':
    case 'recordingStarted':
    case 'callReleased':
      h[event.type](draft, event as never, ctx);
      return;
    case 'agentStateChanged':
      h.agentStateChanged(draft, event, ctx);
      return;
    case 'switchoverRequested':
      h.switchoverRequested(draft, event, ctx);
      return;
    case 'serverInitialized':
      h.serverInitialized(draft, event, ctx);
      return;
    case 'lcaLossDetected':
      h.lcaLossDetected(draft, event, ctx);
      return;
    case 'lcaRechecked':
      h.lcaRechecked(draft, event, ctx);
      return;
    case 'switchoverPerformed':
      h.switchoverPerformed(draft, event, ctx);
      return;
    case 'splitBrainResolved':
      h.splitBrainResolved(draft, event, ctx);
      return;
    case 'haLinkConnected':
      h.haLinkConnected(draft, event, ctx);
      return;
    case 'resyncDelivered':
      h.resyncDelivered(draft, event, ctx);
      return;
    case 'syncDelivered':
      h.syncDelivered(draft, event, ctx);
      return;
    case 'syncLost':
      h.syncLost(draft, event, ctx);
      return;
    case 'haLinkDropped':
      h.haLinkDropped(draft, event, ctx);
      return;
    case 'haLinkRepaired':
      h.haLinkRepaired(draft, event, ctx);
      return;
    case 'processCrashed':
      h.processCrashed(draft, event, ctx);
      return;
    case 'hostCrashed':
      h.hostCrashed(draft, event, ctx);
      return;
    case 'partitionStarted':
      h.partitionStarted(draft, event, ctx);
      return;
    case 'processRestarted':
      h.processRestarted(draft, event, ctx);
      return;
    case 'hostRestarted':
      h.hostRestarted(draft, event, ctx);
      return;
    case 'partitionHealed':
      h.partitionHealed(draft, event, ctx);
      return;
    case 'timeAdvanced':
      h.timeAdvanced(draft, event, ctx);
      return;
    // Stryker disable next-line all: unreachable, every event type has its case (assertNever is for the type checker)
    default:
      assertNever(event);
  }
}

export function reduceWith(
  h: Handlers,
  state: SipHaState,
  event: SipHaEvent,
  ctx: Context,
): SipHaState {
  return produce(state, (draft: Draft<SipHaState>) => dispatch(h, draft, event, ctx));
}
