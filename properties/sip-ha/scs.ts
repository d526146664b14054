/**
 * What Solution Control Server may know and do (BC-HA-1: "Genesys Management Layer initiates an
 * HA failover"), as the failover properties take it for granted: SCS learns a process's status
 * only from the LCA of its host, over a connection that exists, and acts on a split brain only
 * when there is one. Read from ground truth (processes, hosts, roles) against SCS's own fields.
 * Source: domain notes §1.2 (the detection chain; split brain as a documented state).
 */
import type { SipHaEvent } from '../../model/sip-ha/events.ts';
import { SERVERS, type SipHaState } from '../../model/sip-ha/state.ts';
import type { StepProperty } from '../engine/property.ts';

type Step = StepProperty<SipHaState, SipHaEvent>;

/**
 * Excludes: SCS's view of a process changed while the host is down or cut off from SCS, or set
 * to another status than the process has; SCS's LCA connection to a host restored while the host
 * is down or cut off; a connection SCS still takes for connected to a host it cannot reach,
 * with no ADDP timer running to find out.
 * Shown by: scs-hears-cut-off-host, lca-reconnects-through-partition.
 */
export const scsLearnsThroughLca: Step = {
  id: 'sip-ha.scs-learns-through-lca',
  kind: 'step',
  clauses: ['BC-HA-1'],
  statement:
    "SCS's view of a server's process changes only by its host's LCA, which SCS must reach, and then to the status the process really has; its LCA connection comes back only to a host it reaches, and one it cannot reach is timed by ADDP while SCS still takes it for connected.",
  check(before, event, after) {
    for (const s of SERVERS) {
      const reached = after.hosts[s].up && !after.hosts[s].partitioned;
      if (before.scs.lca[s] !== 'connected' && after.scs.lca[s] === 'connected' && !reached)
        return `SCS's LCA connection to ${s} came back in a ${event.type} step, although its host is ${after.hosts[s].up ? 'cut off' : 'down'}`;
      if (after.scs.lca[s] === 'connected' && !reached && after.timers[`detect:${s}`] === undefined)
        return `SCS takes its LCA connection to ${s} for connected after a ${event.type} step, although its host is ${after.hosts[s].up ? 'cut off' : 'down'} and no ADDP timer runs`;
      if (before.scs.view[s] === after.scs.view[s]) continue;
      const host = after.hosts[s];
      if (!host.up || host.partitioned)
        return `SCS's view of ${s} became ${after.scs.view[s]} in a ${event.type} step, although its host is ${host.up ? 'cut off' : 'down'}`;
      if (after.scs.view[s] !== after.servers[s].process)
        return `SCS's view of ${s} became ${after.scs.view[s]}, but the process is ${after.servers[s].process}`;
    }
    return undefined;
  },
};

/**
 * Judged where SCS decides (its reconcile flag rises), not at the resolution, which may come
 * after the split has already ended (a primary restarted as backup meanwhile) and then demotes
 * nobody who still acts as primary.
 * Excludes: SCS setting out to resolve a split brain while the servers do not both act as
 * primary, which demotes a server and drops the HA link for nothing.
 * Shown by: split-brain-without-split.
 */
export const splitBrainOnlyWhenSplit: Step = {
  id: 'sip-ha.split-brain-only-when-split',
  kind: 'step',
  clauses: ['BC-HA-1'],
  statement:
    'SCS decides to resolve a split brain only while both servers act as primary (running, on hosts that are up).',
  check(before, event, after) {
    if (before.scs.reconcile || !after.scs.reconcile) return undefined;
    const acting = (s: (typeof SERVERS)[number]) =>
      after.servers[s].role === 'primary' && after.servers[s].process === 'up' && after.hosts[s].up;
    if (acting('sip1') && acting('sip2')) return undefined;
    const { sip1, sip2 } = after.servers;
    return `SCS set out to resolve a split brain in a ${event.type} step while sip1 was ${sip1.role} (process ${sip1.process}) and sip2 ${sip2.role} (process ${sip2.process})`;
  },
};

/**
 * Excludes: a promotion of a server whose host's LCA SCS has lost, or whose process LCA last
 * reported as not running (SCS deciding from the connection alone).
 * Shown by: promote-reported-down.
 */
export const promotesSeenUp: Step = {
  id: 'sip-ha.promotes-seen-up',
  kind: 'step',
  clauses: ['BC-HA-1'],
  statement:
    "SCS promotes a server only while its host's LCA is connected and last reported the process running.",
  check(before, event) {
    if (event.type !== 'switchoverPerformed') return undefined;
    const lca = before.scs.lca[event.node];
    const view = before.scs.view[event.node];
    return lca === 'connected' && view === 'up'
      ? undefined
      : `SCS promoted ${event.node} while its LCA was ${lca} and its process reported ${view}`;
  },
};
