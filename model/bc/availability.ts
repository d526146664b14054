/**
 * What a desktop, a phone or a gateway can reach: ground truth of sites, pairs and the WAN.
 * Every handler and property asks these questions the same way.
 *
 * Simplification (B-2): each desktop sits on the network of one site (config `desktopSites`); a
 * WAN partition cuts it from the other site only. Gateways and phones reach both sites.
 */
import { isAvailable } from '../kernel/local-failover.ts';
import type { Context } from './context.ts';
import { type AgentId, type BcState, otherSite, type Service, type Site } from './state.ts';

/** Some member of the pair at the site serves (the site itself is up). */
export function serviceUp(state: BcState, site: Site, service: Service): boolean {
  const s = state.sites[site];
  return s.up && isAvailable(s.pairs[service]);
}

/** The desktop of the agent can reach the site's network. */
export function reachable(state: BcState, ctx: Context, agent: AgentId, site: Site): boolean {
  return !state.partitioned || site === ctx.home[agent];
}

/** The desktop of the agent can use the service at the site now. */
export function available(
  state: BcState,
  ctx: Context,
  agent: AgentId,
  site: Site,
  service: Service,
): boolean {
  return serviceUp(state, site, service) && reachable(state, ctx, agent, site);
}

/** Both required logins (CSP and SIP Server) are possible at the site. */
export function canLogIn(state: BcState, ctx: Context, agent: AgentId, site: Site): boolean {
  return available(state, ctx, agent, site, 'csp') && available(state, ctx, agent, site, 'sip');
}

/** The DR-trigger services the desktop cannot use at its site (empty when logged out). */
export function lostTriggers(state: BcState, ctx: Context, agent: AgentId): Service[] {
  const site = state.desktops[agent]?.site;
  if (site === null || site === undefined) return [];
  return ctx.triggers.filter((service) => !available(state, ctx, agent, site, service));
}

/**
 * A lost service that only a local HA failover is keeping away: the site is up and reachable
 * and the pair's backup is taking over. It will come back without any help from the desktop.
 */
export function inLocalFailover(
  state: BcState,
  ctx: Context,
  agent: AgentId,
  site: Site,
  service: Service,
): boolean {
  return (
    state.sites[site].up &&
    reachable(state, ctx, agent, site) &&
    state.sites[site].pairs[service] === 'failingOver'
  );
}

/** Every DR-trigger service is usable at the site: a desktop there would stay. */
export function usableAt(state: BcState, ctx: Context, agent: AgentId, site: Site): boolean {
  return ctx.triggers.every((service) => available(state, ctx, agent, site, service));
}

/**
 * The desktop must leave: a trigger service at its site is gone and no local failover will
 * bring it back, while at the other site every trigger service is usable.
 */
export function stranded(state: BcState, ctx: Context, agent: AgentId): boolean {
  const desktop = state.desktops[agent];
  if (desktop === undefined || desktop.phase === 'loggedOut' || desktop.site === null) return false;
  const site = desktop.site;
  const lost = lostTriggers(state, ctx, agent);
  return (
    lost.some((service) => !inLocalFailover(state, ctx, agent, site, service)) &&
    usableAt(state, ctx, agent, otherSite(site))
  );
}
