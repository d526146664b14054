/**
 * How the properties read a state: whether a desktop can use a service, whether a loss is only a
 * local failover, whether the desktop works, and which desktops moved to the other site in a
 * step. Written here from ground truth (sites, pairs, the WAN, logins), not from the model's
 * desktop or delivery logic, so that a property does not ask the model what it should do.
 * `serviceUp` is the one shared reading of a pair's status (model/bc/availability.ts).
 */
import { serviceUp } from '../../model/bc/availability.ts';
import type { BcConfig } from '../../model/bc/config.ts';
import {
  type AgentId,
  type BcState,
  otherSite,
  type Service,
  type Site,
} from '../../model/bc/state.ts';

export interface Reading {
  readonly config: BcConfig;
  readonly agents: readonly AgentId[];
  /** BC-DESK-9: CSP and SIP Server; Stat Server too with the WDE option. */
  readonly triggers: readonly Service[];
}

export function reading(config: BcConfig): Reading {
  const agents = Array.from({ length: config.agents }, (_, i) => `a${i + 1}` as const);
  const stat: Service[] = config.statServer && config.statTriggersDr ? ['stat'] : [];
  return { config, agents, triggers: ['csp', 'sip', ...stat] };
}

/** B-2: a desktop reaches its own site's network always, the other site only over the WAN. */
function reaches(state: BcState, r: Reading, agent: AgentId, site: Site): boolean {
  const index = Number(agent.slice(1)) - 1;
  return !state.partitioned || r.config.desktopSites[index] === site;
}

/** The desktop of the agent can use the service at the site. */
export function usable(
  state: BcState,
  r: Reading,
  agent: AgentId,
  site: Site,
  service: Service,
): boolean {
  return serviceUp(state, site, service) && reaches(state, r, agent, site);
}

/** The service is unusable only because its pair's backup is taking over (BC-HA-2). */
export function onlyFailingOver(
  state: BcState,
  r: Reading,
  agent: AgentId,
  site: Site,
  service: Service,
): boolean {
  return (
    state.sites[site].up &&
    reaches(state, r, agent, site) &&
    state.sites[site].pairs[service] === 'failingOver'
  );
}

/** Some trigger service at the site is unusable for a reason beyond a local failover. */
export function outageAt(state: BcState, r: Reading, agent: AgentId, site: Site): boolean {
  return r.triggers.some(
    (s) => !usable(state, r, agent, site, s) && !onlyFailingOver(state, r, agent, site, s),
  );
}

/** Every trigger service at the site is usable: a desktop there has no reason to leave. */
export function allUsable(state: BcState, r: Reading, agent: AgentId, site: Site): boolean {
  return r.triggers.every((s) => usable(state, r, agent, site, s));
}

/**
 * The agent can work: its desktop is logged in with CSP and SIP Server at one site, that peer
 * has the agent logged in, and both servers there are usable to the desktop.
 */
export function works(state: BcState, r: Reading, agent: AgentId): boolean {
  const d = state.desktops[agent]!;
  const site = d.sip;
  return (
    d.phase === 'loggedIn' &&
    site !== null &&
    d.csp === site &&
    state.sites[site].agents[agent] === 'loggedIn' &&
    usable(state, r, agent, site, 'csp') &&
    usable(state, r, agent, site, 'sip')
  );
}

/**
 * BC-DESK-9's trigger: the desktop is at a site (logged in or waiting) where a trigger service
 * is gone for good (not just failing over), and the other site would accept its login.
 */
export function stranded(state: BcState, r: Reading, agent: AgentId): boolean {
  const d = state.desktops[agent]!;
  if (d.phase === 'loggedOut' || d.site === null) return false;
  return outageAt(state, r, agent, d.site) && allUsable(state, r, agent, otherSite(d.site));
}

/** A desktop that worked with one site before a step and holds anything at the other after it. */
export interface Departure {
  readonly agent: AgentId;
  readonly from: Site;
}

/**
 * The desktops that moved to the other site in a step, whatever the event: judged from the
 * desktop's own site and its three connections, before and after. A peer that gains a login
 * the desktop did not make is no move of the desktop; bc.no-state-across-peers judges that.
 */
export function departures(before: BcState, after: BcState): Departure[] {
  const out: Departure[] = [];
  for (const agent of Object.keys(before.desktops) as AgentId[]) {
    const was = before.desktops[agent]!;
    if (was.phase === 'loggedOut' || was.site === null) continue;
    const to = otherSite(was.site);
    const now = after.desktops[agent]!;
    if ([now.site, now.csp, now.sip, now.stat].includes(to)) out.push({ agent, from: was.site });
  }
  return out;
}
