/**
 * The recording back end: the reducer and the guards.
 *
 * Source: GIR Solution Guide, "High Availability" › Web Services and Cassandra, Recording
 * Processor, Recording Crypto Server, SpeechMiner. The recording path is the recording model,
 * run on the `rec` sub-state with its own handlers and guards; handlers of the back end live by
 * role: pipeline.ts (MCP's POST, the Processors, Web Services and Cassandra, SpeechMiner),
 * playback.ts (UI and Crypto Servers), environment.ts (faults, repairs, time).
 */
import type { Draft } from 'immer';
import { enabledBy, handleBy } from '../kernel/tables.ts';
import type { RecordingEvent } from '../recording/events.ts';
import { guards as recordingGuards, handlers as recordingHandlers } from '../recording/reducer.ts';
import type { Context, Guards, Handlers } from './context.ts';
import * as env from './environment.ts';
import { isBackendNode } from './events.ts';
import * as pipe from './pipeline.ts';
import * as playback from './playback.ts';
import { type BackendState, segKey } from './state.ts';

/** One of the recording path's events, run by the recording model's own handler. */
function rec(draft: Draft<BackendState>, event: RecordingEvent, ctx: Context): void {
  handleBy(recordingHandlers, draft.rec, event, ctx.rec);
}

function recEnabled(state: BackendState, event: RecordingEvent, ctx: Context): boolean {
  return enabledBy(recordingGuards, state.rec, event, ctx.rec);
}

export const handlers: Handlers = {
  callArrived: rec,
  callAnswered: rec,
  callReleased: rec,
  recordingRequested: rec,
  lcaLossDetected: rec,
  lcaRechecked: rec,
  switchoverPerformed: rec,
  syncDelivered: rec,
  rmFailureDetected: rec,
  mcpFailureDetected: rec,
  mcpRecoveryDetected: rec,
  endpointsJoined: rec,
  reRecordRequested: rec,
  byeRouted: rec,
  segmentStored: (draft, e, ctx) => {
    rec(draft, e, ctx);
    delete draft.writeFailed[segKey(e.call, e.segment)];
  },
  metadataPosted: (draft, e, ctx) => {
    rec(draft, e, ctx);
    pipe.openOutbox(draft, e.call, e.segment);
  },
  sessionSyncDelivered: rec,
  hostCrashed: rec,
  processCrashed: (draft, e, ctx) => {
    if (isBackendNode(e.node)) env.crashBackend(draft, e.node, ctx);
    else rec(draft, e as RecordingEvent, ctx);
  },
  processRestarted: (draft, e, ctx) => {
    if (isBackendNode(e.node)) env.restartBackend(draft, e.node, ctx);
    else rec(draft, e as RecordingEvent, ctx);
  },
  timeAdvanced: (draft, _e, ctx) => env.timeAdvanced(draft, ctx),
  storageWriteFailed: env.storageWriteFailed,
  metadataDelivered: pipe.metadataDelivered,
  callDataAdded: pipe.callDataAdded,
  wsRequested: pipe.wsRequested,
  replicaWritten: pipe.replicaWritten,
  wsAnswered: pipe.wsAnswered,
  wsRequestFailed: pipe.wsRequestFailed,
  smSubmitted: pipe.smSubmitted,
  postAcknowledged: pipe.postAcknowledged,
  recordingIndexed: pipe.recordingIndexed,
  takenOver: env.takenOver,
  playbackRequested: playback.playbackRequested,
  partitionStarted: env.partitionStarted,
  partitionHealed: env.partitionHealed,
};

export const guards: Guards = {
  callArrived: recEnabled,
  callAnswered: recEnabled,
  callReleased: recEnabled,
  recordingRequested: recEnabled,
  lcaLossDetected: recEnabled,
  lcaRechecked: recEnabled,
  switchoverPerformed: recEnabled,
  syncDelivered: recEnabled,
  rmFailureDetected: recEnabled,
  mcpFailureDetected: recEnabled,
  mcpRecoveryDetected: recEnabled,
  endpointsJoined: recEnabled,
  reRecordRequested: recEnabled,
  byeRouted: recEnabled,
  segmentStored: recEnabled,
  metadataPosted: recEnabled,
  sessionSyncDelivered: recEnabled,
  hostCrashed: recEnabled,
  processCrashed: (s, e, ctx) =>
    isBackendNode(e.node) ? env.isUp(s, e.node) : recEnabled(s, e as RecordingEvent, ctx),
  processRestarted: (s, e, ctx) =>
    isBackendNode(e.node) ? !env.isUp(s, e.node) : recEnabled(s, e as RecordingEvent, ctx),
  timeAdvanced: (s, _e, ctx) => env.timeEnabled(s, ctx),
  storageWriteFailed: env.writeFailEnabled,
  metadataDelivered: pipe.deliverEnabled,
  callDataAdded: pipe.stageIs('received'),
  wsRequested: pipe.wsRequestEnabled,
  replicaWritten: pipe.replicaEnabled,
  wsAnswered: pipe.wsAnswerEnabled,
  wsRequestFailed: pipe.wsFailEnabled,
  smSubmitted: pipe.smSubmitEnabled,
  postAcknowledged: pipe.ackEnabled,
  recordingIndexed: pipe.indexEnabled,
  takenOver: pipe.takeoverEnabled,
  playbackRequested: playback.playbackEnabled,
  partitionStarted: (s, e) => env.isUp(s, e.node) && !env.isCut(s, e.node),
  partitionHealed: (s, e) => env.isCut(s, e.node),
};
