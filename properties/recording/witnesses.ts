/**
 * Witnesses: transitions some run must reach, or the properties they accompany are vacuous.
 * Clauses: GIR-RM-1/2/3, GIR-MCP-4/5, GIR-SCALE-2/5; A-1 (each RM mode), A-3 (lag), A-8.
 */
import type { RecordingEvent } from '../../model/recording/events.ts';
import { type RecordingState, RMS, recordOf } from '../../model/recording/state.ts';
import type { Witness } from '../engine/property.ts';
import { callsOf, newSegments } from './common.ts';

type W = Witness<RecordingState, RecordingEvent>;

export const rmFailoverWithLiveSession: W = {
  id: 'recording.witness.rm-failover-with-live-session',
  kind: 'witness',
  clauses: ['GIR-RM-2'],
  statement: 'Some RM failure is detected while a call is being recorded.',
  reached: (before, e) =>
    e.type === 'rmFailureDetected' &&
    callsOf(before).some((c) => recordOf(before.calls, c).status === 'active'),
};

export const byeRoutedBySurvivor: W = {
  id: 'recording.witness.bye-routed-by-survivor',
  kind: 'witness',
  clauses: ['GIR-RM-3'],
  statement:
    'Some BYE is routed to its MCP by the RM that did not accept the session, after the one that did has failed.',
  reached: (before, e, after) => {
    if (e.type !== 'byeRouted') return false;
    const bye = recordOf(after.calls, e.call).bye;
    const anchor = recordOf(before.calls, e.call).anchor;
    return bye !== undefined && bye.rm !== anchor && bye.session !== 'none';
  },
};

export const reRecordedOnAnotherMcp: W = {
  id: 'recording.witness.rerecorded-on-another-mcp',
  kind: 'witness',
  clauses: ['GIR-MCP-4', 'GIR-MCP-5'],
  statement: 'Some call is recorded again, after an MCP failure, on another MCP.',
  reached: (before, _e, after) =>
    newSegments(before, after).some(
      (s) =>
        s.previous !== undefined && s.previous.mcp !== s.segment.mcp && s.segment.state === 'open',
    ),
};

export const noMcpAvailable: W = {
  id: 'recording.witness.no-mcp-available',
  kind: 'witness',
  clauses: ['GIR-MCP-4'],
  statement:
    'Some re-record request finds no MCP RM believes up: SIP Server retries or gives up, and the call goes on.',
  reached: (before, e, after) =>
    e.type === 'reRecordRequested' &&
    Object.values(before.mcpView).every((v) => v === 'down') &&
    ['waiting', 'failed'].includes(recordOf(after.calls, e.call).status),
};

export const metadataPosted: W = {
  id: 'recording.witness.metadata-posted',
  kind: 'witness',
  clauses: ['GIR-SCALE-5'],
  statement:
    "Some finished segment is written to the deployment's storage and its metadata posted.",
  reached: (_b, e) => e.type === 'metadataPosted',
};

export const standbyTakesOver: W = {
  id: 'recording.witness.standby-takes-over',
  kind: 'witness',
  clauses: ['GIR-RM-1', 'GIR-RM-2'],
  statement: 'Active-standby: some failure of the active RM makes the standby take the Virtual IP.',
  reached: (before, _e, after) =>
    RMS.some((rm) => !before.rms[rm].serving && after.rms[rm].serving),
};

export const bothRmsAccept: W = {
  id: 'recording.witness.both-rms-accept',
  kind: 'witness',
  clauses: ['GIR-RM-1', 'GIR-SCALE-2'],
  statement:
    'Active-active: some recording session is accepted by rm2 while rm1 is also up and in rotation.',
  reached: (before, _e, after) =>
    before.rms.rm1.process === 'up' &&
    before.rms.rm1.serving &&
    newSegments(before, after).some((s) => recordOf(after.calls, s.call).anchor === 'rm2'),
};

export const affinityLostUnderLag: W = {
  id: 'recording.witness.affinity-lost-under-lag',
  kind: 'witness',
  clauses: ['GIR-RM-3'],
  statement:
    'Replication lag: some BYE reaches an RM that never received the session, so its affinity is lost.',
  reached: (_b, e, after) =>
    e.type === 'byeRouted' && recordOf(after.calls, e.call).bye?.session === 'none',
};
