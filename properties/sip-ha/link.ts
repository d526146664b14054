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
