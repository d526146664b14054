import {
  type CallId,
  type CallPhase,
  isCallKey,
  otherServer,
  SERVERS,
  type ServerId,
  type SipHaState,
  type SipServer,
  type SyncKey,
} from '../../model/sip-ha/state.ts';

/** A failover or switchover seen in one step: a server that was backup is primary after it. */
export interface Promotion {
  readonly server: ServerId;
  readonly old: ServerId;
  /** The promoted server as it was just before. */
  readonly next: SipServer;
  /** The previous primary as it was just before (a down server's memory is its last one). */
  readonly previous: SipServer;
}

export function promotionIn(before: SipHaState, after: SipHaState): Promotion | undefined {
  for (const server of SERVERS) {
    if (before.servers[server].role === 'backup' && after.servers[server].role === 'primary') {
      const old = otherServer(server);
      return { server, old, next: before.servers[server], previous: before.servers[old] };
    }
  }
  return undefined;
}

/** A failover the documents cover: the old server was primary and the new one had finished resync. */
export function coveredPromotion(before: SipHaState, after: SipHaState): Promotion | undefined {
  const p = promotionIn(before, after);
  if (p === undefined || p.previous.role !== 'primary' || p.next.readiness === 'resyncing')
    return undefined;
  return p;
}

export function isLive(phase: CallPhase | undefined): boolean {
  return phase === 'established' || phase === 'recording';
}

export function callsOf(server: SipServer): CallId[] {
  return (Object.keys(server.table) as SyncKey[]).filter(isCallKey);
}

/** Established (or recorded) calls whose current phase the backup acknowledged. */
export function syncedLiveCalls(server: SipServer): CallId[] {
  return callsOf(server).filter(
    (c) => isLive(server.table[c] as CallPhase) && server.acked[c] === server.table[c],
  );
}

export function servingPrimaries(state: SipHaState): ServerId[] {
  return SERVERS.filter((s) => {
    const server = state.servers[s];
    return server.role === 'primary' && server.process === 'up' && state.hosts[s].up;
  });
}

/**
 * Servers doing the primary's work, judged by what they do rather than by the role flag: a live
 * SIP Server (process and host up) that answers SIP on the pair's Virtual IP, or that runs as
 * primary and so takes T-Library requests at its own address. The VIP flag is ground truth (the
 * address is configured on that host), so a server counts whether or not its role says primary.
 */
export function activeMembers(state: SipHaState): ServerId[] {
  return SERVERS.filter((s) => {
    const server = state.servers[s];
    const live = server.process === 'up' && state.hosts[s].up;
    return live && (server.role === 'primary' || server.vip);
  });
}

/** Calls the promoted server itself held live just before its promotion (its own replica). */
export function heldLiveCalls(server: SipServer): CallId[] {
  return callsOf(server).filter((c) => isLive(server.table[c] as CallPhase));
}

export function anyPartition(state: SipHaState): boolean {
  return state.hosts.sip1.partitioned || state.hosts.sip2.partitioned;
}

/** Two tables hold the same value for every key either of them has. */
export function sameEntries(a: SipServer['table'], b: SipServer['table']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as SyncKey[]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}
