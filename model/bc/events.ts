import type {
  PartitionHealed,
  PartitionStarted,
  ProcessCrashed,
  ProcessRestarted,
  TimeAdvanced,
} from '../kernel/faults.ts';
import type { BcConfig } from './config.ts';
import {
  type AgentId,
  type CallId,
  type PairId,
  pairId,
  SERVICES,
  type Service,
  SITES,
  type Site,
} from './state.ts';

/** The WAN between the two sites, the one partitionable link of this model. */
export type Wan = 'wan';

/** Traffic: agents logging in and out, callers and agents making and ending calls. */
export type TrafficEvent =
  | { readonly type: 'loginRequested'; readonly agent: AgentId }
  | { readonly type: 'logoutRequested'; readonly agent: AgentId }
  | {
      readonly type: 'callArrived';
      readonly call: CallId;
      readonly site: Site;
      readonly agent: AgentId;
    }
  | { readonly type: 'callDialed'; readonly call: CallId; readonly agent: AgentId }
  | { readonly type: 'callReleased'; readonly call: CallId };

/** The system's own steps: desktops, Management Layer failovers, gateways noticing sites. */
export type ProtocolEvent =
  | { readonly type: 'connectionLost'; readonly agent: AgentId }
  | { readonly type: 'drSwitchedOver'; readonly agent: AgentId }
  | { readonly type: 'haFailoverCompleted'; readonly pair: PairId }
  | { readonly type: 'gatewaysNoticed'; readonly site: Site };

export type SiteFault = { readonly type: 'siteFailed'; readonly site: Site };
export type SiteRepair = { readonly type: 'siteRecovered'; readonly site: Site };

export type BcEvent =
  | TrafficEvent
  | ProtocolEvent
  | ProcessCrashed<PairId>
  | SiteFault
  | PartitionStarted<Wan>
  | ProcessRestarted<PairId>
  | SiteRepair
  | PartitionHealed<Wan>
  | TimeAdvanced;

export function agentIds(config: BcConfig): AgentId[] {
  return Array.from({ length: config.agents }, (_, i) => `a${i + 1}` as const);
}

export function callIds(config: BcConfig): CallId[] {
  return Array.from({ length: config.calls }, (_, i) => `c${i + 1}` as const);
}

/** The pairs of the configuration; Stat Server only when desktops use it. */
export function pairIds(config: BcConfig): PairId[] {
  const services: Service[] = SERVICES.filter((s) => s !== 'stat' || config.statServer);
  return SITES.flatMap((site) => services.map((service) => pairId(site, service)));
}

/** Every event of a configuration, grouped by kind: traffic, protocol, faults, repairs, time. */
export function vocabulary(config: BcConfig): BcEvent[] {
  const agents = agentIds(config);
  const calls = callIds(config);
  const pairs = pairIds(config);
  const events: BcEvent[] = [];
  for (const agent of agents) {
    events.push({ type: 'loginRequested', agent }, { type: 'logoutRequested', agent });
  }
  for (const call of calls) {
    for (const site of SITES)
      for (const agent of agents) events.push({ type: 'callArrived', call, site, agent });
    for (const agent of agents) events.push({ type: 'callDialed', call, agent });
    events.push({ type: 'callReleased', call });
  }
  for (const agent of agents) {
    events.push({ type: 'connectionLost', agent }, { type: 'drSwitchedOver', agent });
  }
  for (const pair of pairs) events.push({ type: 'haFailoverCompleted', pair });
  for (const site of SITES) events.push({ type: 'gatewaysNoticed', site });
  for (const node of pairs) events.push({ type: 'processCrashed', node });
  for (const site of SITES) events.push({ type: 'siteFailed', site });
  events.push({ type: 'partitionStarted', node: 'wan' });
  for (const node of pairs) events.push({ type: 'processRestarted', node });
  for (const site of SITES) events.push({ type: 'siteRecovered', site });
  events.push({ type: 'partitionHealed', node: 'wan' });
  events.push({ type: 'timeAdvanced' });
  return events;
}
