import type {
  HostCrashed,
  ProcessCrashed,
  ProcessRestarted,
  TimeAdvanced,
} from '../kernel/faults.ts';
import { callIds } from '../sip-ha/events.ts';
import type { SipHaEvent } from '../sip-ha/index.ts';
import { type CallId, SERVERS, type ServerId } from '../sip-ha/state.ts';
import type { RecordingConfig } from './config.ts';
import { type McpId, RMS, type RmId } from './state.ts';

/**
 * The part of the SIP Server pair's vocabulary the recording path keeps: calls, ADDP detection,
 * failover and sync. Left out: agents, manual switchover, lost sync messages, partitions, HA-link
 * faults and SIP Server restarts (sip-ha checks them on its own); `recordingStarted` is replaced
 * by `recordingRequested`, which runs it and then asks RM for a recording session.
 */
export const SIP_EVENT_TYPES = [
  'callArrived',
  'callAnswered',
  'callReleased',
  'lcaLossDetected',
  'lcaRechecked',
  'switchoverPerformed',
  'syncDelivered',
] as const;
export type SipEventType = (typeof SIP_EVENT_TYPES)[number];
export type SipPartEvent = Extract<SipHaEvent, { type: SipEventType }>;

/** Any process of the recording path: a SIP Server, an RM or an MCP. */
export type NodeId = ServerId | RmId | McpId;

export type RecordingEvent =
  | SipPartEvent
  | { readonly type: 'recordingRequested'; readonly call: CallId; readonly server: ServerId }
  | { readonly type: 'rmFailureDetected'; readonly rm: RmId }
  | { readonly type: 'mcpFailureDetected'; readonly mcp: McpId }
  | { readonly type: 'mcpRecoveryDetected'; readonly mcp: McpId }
  | { readonly type: 'endpointsJoined'; readonly call: CallId }
  | { readonly type: 'reRecordRequested'; readonly call: CallId }
  | { readonly type: 'byeRouted'; readonly call: CallId }
  | { readonly type: 'segmentStored'; readonly call: CallId; readonly segment: number }
  | { readonly type: 'metadataPosted'; readonly call: CallId; readonly segment: number }
  | { readonly type: 'sessionSyncDelivered'; readonly rm: RmId; readonly call: CallId }
  | ProcessCrashed<NodeId>
  | HostCrashed<ServerId>
  | ProcessRestarted<McpId>
  | TimeAdvanced;

export type RecordingEventType = RecordingEvent['type'];

export function mcpIds(config: RecordingConfig): McpId[] {
  return Array.from({ length: config.mcps }, (_, i) => `mcp${i + 1}` as const);
}

export function isSipNode(node: NodeId): node is ServerId {
  return node === 'sip1' || node === 'sip2';
}

export function isRmNode(node: NodeId): node is RmId {
  return node === 'rm1' || node === 'rm2';
}

/** Every event of a configuration: traffic, protocol, delivery, faults, repairs, time. */
export function vocabulary(config: RecordingConfig): RecordingEvent[] {
  const calls = callIds(config.sip);
  const mcps = mcpIds(config);
  const events: RecordingEvent[] = [];
  for (const server of SERVERS) {
    for (const call of calls) {
      events.push({ type: 'callArrived', call, server });
      events.push({ type: 'callAnswered', call, server });
      events.push({ type: 'recordingRequested', call, server });
      events.push({ type: 'callReleased', call, server });
    }
  }
  for (const node of SERVERS) {
    events.push({ type: 'lcaLossDetected', node }, { type: 'lcaRechecked', node });
    events.push({ type: 'switchoverPerformed', node });
  }
  for (const rm of RMS) events.push({ type: 'rmFailureDetected', rm });
  for (const mcp of mcps) {
    events.push({ type: 'mcpFailureDetected', mcp }, { type: 'mcpRecoveryDetected', mcp });
  }
  for (const call of calls) {
    events.push({ type: 'endpointsJoined', call }, { type: 'reRecordRequested', call });
    events.push({ type: 'byeRouted', call });
    // A call has at most one segment per MCP crash, plus its first.
    for (let segment = 0; segment <= config.faultBudget; segment++) {
      events.push({ type: 'segmentStored', call, segment });
      events.push({ type: 'metadataPosted', call, segment });
    }
  }
  for (const call of calls) events.push({ type: 'syncDelivered', key: call });
  if (config.replication === 'lagged') {
    for (const rm of RMS)
      for (const call of calls) events.push({ type: 'sessionSyncDelivered', rm, call });
  }
  for (const node of SERVERS) {
    events.push({ type: 'processCrashed', node }, { type: 'hostCrashed', node });
  }
  for (const node of [...RMS, ...mcps]) events.push({ type: 'processCrashed', node });
  for (const node of mcps) events.push({ type: 'processRestarted', node });
  events.push({ type: 'timeAdvanced' });
  return events;
}
