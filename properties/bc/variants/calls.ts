/**
 * Broken variants of the peers and gateways of the SIP Business Continuity model: call
 * delivery, first-party calls, and which calls a site failure may end or lose.
 */
import { serviceUp } from '../../../model/bc/availability.ts';
import { createBc } from '../../../model/bc/index.ts';
import { handlers } from '../../../model/bc/reducer.ts';
import { type CallId, IDLE_CALL, otherSite } from '../../../model/bc/state.ts';
import type { VariantSpec } from '../../variant.ts';
import {
  deliveryThroughLoginPeer,
  firstPartyPreferredPeer,
  noStateAcrossPeers,
  survivingSiteCallsSurvive,
  survivorTakesNewCalls,
} from '../safety-calls.ts';

export const callVariants: readonly VariantSpec[] = [
  {
    id: 'deliver-locally',
    model: 'bc',
    config: 'small',
    title:
      'A peer where the agent is not logged in delivers the call itself instead of forwarding it to the login peer',
    breaks: deliveryThroughLoginPeer,
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
    id: 'outbound-wrong-peer',
    model: 'bc',
    config: 'small',
    title:
      'A first-party call leaves through the second peer in DNS SRV order while the first is reachable',
    breaks: firstPartyPreferredPeer,
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
    breaks: survivingSiteCallsSurvive,
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
    breaks: noStateAcrossPeers,
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
    id: 'noticing-ends-survivor-calls',
    model: 'bc',
    config: 'small',
    title:
      'When the gateways notice a site failure they reset their trunks and also end the calls running wholly at the surviving site',
    breaks: survivingSiteCallsSurvive,
    build: () =>
      createBc({
        handlers: {
          gatewaysNoticed: (draft, event, ctx) => {
            handlers.gatewaysNoticed(draft, event, ctx);
            if (draft.sites[event.site].up) return;
            for (const id of Object.keys(draft.calls) as CallId[])
              if (draft.calls[id]!.site === otherSite(event.site))
                draft.calls[id] = { ...IDLE_CALL };
          },
        },
      }),
  },
  {
    id: 'failover-drops-calls',
    model: 'bc',
    config: 'small',
    title:
      "A SIP Server primary's crash ends the calls its pair holds, although the backup takes them over (hot standby) and the pair still has a member",
    breaks: survivingSiteCallsSurvive,
    build: () =>
      createBc({
        handlers: {
          processCrashed: (draft, event, ctx) => {
            handlers.processCrashed(draft, event, ctx);
            const site = event.node.slice(0, 1) as 'A' | 'B';
            if (event.node.endsWith(':sip') && draft.sites[site].pairs.sip === 'failingOver')
              for (const id of Object.keys(draft.calls) as CallId[])
                if (draft.calls[id]!.site === site) draft.calls[id] = { ...IDLE_CALL };
          },
        },
      }),
  },
  {
    id: 'survivor-drops-new-calls',
    model: 'bc',
    config: 'small',
    title:
      'While the other site is down, the surviving peer rejects every new call instead of delivering it to the agents logged in there',
    breaks: survivorTakesNewCalls,
    build: () =>
      createBc({
        handlers: {
          callArrived: (draft, event, ctx) => {
            if (draft.sites[otherSite(event.site)].up)
              return handlers.callArrived(draft, event, ctx);
            draft.calls[event.call] = { ...IDLE_CALL };
          },
        },
      }),
  },
  {
    id: 'down-peer-forwards',
    model: 'bc',
    config: 'small',
    title:
      'A call offered to a site whose SIP Server is down is forwarded to the other peer, as if the dead peer could answer',
    breaks: deliveryThroughLoginPeer,
    build: () =>
      createBc({
        handlers: {
          callArrived: (draft, event, ctx) => {
            if (serviceUp(draft, event.site, 'sip')) return handlers.callArrived(draft, event, ctx);
            const other = otherSite(event.site);
            if (
              serviceUp(draft, other, 'sip') &&
              draft.sites[other].agents[event.agent] === 'loggedIn'
            )
              draft.calls[event.call] = { phase: 'connected', site: other, forwards: 1 };
          },
        },
      }),
  },
];
