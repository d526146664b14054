import type {
  PartitionHealed,
  PartitionStarted,
  ProcessCrashed,
  ProcessRestarted,
  TimeAdvanced,
} from '../kernel/faults.ts';
import type { EventKind } from '../kernel/model.ts';
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

export function kindOf(event: BcEvent): EventKind {
  switch (event.type) {
    case 'loginRequested':
    case 'logoutRequested':
    case 'callArrived':
    case 'callDialed':
    case 'callReleased':
      return 'traffic';
    case 'connectionLost':
    case 'drSwitchedOver':
    case 'haFailoverCompleted':
    case 'gatewaysNoticed':
      return 'protocol';
    case 'processCrashed':
    case 'siteFailed':
    case 'partitionStarted':
      return 'fault';
    case 'processRestarted':
    case 'siteRecovered':
    case 'partitionHealed':
      return 'repair';
    case 'timeAdvanced':
      return 'time';
  }
}

// Stryker disable all: the label of an event in stories, step tables and diagrams; no property reads it
export function describe(event: BcEvent): string {
  switch (event.type) {
    case 'loginRequested':
      return `agent ${event.agent} logs in on the desktop`;
    case 'logoutRequested':
      return `agent ${event.agent} logs out`;
    case 'callArrived':
      return `gateway sends call ${event.call} for ${event.agent} to site ${event.site}`;
    case 'callDialed':
      return `agent ${event.agent} dials call ${event.call} from the phone (1PCC)`;
    case 'callReleased':
      return `call ${event.call} ends`;
    case 'connectionLost':
      return `desktop of ${event.agent} detects the loss and starts the DR timeout`;
    case 'drSwitchedOver':
      return `desktop of ${event.agent} switches over to the other site (DR)`;
    case 'haFailoverCompleted':
      return `Management Layer completes the HA failover of ${event.pair}`;
    case 'gatewaysNoticed':
      return `gateways notice the state of site ${event.site}`;
    case 'processCrashed':
      return `primary of ${event.node} crashes`;
    case 'siteFailed':
      return `site ${event.site} fails`;
    case 'partitionStarted':
      return 'the WAN between the sites is cut';
    case 'processRestarted':
      return `failed member of ${event.node} restarts`;
    case 'siteRecovered':
      return `site ${event.site} recovers`;
    case 'partitionHealed':
      return 'the WAN between the sites heals';
    case 'timeAdvanced':
      return 'time advances to next deadline';
  }
}
// Stryker restore all
