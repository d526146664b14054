/**
 * The clause catalog of the SIP Business Continuity document (seed 003), sentence by sentence,
 * for the `bc` model. The four local-HA sentences of "Business Continuity Relationship to High
 * Availability" keep their ids BC-HA-1..4 in clauses.ts; this file holds every other sentence.
 * Ids: BC-ARCH (introduction and "SIP Server Peers"), BC-DESK ("Desktop Connections"),
 * BC-CALL (call delivery), BC-SITE (the rest of the relationship to HA: peers, site failure).
 */
import type { Clause } from './clauses.ts';

const PEERS = 'SIP Server Peers';
const DESK = 'Desktop Connections';
const HA = 'Business Continuity Relationship to High Availability';

export const bcClauses: readonly Clause[] = [
  {
    id: 'BC-ARCH-1',
    document: 'BC',
    section: 'SIP Business Continuity Architecture',
    anchor: 'defines a formal architecture to support geographic redundancy',
    claim:
      'Business Continuity is the architecture for geographic redundancy (disaster recovery) with SIP Server 8.1 and later.',
    kind: 'configuration',
    assumptions: [],
    notModelled: 'A statement of scope and product version; there is nothing to check in it.',
  },
  {
    id: 'BC-ARCH-2',
    document: 'BC',
    section: 'SIP Business Continuity Architecture',
    anchor: 'supports pairs of active sites and provides site-wise redundancy',
    claim:
      'Two sites are both active; either can fail while the other carries on, and each site also has local HA.',
    kind: 'safety',
    assumptions: ['A-20', 'A-29', 'B-1'],
  },
  {
    id: 'BC-ARCH-3',
    document: 'BC',
    section: PEERS,
    anchor: 'a group of four SIP Servers configured as two HA pairs',
    claim:
      'The peer group is two SIP Server HA pairs, one per site; each pair is one peer with its own call and agent state.',
    kind: 'configuration',
    assumptions: ['B-1'],
  },
  {
    id: 'BC-ARCH-4',
    document: 'BC',
    section: PEERS,
    anchor: 'provide Active-Active redundancy between two sites, with full HA',
    claim:
      'Both sites carry traffic at once (active-active), so calls held at one site are unaffected by the failure of the other.',
    kind: 'safety',
    assumptions: ['A-20', 'A-29'],
  },
  {
    id: 'BC-ARCH-5',
    document: 'BC',
    section: PEERS,
    anchor: 'can scale by adding additional groups of four SIP Servers',
    claim: 'Capacity grows by adding more groups of four SIP Servers.',
    kind: 'configuration',
    assumptions: [],
    notModelled:
      'The model has one peer group; further groups are independent copies with nothing shared to check.',
  },
  {
    id: 'BC-ARCH-6',
    document: 'BC',
    section: PEERS,
    anchor: 'maintain simultaneous registrations with both SIP Server peers',
    claim:
      "An agent's phone stays registered at both peers, so a peer where the agent is not logged in can still reach the phone and must not deliver calls to it itself.",
    kind: 'safety',
    assumptions: ['A-23', 'B-2'],
  },
  {
    id: 'BC-ARCH-7',
    document: 'BC',
    section: PEERS,
    anchor: 'refer to the Framework 8.1 SIP Server High-Availability Deployment Guide',
    claim: 'Further details are in another guide.',
    kind: 'configuration',
    assumptions: [],
    notModelled: 'A cross-reference, not a claim.',
  },
  {
    id: 'BC-DESK-1',
    document: 'BC',
    section: PEERS,
    anchor: 'maintain a login to only one peer at any given time',
    claim: 'A desktop is logged in at one SIP Server peer at most, at every instant.',
    kind: 'safety',
    assumptions: ['A-22', 'B-3'],
  },
  {
    id: 'BC-DESK-2',
    document: 'BC',
    section: DESK,
    anchor: 'The desktop must connect and log in to Configuration Server Proxy',
    claim:
      'A desktop that works with a SIP Server peer is logged in to Configuration Server Proxy at the same site.',
    kind: 'safety',
    assumptions: ['A-15'],
  },
  {
    id: 'BC-DESK-3',
    document: 'BC',
    section: DESK,
    anchor: 'must connect and log in to one of the SIP Server peers',
    claim: 'A logged-in desktop holds a login at exactly one SIP Server peer.',
    kind: 'safety',
    assumptions: ['A-22'],
  },
  {
    id: 'BC-DESK-4',
    document: 'BC',
    section: DESK,
    anchor: 'can optionally connect to Stat Server to obtain real-time report data',
    claim:
      'Stat Server is optional for the desktop, so losing it alone does not trigger a DR switchover (unless the WDE option says so).',
    kind: 'safety',
    assumptions: ['A-13'],
  },
  {
    id: 'BC-DESK-5',
    document: 'BC',
    section: DESK,
    anchor: 'utilize the Genesys ConfigLib, Tlib, and StatLib protocols, respectively',
    claim: 'The three connections use ConfigLib, TLib and StatLib.',
    kind: 'configuration',
    assumptions: [],
    notModelled: 'Protocols are below the model: a connection is a login at a site, not messages.',
  },
  {
    id: 'BC-DESK-6',
    document: 'BC',
    section: DESK,
    anchor: 'Each agent has a preferred site defined in the configuration.',
    claim: 'Every agent has a preferred site, known from configuration.',
    kind: 'configuration',
    assumptions: ['A-17'],
  },
  {
    id: 'BC-DESK-7',
    document: 'BC',
    section: DESK,
    anchor: 'configurable hierarchically at the Tenant, Agent Group, and Person levels',
    claim:
      'The preferred site resolves from Person, else Agent Group (lowest-numbered group that sets one), else the mandatory Tenant value.',
    kind: 'configuration',
    assumptions: ['A-17'],
  },
  {
    id: 'BC-DESK-8',
    document: 'BC',
    section: DESK,
    anchor: "logins to the server application instances at the agent's preferred site",
    claim:
      'At login the desktop connects all its servers at the preferred site when it can log in there.',
    kind: 'safety',
    assumptions: ['A-14', 'A-15', 'A-17'],
  },
  {
    id: 'BC-DESK-9',
    document: 'BC',
    section: DESK,
    anchor: 'it switches over its connection to the other site',
    claim:
      'A desktop that cannot log in to CSP or SIP Server at the preferred site, or later loses either, moves all its connections to the other site after the DR timeout.',
    kind: 'liveness',
    assumptions: ['A-13', 'A-15', 'A-16', 'A-18', 'B-4'],
  },
  {
    id: 'BC-DESK-10',
    document: 'BC',
    section: DESK,
    anchor: 'These switchovers are referred to as Disaster Recovery (DR) switchovers.',
    claim: 'Names the switchover of BC-DESK-9.',
    kind: 'configuration',
    assumptions: [],
    notModelled: 'Terminology only; the switchover itself is BC-DESK-9.',
  },
  {
    id: 'BC-CALL-1',
    document: 'BC',
    section: PEERS,
    anchor: 'via the peer at which the agent is currently logged in',
    claim:
      'Calls to an agent (3PCC and direct-dialed) are delivered only through the peer where the agent is logged in; another peer forwards them there once.',
    kind: 'safety',
    assumptions: ['A-23', 'B-5', 'B-6'],
  },
  {
    id: 'BC-CALL-2',
    document: 'BC',
    section: PEERS,
    anchor: 'generally preferred based on phone configuration or DNS SRV priority',
    claim:
      'The strong reading of "generally preferred" (A-24): a first-party (1PCC) call leaves through the preferred peer while it is reachable, and through the other one only otherwise.',
    kind: 'safety',
    assumptions: ['A-24'],
  },
  {
    id: 'BC-SITE-1',
    document: 'BC',
    section: HA,
    anchor: 'are deployed with local HA at each site',
    claim:
      'CSP, SIP Server and Stat Server are HA pairs at each site; a failover inside a pair is a local matter, not a site failure.',
    kind: 'safety',
    assumptions: ['A-16', 'B-1'],
  },
  {
    id: 'BC-SITE-2',
    document: 'BC',
    section: HA,
    anchor: 'does not support synchronization between SIP Server peers',
    claim:
      'Peers share no call or agent state: an agent login or a call exists at one peer only by its own traffic there.',
    kind: 'safety',
    assumptions: ['A-21', 'A-22'],
  },
  {
    id: 'BC-SITE-6',
    document: 'BC',
    section: HA,
    anchor: 'does not involve the use of Genesys High Availability mechanisms',
    claim:
      'Moving agents to the other site is not an HA failover: neither a local HA pair nor the Management Layer takes part in it.',
    kind: 'configuration',
    assumptions: ['B-1'],
    notModelled:
      'A statement of architecture, true by construction of the bc model: local failover (the kernel local-failover block) never moves a desktop; only the desktop’s own DR switchover does (BC-SITE-3).',
  },
  {
    id: 'BC-SITE-3',
    document: 'BC',
    section: HA,
    anchor: 'desktop applications must implement the Business Continuity logic',
    claim:
      'The desktop itself (not the SDK) detects the loss, waits the DR timeout and moves to the other site.',
    kind: 'liveness',
    assumptions: ['A-16', 'A-18'],
  },
  {
    id: 'BC-SITE-4',
    document: 'BC',
    section: HA,
    anchor: 'the time typically taken for all components',
    claim:
      'After a site failure, desktops are working at the other site within detection plus the DR timeout (typically 60 s; a configurable bound here, not a hard one).',
    kind: 'liveness',
    assumptions: ['A-18'],
  },
  {
    id: 'BC-SITE-5',
    document: 'BC',
    section: HA,
    anchor: 'stable and in-setup calls, and some new calls, will be lost',
    claim:
      'A site failure loses the calls held at that site and new calls sent there before the gateways notice; calls wholly at the other site are not lost, and only "some" new calls are: the surviving site delivers a new call to an agent logged in at a peer that answers.',
    kind: 'safety',
    assumptions: ['A-19', 'A-20', 'A-23'],
  },
];
