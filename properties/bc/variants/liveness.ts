/**
 * Broken variants of the DR switchover's liveness (bc.dr-switchover-within-bound.<agent>):
 * each misses the goal on some fair path of the fault-free continuation. Two show what the
 * every-path check adds: one misses it only on an order of the protocol's steps other than the
 * vocabulary order ('other-order'), one loops forever without it ('lasso').
 */
import { canLogIn } from '../../../model/bc/availability.ts';
import { logIn } from '../../../model/bc/desktop.ts';
import { createBc } from '../../../model/bc/index.ts';
import { guards, handlers } from '../../../model/bc/reducer.ts';
import { LOGGED_OUT, otherSite } from '../../../model/bc/state.ts';
import type { VariantSpec } from '../../variant.ts';
import { drSwitchoverWithinBound } from '../liveness.ts';

export const livenessVariants: readonly VariantSpec[] = [
  {
    id: 'a1-never-switches',
    model: 'bc',
    config: 'small',
    title: 'The desktop of agent a1 starts its DR timeout but never switches over when it runs out',
    breaks: drSwitchoverWithinBound,
    instance: 'a1',
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
    breaks: drSwitchoverWithinBound,
    instance: 'a2',
    build: () =>
      createBc({
        guards: {
          drSwitchedOver: (s, e, ctx) => e.agent !== 'a2' && guards.drSwitchedOver(s, e, ctx),
        },
      }),
  },
  {
    id: 'switchover-logs-out',
    model: 'bc',
    config: 'small',
    title:
      "The DR switchover logs the desktop out of the old site but logs in at the other site only when that site is on the desktop's own network: a remote site is never reached",
    breaks: drSwitchoverWithinBound,
    instance: 'a1',
    build: () =>
      createBc({
        handlers: {
          drSwitchedOver: (draft, event, ctx) => {
            const next = otherSite(draft.desktops[event.agent]!.site!);
            if (next === ctx.home[event.agent]) return handlers.drSwitchedOver(draft, event, ctx);
            const old = draft.desktops[event.agent]!.site!;
            draft.sites[old].agents[event.agent] = 'loggedOut';
            draft.desktops[event.agent] = { ...LOGGED_OUT };
            delete draft.timers[`dr:${event.agent}`];
          },
        },
      }),
  },
  {
    id: 'dr-returns-home',
    model: 'bc',
    config: 'small',
    title:
      "The DR switchover targets the site on the desktop's own network instead of the other site: a desktop whose own site failed waits there again, DR timeout after DR timeout",
    breaks: drSwitchoverWithinBound,
    instance: 'a1',
    liveness: 'lasso',
    build: () =>
      createBc({
        handlers: {
          drSwitchedOver: (draft, event, ctx) => {
            const agent = event.agent;
            const old = draft.desktops[agent]!.site!;
            const target = ctx.home[agent]!;
            draft.sites[old].agents[agent] = 'loggedOut';
            if (canLogIn(draft, ctx, agent, target)) return logIn(draft, ctx, agent, target);
            draft.desktops[agent] = { ...LOGGED_OUT, phase: 'waitingDr', site: target };
            draft.timers[`dr:${agent}`] = ctx.drWaitMs;
          },
        },
      }),
  },
  {
    id: 'phone-loss-logs-out',
    model: 'bc',
    config: 'small',
    title:
      "When the gateways notice a site failure before a desktop on that site's network has noticed it, the desktop takes its phone going out of service there for a logout and never switches over",
    breaks: drSwitchoverWithinBound,
    instance: 'a1',
    liveness: 'other-order',
    build: () =>
      createBc({
        handlers: {
          gatewaysNoticed: (draft, event, ctx) => {
            handlers.gatewaysNoticed(draft, event, ctx);
            if (draft.sites[event.site].up) return;
            for (const agent of ctx.agents) {
              const d = draft.desktops[agent]!;
              if (d.phase !== 'loggedIn' || d.site !== event.site) continue;
              if (ctx.home[agent] !== event.site) continue;
              draft.sites[event.site].agents[agent] = 'loggedOut';
              draft.desktops[agent] = { ...LOGGED_OUT };
            }
          },
        },
      }),
  },
];
