/**
 * The agent desktop: the Business Continuity logic the SDKs leave to the application. It logs in
 * to CSP, one SIP Server peer and optionally Stat Server, all at one site; it starts at the
 * preferred site; on losing CSP or SIP Server there (or failing to log in) it waits the DR
 * timeout and then moves every connection to the other site.
 *
 * Source: BC "Desktop Connections" and "Business Continuity Relationship to High Availability".
 * Simplifications: the desktop logs out of the old peer before it logs in at the new one (the
 * peer also drops a login whose TLib client vanished, B-3); no failback while logged in;
 * a switchover that finds the other site unusable waits again there (B-4).
 */
import type { Draft } from 'immer';
import { local } from '../kernel/tables.ts';
import { canLogIn, lostTriggers } from './availability.ts';
import type { Context, Decls, EventOf } from './context.ts';
import { type AgentId, type BcState, LOGGED_OUT, otherSite, type Site } from './state.ts';

/** Logs the desktop in at a site: every connection there, the peer's login, no DR timer. */
export function logIn(draft: Draft<BcState>, ctx: Context, agent: AgentId, site: Site): void {
  const stat = ctx.services.includes('stat') ? site : null;
  draft.desktops[agent] = { phase: 'loggedIn', site, csp: site, sip: site, stat };
  draft.sites[site].agents[agent] = 'loggedIn';
  delete draft.timers[`dr:${agent}`];
}

/** Starts (or restarts) the DR wait at a site the desktop cannot use. */
function waitAt(draft: Draft<BcState>, ctx: Context, agent: AgentId, site: Site): void {
  const desktop = draft.desktops[agent]!;
  desktop.phase = 'waitingDr';
  desktop.site = site;
  draft.timers[`dr:${agent}`] = ctx.drWaitMs;
}

/** Drops every connection and the peer's login at the desktop's site. */
function leave(draft: Draft<BcState>, agent: AgentId): void {
  const site = draft.desktops[agent]!.site;
  if (site !== null) draft.sites[site].agents[agent] = 'loggedOut';
  draft.desktops[agent] = { ...LOGGED_OUT };
  delete draft.timers[`dr:${agent}`];
}

/** BC-DESK: at login the desktop goes to the preferred site, or waits to switch away from it. */
export function loginRequested(
  draft: Draft<BcState>,
  event: EventOf<'loginRequested'>,
  ctx: Context,
): void {
  const site = ctx.preferred[event.agent]!;
  if (canLogIn(draft as BcState, ctx, event.agent, site)) logIn(draft, ctx, event.agent, site);
  else waitAt(draft, ctx, event.agent, site);
}

export function logoutRequested(draft: Draft<BcState>, event: EventOf<'logoutRequested'>): void {
  leave(draft, event.agent);
}

/** The desktop notices it lost CSP or SIP Server and starts the DR timeout. */
export function connectionLost(
  draft: Draft<BcState>,
  event: EventOf<'connectionLost'>,
  ctx: Context,
): void {
  const desktop = draft.desktops[event.agent]!;
  waitAt(draft, ctx, event.agent, desktop.site!);
}

/** The DR timeout ran out: leave the old site entirely, then log in at the other one. */
export function drSwitchedOver(
  draft: Draft<BcState>,
  event: EventOf<'drSwitchedOver'>,
  ctx: Context,
): void {
  const next = otherSite(draft.desktops[event.agent]!.site!);
  leave(draft, event.agent);
  if (canLogIn(draft as BcState, ctx, event.agent, next)) logIn(draft, ctx, event.agent, next);
  else waitAt(draft, ctx, event.agent, next);
}

/**
 * After a repair or a completed failover: every desktop whose CSP and SIP Server are usable
 * again at its site is reconnected there by its SDK and its DR timer is cancelled (BC-HA-2).
 */
export function reconnectDesktops(draft: Draft<BcState>, ctx: Context): void {
  for (const agent of ctx.agents) {
    const desktop = draft.desktops[agent]!;
    if (desktop.site === null) continue; // logged out: a desktop with a site is in or waiting
    if (lostTriggers(draft as BcState, ctx, agent).length === 0)
      logIn(draft, ctx, agent, desktop.site);
  }
}

// Stryker disable next-line StringLiteral: a lifeline's name, printed in diagrams, read by no step or property
const desktopOf = (e: { readonly agent: string }) => `Desktop ${e.agent}`;

export const events: Decls<
  'loginRequested' | 'logoutRequested' | 'connectionLost' | 'drSwitchedOver'
> = {
  loginRequested: {
    kind: 'traffic',
    guard: (s, e) => s.desktops[e.agent]?.phase === 'loggedOut',
    handle: loginRequested,
    label: (e) => `agent ${e.agent} logs in on the desktop`,
    lifeline: (e) => ({ from: `Agent ${e.agent}`, to: desktopOf(e) }),
  },
  logoutRequested: {
    kind: 'traffic',
    guard: (s, e) => s.desktops[e.agent]?.phase !== 'loggedOut',
    handle: logoutRequested,
    label: (e) => `agent ${e.agent} logs out`,
    lifeline: (e) => ({ from: `Agent ${e.agent}`, to: desktopOf(e) }),
  },
  connectionLost: {
    kind: 'protocol',
    guard: (s, e, ctx) =>
      s.desktops[e.agent]?.phase === 'loggedIn' && lostTriggers(s, ctx, e.agent).length > 0,
    handle: connectionLost,
    label: (e) => `desktop of ${e.agent} detects the loss and starts the DR timeout`,
    lifeline: (e) => local(desktopOf(e)),
  },
  drSwitchedOver: {
    kind: 'protocol',
    guard: (s, e) => s.timers[`dr:${e.agent}`] === 0,
    handle: drSwitchedOver,
    label: (e) => `desktop of ${e.agent} switches over to the other site (DR)`,
    lifeline: (e) => local(desktopOf(e)),
  },
};
