/**
 * Broken variants of the SIP Business Continuity model. Each replaces one handler or guard of
 * the real model with a plausible mistake (or, for the DR timeout, runs the real model under a
 * config that breaks the documented precondition), and names the property that must catch it.
 * This file holds the desktop's variants and the full list; calls.ts holds the peers'
 * and gateways', liveness.ts the DR switchover's liveness.
 */
import { available, canLogIn, lostTriggers } from '../../../model/bc/availability.ts';
import { logIn } from '../../../model/bc/desktop.ts';
import { createBc, preferredSite } from '../../../model/bc/index.ts';
import { handlers } from '../../../model/bc/reducer.ts';
import { otherSite, parsePair } from '../../../model/bc/state.ts';
import { boundsVariants } from '../../bounds-variants.ts';
import type { VariantSpec } from '../../variant.ts';
import { drSwitchoverWithinBound } from '../liveness.ts';
import { deadPairRevivesByRestart } from '../pairs.ts';
import { onlyFailingOver, reading } from '../reading.ts';
import {
  connectionsOneSite,
  haFailoverTransparent,
  loginAtPreferredSite,
  loginWhereUsable,
  onePeerLogin,
  sipWithCsp,
  statLossNoSwitchover,
} from '../safety.ts';
import { callVariants } from './calls.ts';
import { livenessVariants } from './liveness.ts';

