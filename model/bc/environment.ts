/**
 * The adversary and the Management Layer: server crashes and restarts inside a site's local HA
 * pairs, whole-site failure and recovery, the WAN partition, and the local failover completing
 * after the stated failover time. Faults spend the run's fault budget (the kernel gates and counts
 * them); repairs are free.
 *
 * Source: BC "Business Continuity Relationship to High Availability" (local HA at each site;
 * "the time typically taken ... is 60 seconds"; "stable and in-setup calls ... will be lost").
 * Simplifications: each local pair is the local-failover block, not the full sip-ha model (B-1);
 * a SIP Server pair keeps its calls and agents through a local failover (hot-standby sync, A-10)
 * and loses them when no member is left; a recovered site starts empty.
 */
import type { Draft } from 'immer';
import {
  canRestart,
  onFailoverCompleted,
  onMemberRestarted,
  onPrimaryFailed,
} from '../kernel/local-failover.ts';
import { isDue } from '../kernel/timers.ts';
import type { Context, Decls, EventOf } from './context.ts';
import { reconnectDesktops } from './desktop.ts';
import { type BcState, type CallId, IDLE_CALL, parsePair, SERVICES, type Site } from './state.ts';

/** Everything the SIP Server peer at a site held is gone: its logins and its calls. */
function wipePeer(draft: Draft<BcState>, site: Site): void {
  const agents = draft.sites[site].agents;
  for (const agent of Object.keys(agents) as (keyof typeof agents)[]) agents[agent] = 'loggedOut';
  for (const id of Object.keys(draft.calls) as CallId[]) {
    const call = draft.calls[id]!;
    if (call.site === site) draft.calls[id] = { ...IDLE_CALL }; // an idle call has no site
  }
}

export function processCrashed(
  draft: Draft<BcState>,
  event: EventOf<'processCrashed'>,
  ctx: Context,
): void {
  const { site, service } = parsePair(event.node);
  const next = onPrimaryFailed(draft.sites[site].pairs[service]);
  draft.sites[site].pairs[service] = next.status;
  if (next.armFailover) draft.timers[`ha:${event.node}`] = ctx.config.haFailoverMs;
  else delete draft.timers[`ha:${event.node}`];
  if (service === 'sip' && next.status === 'down') wipePeer(draft, site);
}

/** The Management Layer has promoted the backup; clients' SDKs reconnect to it. */
export function haFailoverCompleted(
  draft: Draft<BcState>,
  event: EventOf<'haFailoverCompleted'>,
  ctx: Context,
): void {
  const { site, service } = parsePair(event.pair);
  draft.sites[site].pairs[service] = onFailoverCompleted();
  delete draft.timers[`ha:${event.pair}`];
  reconnectDesktops(draft, ctx);
}

export function processRestarted(
  draft: Draft<BcState>,
  event: EventOf<'processRestarted'>,
  ctx: Context,
): void {
  const { site, service } = parsePair(event.node);
  draft.sites[site].pairs[service] = onMemberRestarted(draft.sites[site].pairs[service]);
  reconnectDesktops(draft, ctx);
}

export function siteFailed(draft: Draft<BcState>, event: EventOf<'siteFailed'>): void {
  const site = draft.sites[event.site];
  site.up = false;
  for (const service of SERVICES) {
    site.pairs[service] = 'down';
    delete draft.timers[`ha:${event.site}:${service}`];
  }
  wipePeer(draft, event.site);
}

export function siteRecovered(
  draft: Draft<BcState>,
  event: EventOf<'siteRecovered'>,
  ctx: Context,
): void {
  const site = draft.sites[event.site];
  site.up = true;
  for (const service of SERVICES) site.pairs[service] = 'serving';
  reconnectDesktops(draft, ctx);
}

export function partitionStarted(draft: Draft<BcState>): void {
  draft.partitioned = true;
}

export function partitionHealed(draft: Draft<BcState>, _e: unknown, ctx: Context): void {
  draft.partitioned = false;
  reconnectDesktops(draft, ctx);
}

// Stryker disable next-line StringLiteral: a lifeline's ends, printed in diagrams, read by no step or property
const onSite = (site: string) => ({ from: 'Faults', to: `Site ${site}` });

export const events: Decls<
  | 'haFailoverCompleted'
  | 'processCrashed'
  | 'siteFailed'
  | 'partitionStarted'
  | 'processRestarted'
  | 'siteRecovered'
  | 'partitionHealed'
> = {
  haFailoverCompleted: {
    kind: 'protocol',
    guard: (s, e) => isDue(s.timers, `ha:${e.pair}`),
    handle: haFailoverCompleted,
    label: (e) => `Management Layer completes the HA failover of ${e.pair}`,
    lifeline: (e) => ({ from: 'Management Layer', to: `Site ${e.pair.slice(0, 1)}` }),
  },
  processCrashed: {
    kind: 'fault',
    guard: (s, e) => {
      const { site, service } = parsePair(e.node);
      return s.sites[site].up && s.sites[site].pairs[service] !== 'down';
    },
    handle: processCrashed,
    label: (e) => `primary of ${e.node} crashes`,
    lifeline: (e) => onSite(e.node.slice(0, 1)),
  },
  siteFailed: {
    kind: 'fault',
    guard: (s, e) => s.sites[e.site].up,
    handle: siteFailed,
    label: (e) => `site ${e.site} fails`,
    lifeline: (e) => onSite(e.site),
  },
  partitionStarted: {
    kind: 'fault',
    guard: (s) => !s.partitioned,
    handle: partitionStarted,
    label: () => 'the WAN between the sites is cut',
    lifeline: () => ({ from: 'Faults', to: 'WAN' }),
  },
  processRestarted: {
    kind: 'repair',
    guard: (s, e) => {
      const { site, service } = parsePair(e.node);
      return s.sites[site].up && canRestart(s.sites[site].pairs[service]);
    },
    handle: processRestarted,
    label: (e) => `failed member of ${e.node} restarts`,
    lifeline: (e) => onSite(e.node.slice(0, 1)),
  },
  siteRecovered: {
    kind: 'repair',
    guard: (s, e) => !s.sites[e.site].up,
    handle: siteRecovered,
    label: (e) => `site ${e.site} recovers`,
    lifeline: (e) => onSite(e.site),
  },
  partitionHealed: {
    kind: 'repair',
    guard: (s) => s.partitioned,
    handle: partitionHealed,
    label: () => 'the WAN between the sites heals',
    lifeline: () => ({ from: 'Faults', to: 'WAN' }),
  },
};
