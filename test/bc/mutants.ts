/**
 * Broken variants of the SIP Business Continuity model. Each replaces exactly one handler or
 * guard of the real model with a plausible mistake (or, for the DR timeout, runs the real model
 * under a config that breaks the documented precondition), and names the property that must
 * catch it.
 */
import { available, canLogIn, lostTriggers, serviceUp } from '../../model/bc/availability.ts';
import { createBc } from '../../model/bc/index.ts';
import { guards, handlers } from '../../model/bc/reducer.ts';
import { IDLE_CALL, otherSite } from '../../model/bc/state.ts';
import type { Variant } from '../variant.ts';

export const bcVariants: readonly Variant[] = [
  {
    id: 'login-before-logout',
    model: 'bc',
    config: 'small',
    title:
      'The desktop logs in at the new site and leaves its old SIP Server login for later: both peers have the agent',
    expect: 'bc.one-peer-login',
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
    expect: 'bc.stat-loss-no-switchover',
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
    expect: 'bc.ha-failover-transparent',
    build: () => createBc(),
  },
  {
    id: 'deliver-locally',
    model: 'bc',
    config: 'small',
    title:
      'A peer where the agent is not logged in delivers the call itself instead of forwarding it to the login peer',
    expect: 'bc.delivery-through-login-peer',
    build: () =>
      createBc({
        handlers: {
          callArrived: (draft, event, ctx) => {
            handlers.callArrived(draft, event, ctx);
            // The phone is registered here too, so the peer rings it itself.
            if (serviceUp(draft, event.site, 'sip'))
              draft.calls[event.call] = { phase: 'connected', site: event.site, forwards: 0 };
          },
        },
      }),
  },
  {
    id: 'move-only-sip',
    model: 'bc',
    config: 'small',
    title:
      'On a DR switchover the desktop moves its SIP Server login only; CSP and Stat Server stay at the old site',
    expect: 'bc.connections-one-site',
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
    id: 'sip-without-csp',
    model: 'bc',
    config: 'small',
    title: 'At login the desktop skips Configuration Server Proxy and logs in to SIP Server alone',
    expect: 'bc.sip-with-csp',
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
    expect: 'bc.login-at-preferred-site',
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
    id: 'outbound-wrong-peer',
    model: 'bc',
    config: 'small',
    title:
      'A first-party call leaves through the second peer in DNS SRV order while the first is reachable',
    expect: 'bc.first-party-preferred-peer',
    build: () =>
      createBc({
        handlers: {
          callDialed: (draft, event, ctx) => {
            const swapped = {
              ...ctx.preferred,
              [event.agent]: otherSite(ctx.preferred[event.agent]!),
            };
            handlers.callDialed(draft, event, { ...ctx, preferred: swapped });
          },
        },
      }),
  },
  {
    id: 'site-failure-drops-all-calls',
    model: 'bc',
    config: 'small',
    title: 'A site failure also tears down the calls that run wholly at the surviving site',
    expect: 'bc.surviving-site-calls-survive',
    build: () =>
      createBc({
        handlers: {
          siteFailed: (draft, event, ctx) => {
            handlers.siteFailed(draft, event, ctx);
            for (const id of Object.keys(draft.calls))
              draft.calls[id as keyof typeof draft.calls] = { ...IDLE_CALL };
          },
        },
      }),
  },
  {
    id: 'peers-share-logins',
    model: 'bc',
    config: 'small',
    title:
      "A recovering peer copies the other peer's agent logins, as if the peers were synchronized",
    expect: 'bc.no-state-across-peers',
    build: () =>
      createBc({
        handlers: {
          siteRecovered: (draft, event, ctx) => {
            handlers.siteRecovered(draft, event, ctx);
            const here = draft.sites[event.site].agents;
            const there = draft.sites[otherSite(event.site)].agents;
            for (const agent of Object.keys(there) as (keyof typeof there)[]) {
              if (there[agent] === 'loggedIn') here[agent] = 'loggedIn';
            }
          },
        },
      }),
  },
  {
    id: 'a1-never-switches',
    model: 'bc',
    config: 'small',
    title: 'The desktop of agent a1 starts its DR timeout but never switches over when it runs out',
    expect: 'bc.dr-switchover-within-bound.a1',
    build: () =>
      createBc({
        guards: {
          drSwitchedOver: (s, e, ctx) => e.agent !== 'a1' && guards.drSwitchedOver(s, e, ctx),
        },
      }),
  },
  {
    id: 'a2-never-switches',
    model: 'bc',
    config: 'small',
    title: 'The desktop of agent a2 starts its DR timeout but never switches over when it runs out',
    expect: 'bc.dr-switchover-within-bound.a2',
    build: () =>
      createBc({
        guards: {
          drSwitchedOver: (s, e, ctx) => e.agent !== 'a2' && guards.drSwitchedOver(s, e, ctx),
        },
      }),
  },
];
