/**
 * Witnesses: transitions some run must reach, or the properties they accompany are vacuous.
 * Clauses: BC-DESK-9 (DR switchovers), BC-CALL-1 (forward to the login peer), BC-SITE-5 (calls
 * lost at a failed site, calls kept at the other, new calls taken by the survivor), BC-HA-2 and
 * BC-SITE-1 (local failovers, and the one exemption of bc.ha-failover-transparent).
 */
import { serviceUp } from '../../model/bc/availability.ts';
import type { BcConfig } from '../../model/bc/config.ts';
import type { BcEvent } from '../../model/bc/events.ts';
import { type AgentId, type BcState, otherSite, parsePair } from '../../model/bc/state.ts';
import type { Witness } from '../engine/property.ts';
import { expectedSite } from './preferred.ts';
import { departures, onlyFailingOver, outageAt, reading } from './reading.ts';

type W = Witness<BcState, BcEvent>;

export const siteFailureSwitchover: W = {
  id: 'bc.witness.site-failure-switchover',
  kind: 'witness',
  clauses: ['BC-DESK-9', 'BC-SITE-4'],
  statement:
    'Some desktop switches over from a failed site and is logged in at the other site afterwards.',
  reached: (before, event, after) => {
    if (event.type !== 'drSwitchedOver') return false;
    const site = before.desktops[event.agent]!.site;
    return (
      site !== null && !before.sites[site].up && after.desktops[event.agent]!.phase === 'loggedIn'
    );
  },
};

export const initialLoginSwitchover: W = {
  id: 'bc.witness.initial-login-switchover',
  kind: 'witness',
  clauses: ['BC-DESK-9', 'BC-DESK-8'],
  statement:
    'Some desktop that could not log in at its preferred site switches over and logs in at the other site.',
  reached: (before, event, after) => {
    if (event.type !== 'drSwitchedOver') return false;
    const d = before.desktops[event.agent]!;
    return d.csp === null && d.sip === null && after.desktops[event.agent]!.phase === 'loggedIn';
  },
};

export const callForwardedToLoginPeer: W = {
  id: 'bc.witness.call-forwarded-to-login-peer',
  kind: 'witness',
  clauses: ['BC-CALL-1'],
  statement:
    'Some call reaches a peer where the agent is not logged in, is forwarded once, and is delivered by the login peer.',
  reached: (_before, event, after) => {
    if (event.type !== 'callArrived') return false;
    const call = after.calls[event.call]!;
    return call.phase === 'connected' && call.forwards === 1 && call.site !== event.site;
  },
};

/** The preferred peer comes from preferred.ts (the configuration's hierarchy), not the model's. */
export function firstPartyOtherPeer(config: BcConfig): W {
  return {
    id: 'bc.witness.first-party-while-peer-down',
    kind: 'witness',
    clauses: ['BC-CALL-2'],
    statement:
      "Some first-party (1PCC) call is placed while the agent's preferred SIP Server peer is down, and leaves through the other one.",
    reached: (before, event, after) => {
      if (event.type !== 'callDialed') return false;
      const preferred = expectedSite(config, event.agent).site;
      const call = after.calls[event.call]!;
      return (
        call.phase === 'connected' &&
        call.site === otherSite(preferred) &&
        !serviceUp(before, preferred, 'sip')
      );
    },
  };
}

export const callLostAtFailedSite: W = {
  id: 'bc.witness.call-lost-at-failed-site',
  kind: 'witness',
  clauses: ['BC-SITE-5'],
  statement:
    'Some new call reaches a failed site before the gateways notice, and is lost: "some new calls, will be lost" is reachable.',
  reached: (before, event, after) =>
    event.type === 'callArrived' &&
    !before.sites[event.site].up &&
    after.calls[event.call]!.phase === 'idle',
};

export const survivingCallKept: W = {
  id: 'bc.witness.surviving-call-kept',
  kind: 'witness',
  clauses: ['BC-ARCH-4', 'BC-SITE-5'],
  statement: 'Some site fails while a call is connected wholly on the other site.',
  reached: (before, event) =>
    event.type === 'siteFailed' &&
    Object.values(before.calls).some((c) => c.phase === 'connected' && c.site !== event.site),
};

export const haFailoverUnnoticed: W = {
  id: 'bc.witness.ha-failover-unnoticed',
  kind: 'witness',
  clauses: ['BC-HA-2', 'BC-SITE-1'],
  statement:
    'Some local HA failover completes while a desktop waits on the DR timeout at that site, and the desktop stays there.',
  reached: (before, event, after) => {
    if (event.type !== 'haFailoverCompleted') return false;
    const { site } = parsePair(event.pair);
    return (Object.keys(before.desktops) as AgentId[]).some((a) => {
      const was = before.desktops[a]!;
      const now = after.desktops[a]!;
      return (
        was.phase === 'waitingDr' &&
        was.site === site &&
        now.phase === 'loggedIn' &&
        now.site === site
      );
    });
  },
};

export const survivorTakesNewCall: W = {
  id: 'bc.witness.survivor-takes-new-call',
  kind: 'witness',
  clauses: ['BC-SITE-5', 'BC-ARCH-4'],
  statement:
    'Some new call is offered to a site while the other site is down and is delivered there: the survivor takes new calls.',
  reached: (before, event, after) =>
    event.type === 'callArrived' &&
    !before.sites[otherSite(event.site)].up &&
    after.calls[event.call]!.phase === 'connected',
};

/**
 * The exemption of bc.ha-failover-transparent is reachable: a switchover that an outage started
 * completes while the only service the desktop lacks at its site is failing over.
 */
export function outageSwitchoverDuringFailover(config: BcConfig): W {
  const r = reading(config);
  return {
    id: 'bc.witness.outage-switchover-during-failover',
    kind: 'witness',
    clauses: ['BC-HA-2', 'BC-DESK-9'],
    statement:
      'Some desktop whose DR wait an outage started switches over while the only service it lacks at its site is failing over locally.',
    reached: (before, _event, after) =>
      departures(before, after).some(
        ({ agent, from }) =>
          before.ghost.outage[agent] &&
          !outageAt(before, r, agent, from) &&
          r.triggers.some((s) => onlyFailingOver(before, r, agent, from, s)),
      ),
  };
}
