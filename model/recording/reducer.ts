/**
 * The GIR recording path: the reducer and the guards.
 *
 * Source: GIR Solution Guide, "Scalability" and "High Availability" › SIP Server, Resource
 * Manager, Media Control Platform. The SIP Server pair is sip-ha's own model, run on the `sip`
 * sub-state (composition.ts); handlers live by role: client.ts (SIP Server's recording client),
 * rm.ts (the RM pair), mcp.ts (the MCP pool and storage), environment.ts (faults and time),
 * selection.ts (RM's pure decisions). See README.md for the simplifications.
 */
import { isDue } from '../kernel/timers.ts';
import * as client from './client.ts';
import * as pair from './composition.ts';
import type { Guards, Handlers } from './context.ts';
import * as env from './environment.ts';
import * as mcp from './mcp.ts';
import * as rm from './rm.ts';

export const handlers: Handlers = {
  callArrived: pair.sipOnly,
  callAnswered: pair.callAnswered,
  callReleased: pair.callReleased,
  recordingRequested: (draft, event, ctx) => {
    pair.recordingStartedOnPair(draft, event, ctx);
    client.recordingRequested(draft, event, ctx);
  },
  lcaLossDetected: pair.sipOnly,
  lcaRechecked: pair.sipOnly,
  switchoverPerformed: pair.switchoverPerformed,
  syncDelivered: pair.sipOnly,
  rmFailureDetected: rm.rmFailureDetected,
  mcpFailureDetected: mcp.mcpFailureDetected,
  mcpRecoveryDetected: mcp.mcpRecoveryDetected,
  endpointsJoined: client.endpointsJoined,
  reRecordRequested: client.reRecordRequested,
  byeRouted: client.byeRouted,
  segmentStored: mcp.segmentStored,
  metadataPosted: mcp.metadataPosted,
  sessionSyncDelivered: rm.sessionSyncDelivered,
  processCrashed: env.processCrashed,
  hostCrashed: pair.sipOnly,
  processRestarted: (draft, event) => mcp.mcpRestarted(draft, event.node),
  timeAdvanced: env.timeAdvanced,
};

export const guards: Guards = {
  callArrived: pair.callStartEnabled,
  callAnswered: pair.callStartEnabled,
  callReleased: pair.releaseEnabled,
  recordingRequested: (s, e, ctx) =>
    pair.recordingAllowedByPair(s, e, ctx) && client.recordingEnabled(s, e),
  lcaLossDetected: pair.sipEnabled,
  lcaRechecked: pair.sipEnabled,
  switchoverPerformed: pair.sipEnabled,
  syncDelivered: pair.sipEnabled,
  rmFailureDetected: (s, e) => isDue(s.timers, `rmDetect:${e.rm}`),
  mcpFailureDetected: (s, e) => isDue(s.timers, `mcpDetect:${e.mcp}`),
  mcpRecoveryDetected: (s, e) => s.mcps[e.mcp] === 'up' && s.mcpView[e.mcp] === 'down',
  endpointsJoined: client.joinEnabled,
  reRecordRequested: client.reRecordEnabled,
  byeRouted: client.byeEnabled,
  segmentStored: mcp.storeEnabled,
  metadataPosted: mcp.postEnabled,
  sessionSyncDelivered: rm.sessionSyncEnabled,
  processCrashed: env.crashEnabled,
  hostCrashed: pair.sipEnabled,
  processRestarted: env.restartEnabled,
  timeAdvanced: env.timeEnabled,
};
