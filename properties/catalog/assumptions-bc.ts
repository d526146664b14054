/**
 * The assumptions register of the SIP Business Continuity model (`bc`). A-13..A-24 and A-29
 * follow the project's domain notes (section 7); B-n are this model's own simplifications.
 */
import type { Assumption } from './assumptions.ts';

export const bcAssumptions: readonly Assumption[] = [
  {
    id: 'A-13',
    topic: 'Stat Server as a DR trigger',
    problem:
      'The BC document names only CSP and SIP Server as triggers; the WDE timeout option also counts Statistic Server.',
    choice:
      'Stat Server loss never starts the DR timeout; the option statTriggersDr switches on the WDE reading.',
    options: ['statTriggersDr (config stat-trigger)'],
  },
  {
    id: 'A-14',
    topic: 'Failback to the preferred site',
    problem: 'The document is silent and no source was found.',
    choice: 'No automatic return while logged in; the next login goes to the preferred site again.',
    options: [],
  },
  {
    id: 'A-15',
    topic: 'Atomic site switch',
    problem:
      '"switches over its connection" is singular; other Genesys pages say the desktop re-logs SIP Server and reconnects CSP and Stat Server.',
    choice: 'All desktop connections belong to one site at every instant.',
    options: [],
  },
  {
    id: 'A-16',
    topic: 'Local HA failover against DR switchover',
    problem: 'Local HA failovers are "transparent to desktop applications".',
    choice:
      'A DR switchover starts only after CSP or SIP Server stayed unusable for the whole DR wait; this needs the DR wait to exceed the local failover time, and the config short-dr shows what happens when it does not.',
    options: ['haFailoverMs', 'drTimeoutMs', 'detectMs (config short-dr)'],
  },
  {
    id: 'A-17',
    topic: 'Preferred-site hierarchy',
    problem:
      '"configurable hierarchically at the Tenant, Agent Group, and Person levels" leaves precedence and multi-group conflicts open.',
    choice:
      'Person wins, else the lowest-numbered Agent Group that sets a site, else the Tenant, whose value is mandatory.',
    options: ['tenantSite', 'groupSites', 'agentGroups', 'personSites'],
  },
  {
    id: 'A-18',
    topic: '"typically ... 60 seconds"',
    problem:
      'Not a hard bound; WDE waits its timeout (default 60 s) after detecting the disconnection.',
    choice:
      'The bound of the liveness property is detectMs + drTimeoutMs, both configurable; 60 s is recorded as typical.',
    options: ['detectMs', 'drTimeoutMs'],
  },
  {
    id: 'A-19',
    topic: '"some new calls, will be lost"',
    problem: 'Which new calls is not said.',
    choice:
      'New calls that reach a failed site before the gateways notice are lost; once they notice, new calls go only to the surviving site.',
    options: [],
  },
  {
    id: 'A-20',
    topic: 'Which calls a site failure loses',
    problem:
      'Other Genesys pages: calls with the failed SIP Server in their signalling path end; the BC document implies calls elsewhere continue.',
    choice:
      'Calls held at the failed site are lost; calls wholly at the other site survive (a safety property).',
    options: [],
  },
  {
    id: 'A-21',
    topic: 'Peers do not sync agent state',
    problem: 'After a DR switchover, what the new peer knows of the agent is not said.',
    choice:
      'The new peer knows only the new login; nothing is copied from the old peer (B-8: login state only).',
    options: [],
  },
  {
    id: 'A-22',
    topic: 'One peer login at a time',
    problem:
      'A peer cut off from its partner cannot learn of a login at the other site, so the desktop must keep the rule.',
    choice: 'An agent is never logged in at both peers: an invariant kept by the desktop (B-3).',
    options: [],
  },
  {
    id: 'A-23',
    topic: 'Phone registration against login',
    problem: 'Phones are registered at both peers; delivery must still use the login peer.',
    choice:
      'A peer where the agent is not logged in forwards the call once (302) to the other peer, which delivers it only if the agent is logged in there; no second forward.',
    options: [],
  },
  {
    id: 'A-24',
    topic: '1PCC preference',
    problem: '"generally preferred ... DNS SRV priority" does not say which peer.',
    choice:
      "The agent's preferred site is first in SRV order; the other peer is used only when the preferred one's SIP Server is down.",
    options: [],
  },
  {
    id: 'A-29',
    topic: 'Active-active sites against one-peer desktops',
    problem: '"Active-Active redundancy" seems to clash with "a login to only one peer".',
    choice: 'Sites are active-active for traffic; per agent the two peers are active-standby.',
    options: [],
  },
  {
    id: 'B-1',
    topic: 'Local HA pairs as a local-failover abstraction',
    problem:
      'Composing the full sip-ha model at each site, with CSP and Stat Server pairs, desktops and calls, makes the small config too big to explore.',
    choice:
      "Each pair is the kernel's local-failover block: serving, solo, failing over (completing after haFailoverMs), or down. A SIP Server pair keeps its calls and logins through a local failover (the sip-ha model checks that promise) and loses them when no member is left; a recovered site starts empty.",
    options: ['haFailoverMs'],
  },
  {
    id: 'B-2',
    topic: 'Where desktops, phones and gateways sit',
    problem: 'The document does not place clients on the network.',
    choice:
      'Each desktop sits at one site (desktopSites); a WAN partition cuts it from the other site. Gateways and phones reach both sites; a phone is registered at a peer whenever that peer is up.',
    options: ['desktopSites'],
  },
  {
    id: 'B-3',
    topic: 'Leaving the old peer',
    problem: 'Whether the old login ends before the new one starts is not said.',
    choice:
      "The desktop logs out of the old peer before it logs in at the new one; when the old peer is unreachable, that peer's notice of the vanished TLib client ends the login no later than the switchover.",
    options: [],
  },
  {
    id: 'B-4',
    topic: 'Waiting, retrying and cancelling',
    problem:
      'What a desktop does when the other site is unusable too, or when its own site comes back during the wait, is not said.',
    choice:
      'When CSP and SIP Server are usable again at its site before the timeout, the SDK reconnects and the wait is cancelled (a failed first login then succeeds there). A switchover that finds the other site unusable waits the DR timeout there and tries back.',
    options: [],
  },
  {
    id: 'B-5',
    topic: 'A call and its signalling path',
    problem: "Which servers are in a call's signalling path is not said.",
    choice:
      'A call is held by one peer, which is its whole path (the 302 takes the first peer out of it). It is lost when that site fails or its SIP Server pair has no member left, and survives a local failover.',
    options: [],
  },
  {
    id: 'B-6',
    topic: 'The redirect',
    problem: 'The 302 and the re-INVITE are separate messages.',
    choice:
      'They happen within the arrival step. A call for an agent logged in at neither peer is not delivered (no queueing is modelled).',
    options: [],
  },
  {
    id: 'B-7',
    topic: 'Detection by desktops and gateways',
    problem: 'Detection delays are not stated.',
    choice:
      'A desktop notices a loss in one step and then waits detectMs + drTimeoutMs (one timer). Gateways notice a site failing or recovering in one step with no stated delay; until then new calls may reach the failed site.',
    options: ['detectMs'],
  },
  {
    id: 'B-8',
    topic: 'Agent state on a peer',
    problem: 'Ready and NotReady states add nothing to the BC promises.',
    choice: 'A peer knows only whether an agent is logged in there.',
    options: [],
  },
];
