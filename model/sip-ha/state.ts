import type { ConnectionBelief } from '../kernel/detection.ts';
import type { ProcessStatus } from '../kernel/faults.ts';
import type { HaLink, Replica } from '../kernel/hot-standby.ts';
import type { Timers } from '../kernel/timers.ts';

export const SERVERS = ['sip1', 'sip2'] as const;
/** A SIP Server instance; each runs on its own host, named after it. */
export type ServerId = (typeof SERVERS)[number];

export type CallId = `c${number}`;
export type AgentId = `a${number}`;
/** A key of the synchronized table: a call or an agent. */
export type SyncKey = CallId | AgentId;

/** 'idle': no such call (never arrived, or released). 'recording': established and recorded. */
export type CallPhase = 'idle' | 'setup' | 'established' | 'recording';
export type AgentState = 'loggedOut' | 'ready' | 'notReady';
export type SyncValue = CallPhase | AgentState;

export interface SipServer extends Replica<SyncKey, SyncValue> {
  /** Ground truth of the SIP Server process. */
  readonly process: ProcessStatus;
  /** Whether the Virtual IP is enabled on this server's host. */
  readonly vip: boolean;
}

export interface Host {
  /** Ground truth: the machine (and its LCA) is running. */
  readonly up: boolean;
  /** Ground truth: the host is cut from SCS and the HA link; SIP traffic still reaches it. */
  readonly partitioned: boolean;
}

/** Solution Control Server: what it believes, changed only by LCA reports and detection. */
export interface Scs {
  /** Its belief about the connection to each host's LCA. */
  readonly lca: Readonly<Record<ServerId, ConnectionBelief>>;
  /** Each server's process status as last reported by its LCA. */
  readonly view: Readonly<Record<ServerId, ProcessStatus>>;
  /** The server SCS last made primary. */
  readonly primary: ServerId;
  /** Set when SCS reconnects to a host and sees two primaries; cleared when it resolves them. */
  readonly reconcile: boolean;
}

export type TimerId = `detect:${ServerId}` | `recheck:${ServerId}`;

export interface SipHaState {
  readonly servers: Readonly<Record<ServerId, SipServer>>;
  readonly hosts: Readonly<Record<ServerId, Host>>;
  readonly link: HaLink<SyncKey, SyncValue> & {
    /** Ground truth: a network fault on the HA link itself. */
    readonly fault: boolean;
  };
  readonly scs: Scs;
  readonly timers: Timers<TimerId>;
  /** Faults still allowed in this run. */
  readonly faultsLeft: number;
}

export function otherServer(server: ServerId): ServerId {
  return server === 'sip1' ? 'sip2' : 'sip1';
}

export function isCallKey(key: SyncKey): key is CallId {
  return key.startsWith('c');
}

/** A server that is really serving as primary: process and host up, primary role. */
export function isServingPrimary(state: SipHaState, server: ServerId): boolean {
  const s = state.servers[server];
  return s.role === 'primary' && s.process === 'up' && state.hosts[server].up;
}

/** Ground truth: the LCA connection between SCS and this host exists. */
export function isReachable(state: SipHaState, server: ServerId): boolean {
  const host = state.hosts[server];
  return host.up && !host.partitioned;
}

/** SCS believes the server can serve: LCA connected and the process reported up. */
export function scsSeesAvailable(state: SipHaState, server: ServerId): boolean {
  return state.scs.lca[server] === 'connected' && state.scs.view[server] === 'up';
}

/** SCS believes the server failed: its host is lost or its process is not up. */
export function scsSeesFailed(state: SipHaState, server: ServerId): boolean {
  return state.scs.lca[server] === 'lost' || state.scs.view[server] !== 'up';
}
