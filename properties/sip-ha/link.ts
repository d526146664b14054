/**
 * The HA link the pair synchronizes over (BC-HA-3: "employ synchronization (for example; call
 * state, agent state)"), as the failover properties take it for granted: a connection joins two
 * running servers, one primary and one backup, on hosts that are up and not cut off, and sync
 * messages travel only over it. Read from ground truth (processes, hosts, roles, the link).
 */
import type { SipHaEvent } from '../../model/sip-ha/events.ts';
import { SERVERS, type SipHaState } from '../../model/sip-ha/state.ts';
import type { StepProperty } from '../engine/property.ts';

/**
 * Excludes: a link left connected to a server that crashed or to a host that failed or was cut
 * off, a link between two primaries or two backups, a link up through a fault, and a sync or
 * resync delivered while the link is down.
 * Shown by: link-outlives-crash.
 */
export const syncLinkJoinsPair: StepProperty<SipHaState, SipHaEvent> = {
  id: 'sip-ha.sync-link-joins-pair',
  kind: 'step',
  clauses: ['BC-HA-3'],
  statement:
    'The HA link is connected only between a running primary and a running backup on hosts that are up and reachable, never through a link fault, and sync messages are delivered only while it is connected.',
  check(before, event, after) {
    if (
      (event.type === 'syncDelivered' || event.type === 'resyncDelivered') &&
      !before.link.connected
    )
      return `${event.type} while the HA link was down`;
    if (!after.link.connected) return undefined;
    if (after.link.fault) return 'the HA link is connected through a link fault';
    for (const s of SERVERS) {
      const host = after.hosts[s];
      if (after.servers[s].process !== 'up' || !host.up || host.partitioned)
        return `the HA link is connected to ${s}, whose process is ${after.servers[s].process} on a host that is ${host.up ? (host.partitioned ? 'cut off' : 'up') : 'down'}`;
    }
    if (after.servers.sip1.role === after.servers.sip2.role)
      return `the HA link joins two ${after.servers.sip1.role} servers`;
    return undefined;
  },
};

/**
 * Judged from the tables themselves, not from the bookkeeping: the failover properties take an
 * entry the primary counts as acknowledged (common.ts, syncedLiveCalls) as one the backup holds,
 * so this checks that the count is true and complete while the link is up.
 * Excludes: an acknowledgement of a value the backup does not hold; an entry the backup holds
 * with the primary's value, nothing for it in flight, that the primary does not count as
 * acknowledged (forgotten by a reconnection, a resync or a switchover; a lost sync message leaves
 * the backup without the value, and the entry unsynchronized); a reconnection that makes the
 * backup resynchronize although it already holds everything the primary holds.
 * Shown by: reconnect-acks-everything, ack-before-sync, agent-sync-ignored, resync-drops-recording
 * (acknowledgements of values the backup lacks), resync-forgets-acks, reconnect-always-resyncs.
 */
export const acksMatchBackup: StepProperty<SipHaState, SipHaEvent> = {
  id: 'sip-ha.acks-match-backup',
  kind: 'step',
  clauses: ['BC-HA-3'],
  statement:
    'While the HA link is up, the primary counts an entry as acknowledged only with the value the backup holds, and every entry with nothing in flight that the backup holds as it does; on reconnection the backup resynchronizes only if it lacks something the primary holds.',
  check(before, event, after) {
    if (!after.link.connected) return undefined;
    const { sip1, sip2 } = after.servers;
    if (sip1.role === sip2.role) return undefined; // sync-link-joins-pair's finding
    const [pName, p, b] = sip1.role === 'primary' ? ['sip1', sip1, sip2] : ['sip2', sip2, sip1];
    const keys = Object.keys(p.table) as (keyof typeof p.table)[];
    for (const k of keys) {
      const acked = p.acked[k];
      if (acked !== undefined && b.table[k] !== acked)
        return `after ${event.type}, ${pName} counts ${k} = ${acked} as acknowledged, but its backup holds ${b.table[k]}`;
    }
    for (const k of keys)
      if (
        after.link.inflight[k] === undefined &&
        b.table[k] === p.table[k] &&
        p.acked[k] !== p.table[k]
      )
        return `after ${event.type}, the backup holds ${k} = ${p.table[k]} as ${pName} does and nothing for it is in flight, but ${pName} counts it as ${p.acked[k] ?? 'not'} acknowledged`;
    if (
      !before.link.connected &&
      b.readiness === 'resyncing' &&
      keys.every((k) => b.table[k] === p.table[k])
    )
      return `${event.type} brought the HA link up and made the backup resynchronize, though it holds everything ${pName} holds`;
    return undefined;
  },
};
