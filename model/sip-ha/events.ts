import {
  type FaultEvent,
  faultEvents,
  type RepairEvent,
  repairEvents,
  type TimeAdvanced,
} from '../kernel/faults.ts';
import type { SipHaConfig } from './config.ts';
import {
  type AgentId,
  type AgentState,
  type CallId,
  SERVERS,
  type ServerId,
  type SyncKey,
} from './state.ts';

/** Traffic: what callers, agents and the operator do. */
export type TrafficEvent =
  | { readonly type: 'callArrived'; readonly call: CallId; readonly server: ServerId }
  | { readonly type: 'callAnswered'; readonly call: CallId; readonly server: ServerId }
  | { readonly type: 'recordingStarted'; readonly call: CallId; readonly server: ServerId }
  | { readonly type: 'callReleased'; readonly call: CallId; readonly server: ServerId }
  | {
      readonly type: 'agentStateChanged';
      readonly agent: AgentId;
      readonly to: AgentState;
      readonly server: ServerId;
    }
  | { readonly type: 'switchoverRequested' };

/** The system's own steps: Management Layer decisions and HA-link protocol. */
export type ProtocolEvent =
  | { readonly type: 'serverInitialized'; readonly node: ServerId }
  | { readonly type: 'lcaLossDetected'; readonly node: ServerId }
  | { readonly type: 'lcaRechecked'; readonly node: ServerId }
  | { readonly type: 'switchoverPerformed'; readonly node: ServerId }
  | { readonly type: 'splitBrainResolved' }
  | { readonly type: 'haLinkConnected' }
  | { readonly type: 'resyncDelivered' };

export type DeliveryEvent = { readonly type: 'syncDelivered'; readonly key: SyncKey };

/** Faults beyond the shared ones: losses on the HA link. */
export type LinkFaultEvent =
  | { readonly type: 'syncLost'; readonly key: SyncKey }
  | { readonly type: 'haLinkDropped' };
export type LinkRepairEvent = { readonly type: 'haLinkRepaired' };

export type SipHaEvent =
  | TrafficEvent
  | ProtocolEvent
  | DeliveryEvent
  | FaultEvent<ServerId>
  | LinkFaultEvent
  | RepairEvent<ServerId>
  | LinkRepairEvent
  | TimeAdvanced;

export function callIds(config: SipHaConfig): CallId[] {
  return Array.from({ length: config.calls }, (_, i) => `c${i + 1}` as const);
}

export function agentIds(config: SipHaConfig): AgentId[] {
  return Array.from({ length: config.agents }, (_, i) => `a${i + 1}` as const);
}

/** Every event of a configuration, grouped by kind: traffic, protocol, delivery, faults, time. */
export function vocabulary(config: SipHaConfig): SipHaEvent[] {
  const calls = callIds(config);
  const agents = agentIds(config);
  const keys: SyncKey[] = [...calls, ...agents];
  const events: SipHaEvent[] = [];
  for (const server of SERVERS) {
    for (const call of calls) {
      events.push({ type: 'callArrived', call, server });
      events.push({ type: 'callAnswered', call, server });
      events.push({ type: 'recordingStarted', call, server });
      events.push({ type: 'callReleased', call, server });
    }
    for (const agent of agents) {
      for (const to of ['ready', 'notReady', 'loggedOut'] as const) {
        events.push({ type: 'agentStateChanged', agent, to, server });
      }
    }
  }
  events.push({ type: 'switchoverRequested' });
  for (const node of SERVERS) {
    events.push({ type: 'serverInitialized', node });
    events.push({ type: 'lcaLossDetected', node });
    events.push({ type: 'lcaRechecked', node });
    events.push({ type: 'switchoverPerformed', node });
  }
  events.push(
    { type: 'splitBrainResolved' },
    { type: 'haLinkConnected' },
    { type: 'resyncDelivered' },
  );
  for (const key of keys) events.push({ type: 'syncDelivered', key });
  events.push(...faultEvents(SERVERS));
  if (config.messageLoss) for (const key of keys) events.push({ type: 'syncLost', key });
  events.push({ type: 'haLinkDropped' });
  events.push(...repairEvents(SERVERS));
  events.push({ type: 'haLinkRepaired' });
  events.push({ type: 'timeAdvanced' });
  return events;
}
