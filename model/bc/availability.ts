/**
 * What a desktop, a phone or a gateway can reach: ground truth of sites, pairs and the WAN, as
 * the handlers (and the ghost records) ask it. Properties read states through their own code
 * (properties/bc/reading.ts) and share only `serviceUp`, the reading of a pair's status.
 *
 * Simplification (B-2): each desktop sits on the network of one site (config `desktopSites`); a
 * WAN partition cuts it from the other site only. Gateways and phones reach both sites.
 */
import { isAvailable } from '../kernel/local-failover.ts';
import type { Context } from './context.ts';
import type { AgentId, BcState, Service, Site } from './state.ts';

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
