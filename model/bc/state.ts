import type { PairStatus } from '../kernel/local-failover.ts';
import type { Timers } from '../kernel/timers.ts';
import type { Site } from './config.ts';

export type { Site };
export const SITES = ['A', 'B'] as const satisfies readonly Site[];
/** The HA-capable servers at each site a desktop uses: Configuration Server Proxy, SIP Server, Stat Server. */
export const SERVICES = ['csp', 'sip', 'stat'] as const;
export type Service = (typeof SERVICES)[number];
/** One local HA pair: a service at a site, e.g. 'A:sip' (the SIP Server peer at site A). */
export type PairId = `${Site}:${Service}`;

export type AgentId = `a${number}`;
export type CallId = `c${number}`;

/** What a SIP Server peer knows of an agent. Peers never share it (no sync between peers). */
export type LoginState = 'loggedOut' | 'loggedIn';

export interface SiteState {
  /** Ground truth: the site's servers and network are running. */
  readonly up: boolean;
  /** Each local HA pair as its clients see it (local-failover block). */
  readonly pairs: Readonly<Record<Service, PairStatus>>;
  /** The SIP Server peer's agent table, kept by its own HA pair and by nobody else. */
  readonly agents: Readonly<Record<AgentId, LoginState>>;
}

/**
 * 'loggedOut': no connections. 'loggedIn': connected and logged in at `site`.
 * 'waitingDr': lost CSP or SIP Server at `site` (or could not log in there) and waits the DR timeout.
 */
export type DesktopPhase = 'loggedOut' | 'loggedIn' | 'waitingDr';

export interface Desktop {
  readonly phase: DesktopPhase;
  /** The site the desktop works with (logged in, or waiting to leave); null when logged out. */
  readonly site: Site | null;
  /** Site of the Configuration Server Proxy login (ConfigLib), or null. */
  readonly csp: Site | null;
  /** Site of the SIP Server peer login (TLib), or null. */
  readonly sip: Site | null;
  /** Site of the Stat Server connection (StatLib, optional), or null. */
  readonly stat: Site | null;
}

/**
 * 'idle': no call (never placed, ended, lost, or not delivered). A lost call leaves no trace
 * beyond the step that lost it, and a connected call keeps only what the properties need after
 * its delivery step (who it was for is in that step's event); this keeps the state space small.
 * 'connected': the call is up on the peer at `site`.
 */
export type CallPhase = 'idle' | 'connected';

export interface Call {
  readonly phase: CallPhase;
  /** The peer holding the call, its whole signalling path (B-5); null when idle. */
  readonly site: Site | null;
  /** How many times the call was forwarded to the other peer (at most one, A-23). */
  readonly forwards: number;
}

export type TimerId = `ha:${PairId}` | `dr:${AgentId}`;

/** A new call the gateways offered: which call id, to which site, for which agent. */
export interface Offer {
  readonly call: CallId;
  readonly site: Site;
  readonly agent: AgentId;
}

/**
 * Ghost facts: history that only properties read, recorded after every step from ground truth
 * and from the environment's own events (ghost.ts). Protocol logic never reads them.
 */
export interface Ghost {
  /**
   * Per agent: since the desktop last had every DR-trigger service usable at its site, one of
   * them was unusable for a reason other than a local failover (site down, pair down, WAN cut).
   * False while logged out. It tells a DR switchover an outage caused from one a failover caused.
   */
  readonly outage: Readonly<Record<AgentId, boolean>>;
  /**
   * The new call the gateways offered, in the step that led here, to a site whose other site
   * was down (a surviving site), and that did not connect; null after any other step.
   */
  readonly survivorLoss: Offer | null;
}

export interface BcState {
  readonly sites: Readonly<Record<Site, SiteState>>;
  /** Ground truth: the WAN between the sites is cut; a desktop reaches only its home site. */
  readonly partitioned: boolean;
  /** What the media gateways believe: whether each site answers (new calls go only there). */
  readonly gateways: Readonly<Record<Site, boolean>>;
  readonly desktops: Readonly<Record<AgentId, Desktop>>;
  readonly calls: Readonly<Record<CallId, Call>>;
  readonly timers: Timers<TimerId>;
  /** Faults still allowed in this run. */
  readonly faultsLeft: number;
  /** History for the properties only (see Ghost). */
  readonly ghost: Ghost;
}

export function otherSite(site: Site): Site {
  return site === 'A' ? 'B' : 'A';
}

export function pairId(site: Site, service: Service): PairId {
  return `${site}:${service}`;
}

export function parsePair(pair: PairId): { site: Site; service: Service } {
  const [site, service] = pair.split(':') as [Site, Service];
  return { site, service };
}

export const IDLE_CALL: Call = { phase: 'idle', site: null, forwards: 0 };

export const LOGGED_OUT: Desktop = {
  phase: 'loggedOut',
  site: null,
  csp: null,
  sip: null,
  stat: null,
};
