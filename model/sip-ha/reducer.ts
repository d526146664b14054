/**
 * SIP Server hot-standby pair: the reducer and the guards.
 *
 * Source: GIR Solution Guide, "High Availability" › SIP Server; BC architecture, "Business
 * Continuity Relationship to High Availability". Handlers live by role: traffic.ts (the
 * primary's call and agent handling), management.ts (LCA and SCS), link.ts (HA-link sync and
 * resync), environment.ts (faults and repairs). See README.md for the simplifications.
 */
import { advanceToNextDeadline, canAdvance, isDue } from '../kernel/timers.ts';
import type { Guards, Handlers } from './context.ts';
import * as env from './environment.ts';
import * as link from './link.ts';
import * as ml from './management.ts';
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

export const guards: Guards = {
  callArrived: traffic.callInPhase((phase) => phase === 'idle'),
  callAnswered: traffic.callInPhase((phase) => phase === 'setup'),
  recordingStarted: traffic.callInPhase((phase) => phase === 'established'),
  callReleased: traffic.callInPhase((phase) => phase !== 'idle'),
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
  syncLost: link.deliveryEnabled,
  haLinkDropped: (s) => s.link.connected && !s.link.fault,
  haLinkRepaired: (s) => s.link.fault,
  processCrashed: (s, e) => s.hosts[e.node].up && s.servers[e.node].process !== 'down',
  hostCrashed: (s, e) => s.hosts[e.node].up,
  partitionStarted: (s, e) =>
    s.hosts[e.node].up && !s.hosts.sip1.partitioned && !s.hosts.sip2.partitioned,
  processRestarted: (s, e) => s.hosts[e.node].up && s.servers[e.node].process === 'down',
  hostRestarted: (s, e) => !s.hosts[e.node].up,
  partitionHealed: (s, e) => s.hosts[e.node].partitioned,
  timeAdvanced: (s) => canAdvance(s.timers),
};