const desktopVariants: readonly VariantSpec[] = [
  {
    id: 'login-before-logout',
    model: 'bc',
    config: 'small',
    title:
      'The desktop logs in at the new site and leaves its old SIP Server login for later: both peers have the agent',
    breaks: onePeerLogin,
    build: () =>
      createBc({
        handlers: {
          drSwitchedOver: (draft, event, ctx) => {
            const old = draft.desktops[event.agent]!.site!;
            const held = draft.sites[old].agents[event.agent];
            handlers.drSwitchedOver(draft, event, ctx);
            // The logout from the old peer has not been sent yet.
            draft.sites[old].agents[event.agent] = held!;
          },
        },
      }),
  },
  {
    id: 'stat-loss-switchover',
    model: 'bc',
    config: 'small',
    title:
      'The desktop treats any Stat Server disconnect (a pair failing over or left with one member) as a DR trigger although the option is off',
    breaks: statLossNoSwitchover,
    build: () =>
      createBc({
        guards: {
          connectionLost: (s, e, ctx) => {
            const d = s.desktops[e.agent];
            if (d?.phase !== 'loggedIn' || d.site === null) return false;
            const statLost = s.sites[d.site].pairs.stat !== 'serving' || !s.sites[d.site].up;
            return lostTriggers(s, ctx, e.agent).length > 0 || statLost;
          },
        },
      }),
  },
  {
    id: 'short-dr-timeout',
    model: 'bc',
    config: 'short-dr',
    title:
      'The DR timeout (5 s) is shorter than the local HA failover (10 s): desktops flee a site whose pair is only failing over',
    breaks: haFailoverTransparent,
    build: () => createBc(),
  },
  {
    id: 'move-only-sip',
    model: 'bc',
    config: 'small',
    title:
      'On a DR switchover the desktop moves its SIP Server login only; CSP and Stat Server stay at the old site, so the agent cannot work',
    breaks: drSwitchoverWithinBound,
    instance: 'a1',
    build: () =>
      createBc({
        handlers: {
          drSwitchedOver: (draft, event, ctx) => {
            const d = draft.desktops[event.agent]!;
            // With nothing held yet (a failed first login) there is nothing to leave behind.
            if (d.csp === null) return handlers.drSwitchedOver(draft, event, ctx);
            const old = d.site!;
            const next = otherSite(old);
            draft.sites[old].agents[event.agent] = 'loggedOut';
            if (!canLogIn(draft, ctx, event.agent, next)) return;
            d.sip = next;
            d.site = next;
            d.phase = 'loggedIn';
            draft.sites[next].agents[event.agent] = 'loggedIn';
            delete draft.timers[`dr:${event.agent}`];
          },
        },
      }),
  },
  {
    id: 'stat-left-behind',
    model: 'bc',
    config: 'small',
    title:
      'On a DR switchover the desktop moves CSP and SIP Server but keeps its Stat Server connection at the old site',
    breaks: connectionsOneSite,
    build: () =>
      createBc({
        handlers: {
          drSwitchedOver: (draft, event, ctx) => {
            const stat = draft.desktops[event.agent]!.stat;
            handlers.drSwitchedOver(draft, event, ctx);
            // The StatLib connection is not reopened: it still points at the old site.
            if (stat !== null) draft.desktops[event.agent]!.stat = stat;
          },
        },
      }),
  },
  {
    id: 'sip-without-csp',
    model: 'bc',
    config: 'small',
    title: 'At login the desktop skips Configuration Server Proxy and logs in to SIP Server alone',
    breaks: sipWithCsp,
    build: () =>
      createBc({
        handlers: {
          loginRequested: (draft, event, ctx) => {
            const site = ctx.preferred[event.agent]!;
            if (!available(draft, ctx, event.agent, site, 'sip'))
              return handlers.loginRequested(draft, event, ctx);
            // Skips the CSP login (and its check) and goes straight to SIP Server.
            const stat = ctx.services.includes('stat') ? site : null;
            draft.desktops[event.agent] = { phase: 'loggedIn', site, csp: null, sip: site, stat };
            draft.sites[site].agents[event.agent] = 'loggedIn';
          },
        },
      }),
  },
  {
    id: 'wrong-login-site',
    model: 'bc',
    config: 'small',
    title:
      "The desktop logs in at the site after the agent's preferred one, although the preferred site is usable",
    breaks: loginAtPreferredSite,
    build: () =>
      createBc({
        handlers: {
          loginRequested: (draft, event, ctx) => {
            const swapped = {
              ...ctx.preferred,
              [event.agent]: otherSite(ctx.preferred[event.agent]!),
            };
            handlers.loginRequested(draft, event, { ...ctx, preferred: swapped });
          },
        },
      }),
  },
  {
    id: 'failover-switches-at-once',
    model: 'bc',
    config: 'small',
    title:
      "The desktop takes the SDK's disconnect notice during a local HA failover for a site failure and re-logs at the other site at once, without any DR switchover",
    breaks: haFailoverTransparent,
    build: () =>
      createBc({
        handlers: {
          connectionLost: (draft, event, ctx) => {
            const agent = event.agent;
            const site = draft.desktops[agent]!.site!;
            const next = otherSite(site);
            const r = reading(ctx.config);
            const failover = lostTriggers(draft, ctx, agent).every((s) =>
              onlyFailingOver(draft, r, agent, site, s),
            );
            if (!failover || !canLogIn(draft, ctx, agent, next))
              return handlers.connectionLost(draft, event, ctx);
            draft.sites[site].agents[agent] = 'loggedOut';
            logIn(draft, ctx, agent, next);
          },
        },
      }),
  },
  {
    id: 'crash-recorded-as-outage',
    model: 'bc',
    config: 'small',
    title:
      "A pair member's crash is recorded as an outage for the desktops at its site, although the backup takes over locally: the record would excuse a desktop that leaves during the failover",
    breaks: haFailoverTransparent,
    build: () =>
      createBc({
        handlers: {
          processCrashed: (draft, event, ctx) => {
            handlers.processCrashed(draft, event, ctx);
            const { site } = parsePair(event.node);
            for (const agent of ctx.agents)
              if (draft.desktops[agent]!.site === site) draft.ghost.outage[agent] = true;
          },
        },
      }),
  },
  {
    id: 'person-level-ignored',
    model: 'bc',
    config: 'stat-trigger',
    title:
      'At login the desktop resolves the preferred site from Agent Group and Tenant only, ignoring the value set on the Person',
    breaks: loginAtPreferredSite,
    build: () =>
      createBc({
        handlers: {
          loginRequested: (draft, event, ctx) => {
            const noPerson = { ...ctx.config, personSites: ctx.config.personSites.map(() => null) };
            const preferred = { ...ctx.preferred };
            ctx.agents.forEach((agent, i) => {
              preferred[agent] = preferredSite(noPerson, i);
            });
            handlers.loginRequested(draft, event, { ...ctx, preferred });
          },
        },
      }),
  },
  {
    id: 'login-at-dead-site',
    model: 'bc',
    config: 'small',
    title:
      'At login the desktop takes the preferred site without asking whether its SIP Server can be used there',
    breaks: loginWhereUsable,
    build: () =>
      createBc({
        handlers: {
          loginRequested: (draft, event, ctx) => {
            const site = ctx.preferred[event.agent]!;
            if (available(draft, ctx, event.agent, site, 'csp'))
              logIn(draft, ctx, event.agent, site);
            else handlers.loginRequested(draft, event, ctx);
          },
        },
      }),
  },
  {
    id: 'stat-never-connected',
    model: 'bc',
    config: 'small',
    title: 'The desktop logs in to CSP and SIP Server but never opens its Stat Server connection',
    breaks: loginWhereUsable,
    build: () =>
      createBc({
        handlers: {
          loginRequested: (draft, event, ctx) => {
            handlers.loginRequested(draft, event, ctx);
            draft.desktops[event.agent]!.stat = null;
          },
        },
      }),
  },
  {
    id: 'failover-revives-dead-pair',
    model: 'bc',
    config: 'small',
    title:
      "The backup's failure during a local failover leaves the failover timer running, and its completion revives the pair that has no member left",
    breaks: deadPairRevivesByRestart,
    build: () =>
      createBc({
        handlers: {
          processCrashed: (draft, event, ctx) => {
            const { site, service } = parsePair(event.node);
            const timer = draft.timers[`ha:${event.node}`];
            handlers.processCrashed(draft, event, ctx);
            if (timer !== undefined && draft.sites[site].pairs[service] === 'down')
              draft.timers[`ha:${event.node}`] = timer;
          },
        },
      }),
  },
];

export const bcVariants: readonly VariantSpec[] = [
  ...desktopVariants,
  ...callVariants,
  ...livenessVariants,
  ...boundsVariants.filter((v) => v.model === 'bc'),
];
