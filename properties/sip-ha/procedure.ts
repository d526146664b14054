/**
 * The call model and the manual switchover, as the pair's other properties take them for granted.
 * Clauses: GIR-SIP-1 (an "established" call is one that went through setup and was answered on
 * the primary), BC-HA-3 (agent states). Source: domain notes §1.2, the documented switchover
 * procedure (only on a synchronized pair).
 *
 * The failover properties judge what a promotion keeps; these judge what the rest of the time
 * does, so that a call cannot reach "established" by a path the telephony model excludes, nor a
 * switchover run on a pair that had not synchronized.
 */
import type { SipHaEvent } from '../../model/sip-ha/events.ts';
import { otherServer, type SipHaState } from '../../model/sip-ha/state.ts';
import type { StepProperty } from '../engine/property.ts';
import { sameEntries } from './common.ts';

type Step = StepProperty<SipHaState, SipHaEvent>;

/** The phase a call must be in for each call event, and the phase it leaves the call in. */
const CALL_STEPS = {
  callArrived: { from: ['idle'], to: 'setup' },
  callAnswered: { from: ['setup'], to: 'established' },
  recordingStarted: { from: ['established'], to: 'recording' },
  callReleased: { from: ['setup', 'established', 'recording'], to: 'idle' },
} as const;

/** A live server that answers SIP on the Virtual IP as primary. */
function answersAsPrimary(state: SipHaState, server: 'sip1' | 'sip2'): boolean {
  const s = state.servers[server];
  return s.role === 'primary' && s.vip && s.process === 'up' && state.hosts[server].up;
}

/**
 * Excludes: a call event taken on a server that is not the live primary on the VIP, or in a phase
 * its event does not follow, or that leaves the call in another phase than the event's; an agent
 * state change that does not end in the state it names, or that is taken where not serving.
 * Shown by: recorded-call-answered-again.
 */
export const callModel: Step = {
  id: 'sip-ha.call-model',
  kind: 'step',
  clauses: ['GIR-SIP-1', 'BC-HA-3'],
  statement:
    'A call arrives at the primary that answers on the Virtual IP, is answered from setup, is recorded once established and can be released in any phase, and each step leaves it in the phase that step names; an agent state change on the serving primary ends in the state it names.',
  check(before, event, after) {
    if (event.type === 'agentStateChanged') {
      const at = before.servers[event.server];
      if (at.role !== 'primary' || at.process !== 'up' || !before.hosts[event.server].up)
        return `agent ${event.agent} changed state on ${event.server}, which is not the serving primary`;
      if (at.table[event.agent] === event.to)
        return `agent ${event.agent} "changed" to ${event.to}, the state it was already in`;
      const now = after.servers[event.server].table[event.agent];
      return now === event.to
        ? undefined
        : `agent ${event.agent} changed to ${event.to} on ${event.server}, but is ${now} after`;
    }
    if (!(event.type in CALL_STEPS)) return undefined;
    const e = event as Extract<SipHaEvent, { type: keyof typeof CALL_STEPS }>;
    const step = CALL_STEPS[e.type];
    if (!answersAsPrimary(before, e.server))
      return `${e.type} of ${e.call} taken on ${e.server}, which does not answer as primary on the Virtual IP`;
    const was = before.servers[e.server].table[e.call];
    if (!(step.from as readonly string[]).includes(was ?? 'idle'))
      return `${e.type} of ${e.call} taken while the call was ${was}`;
    const now = after.servers[e.server].table[e.call];
    return now === step.to ? undefined : `${e.type} of ${e.call} left it ${now}, not ${step.to}`;
  },
};

/**
 * Excludes: a manual switchover taken on a pair that had not synchronized (a side SCS cannot see,
 * the HA link down, the backup not ready, a sync message in flight, an entry the backup has not
 * acknowledged, or, whatever the bookkeeping says, the backup not holding what the primary holds),
 * or one that does not swap the roles.
 * Shown by: switchover-with-sync-in-flight.
 */
export const switchoverOnSyncedPair: Step = {
  id: 'sip-ha.switchover-on-synced-pair',
  kind: 'step',
  clauses: ['GIR-SIP-1'],
  statement:
    'An operator switchover runs only on a synchronized pair (both servers up and seen by SCS, the HA link connected, the backup ready, nothing in flight, every entry acknowledged), and it swaps the roles.',
  check(before, event, after) {
    if (event.type !== 'switchoverRequested') return undefined;
    const old = before.servers.sip1.role === 'primary' ? 'sip1' : 'sip2';
    const next = otherServer(old);
    const p = before.servers[old];
    const b = before.servers[next];
    const unsynced = (Object.keys(p.table) as (keyof typeof p.table)[]).find(
      (k) => p.acked[k] !== p.table[k],
    );
    const why =
      p.role !== 'primary' || b.role !== 'backup'
        ? `${old} is ${p.role} and ${next} is ${b.role}`
        : !answersAsPrimary(before, old) || b.process !== 'up' || !before.hosts[next].up
          ? 'a server of the pair is not up'
          : before.scs.lca[old] !== 'connected' || before.scs.lca[next] !== 'connected'
            ? 'SCS has lost a server’s LCA'
            : !before.link.connected
              ? 'the HA link is down'
              : b.readiness !== 'ready'
                ? `the backup is ${b.readiness}`
                : Object.keys(before.link.inflight).length > 0
                  ? 'a sync message is in flight'
                  : unsynced !== undefined
                    ? `${unsynced} is not acknowledged by the backup`
                    : !sameEntries(p.table, b.table)
                      ? 'the backup does not hold what the primary holds'
                      : undefined;
    if (why !== undefined) return `switchover requested although ${why}`;
    // Where the Virtual IP ends up is single-primary's to judge (switchover-leaves-vip).
    const o = after.servers[old];
    const n = after.servers[next];
    if (o.role !== 'backup' || n.role !== 'primary')
      return `after the switchover ${old} is ${o.role} and ${next} is ${n.role}`;
    return undefined;
  },
};
