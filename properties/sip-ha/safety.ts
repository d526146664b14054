/**
 * Safety properties of the SIP Server hot-standby pair.
 * Clauses: GIR-SIP-1/2 (GIR "High Availability" › SIP Server), BC-HA-3/4 (BC "Business Continuity
 * Relationship to High Availability"). Assumptions: A-10 (which calls survive), A-12 (split brain).
 *
 * The failover properties judge two things. What the old primary had synced (its acknowledged
 * calls) must survive a covered failover: the promoted backup had finished its resync. And what
 * the promoted backup itself held just before must survive every promotion, a double failure
 * included: the double-failure exemption of A-10 covers only what a backup still waiting for its
 * resync never received, never what it had and then dropped.
 */
import type { SipHaConfig } from '../../model/sip-ha/config.ts';
import type { SipHaEvent } from '../../model/sip-ha/events.ts';
import type { AgentId, SipHaState, SipServer, SyncKey } from '../../model/sip-ha/state.ts';
import type { Invariant, StepProperty } from '../engine/property.ts';
import {
  activeMembers,
  anyPartition,
  coveredPromotion,
  heldLiveCalls,
  isLive,
  promotionIn,
  syncedLiveCalls,
} from './common.ts';

type Step = StepProperty<SipHaState, SipHaEvent>;

/** The first call of `calls` whose phase after the step fails `keeps`, as a sentence. */
function firstDropped(
  calls: readonly `c${number}`[],
  was: SipServer,
  now: SipServer,
  keeps: (phase: string | undefined) => boolean,
  why: string,
): string | undefined {
  for (const call of calls) {
    const phase = now.table[call];
    if (!keeps(phase)) return `call ${call} was ${was.table[call]} ${why}, but is ${phase} after`;
  }
  return undefined;
}

/**
 * Excludes: an established call the backup had acknowledged (or held itself) that is gone on the
 * new primary after the failover.
 * Shown by: unsynced-call-counted-synced (acknowledged on the old primary), promote-without-replica,
 * promote-resyncing-empty (inside the double-failure exemption).
 */
export const noLostEstablishedCall: Step = {
  id: 'sip-ha.no-lost-established-call',
  kind: 'step',
  clauses: ['GIR-SIP-1', 'BC-HA-3', 'BC-HA-4'],
  statement:
    'Every call that was established and synced to the backup when the primary failed is established on the new primary after the failover; a call the promoted backup itself held is kept on every promotion (a failover during resync is a double failure, which excuses only what the backup had not yet received).',
  check(before, _event, after) {
    const p = promotionIn(before, after);
    if (p === undefined) return undefined;
    const now = after.servers[p.server];
    const own = firstDropped(
      heldLiveCalls(p.next),
      p.next,
      now,
      (phase) => isLive(phase as never),
      `on ${p.server} itself before its promotion`,
    );
    if (own !== undefined) return own;
    if (coveredPromotion(before, after) === undefined) return undefined;
    return firstDropped(
      syncedLiveCalls(p.previous),
      p.previous,
      now,
      (phase) => isLive(phase as never),
      `and synced on ${p.old}; on ${p.server}`,
    );
  },
};

/**
 * Excludes: a recording session the backup had acknowledged (or held itself) that is no longer
 * recording on the new primary.
 * Shown by: unsynced-recording-counted-synced (acknowledged on the old primary),
 * promote-drops-recording, promote-resyncing-empty.
 */
export const recordingSurvivesFailover: Step = {
  id: 'sip-ha.recording-survives-failover',
  kind: 'step',
  clauses: ['GIR-SIP-2'],
  statement:
    'An established recording session that was synced to the backup (or that the promoted backup held itself) is still recording on the new primary after a SIP Server failover.',
  check(before, _event, after) {
    const p = promotionIn(before, after);
    if (p === undefined) return undefined;
    const now = after.servers[p.server];
    const recording = (server: SipServer, calls: readonly `c${number}`[]) =>
      calls.filter((c) => server.table[c] === 'recording');
    const own = firstDropped(
      recording(p.next, heldLiveCalls(p.next)),
      p.next,
      now,
      (phase) => phase === 'recording',
      `on ${p.server} itself before its promotion`,
    );
    if (own !== undefined) return own;
    if (coveredPromotion(before, after) === undefined) return undefined;
    return firstDropped(
      recording(p.previous, syncedLiveCalls(p.previous)),
      p.previous,
      now,
      (phase) => phase === 'recording',
      `and synced on ${p.old}; on ${p.server}`,
    );
  },
};

/**
 * Excludes: an agent whose acknowledged (or held) state differs on the new primary.
 * Shown by: unsynced-agent-state-counted-synced (acknowledged on the old primary),
 * promote-logs-agents-out.
 */
export const agentStateSurvivesFailover: Step = {
  id: 'sip-ha.agent-state-survives-failover',
  kind: 'step',
  clauses: ['BC-HA-3'],
  statement:
    'The agent state of every agent synced to the backup is the same on the new primary after a failover, and a promotion never changes the agent states the promoted backup held.',
  check(before, _event, after) {
    const p = promotionIn(before, after);
    if (p === undefined) return undefined;
    const now = after.servers[p.server];
    const covered = coveredPromotion(before, after) !== undefined;
    for (const key of Object.keys(p.previous.table) as SyncKey[]) {
      if (!key.startsWith('a')) continue;
      const agent = key as AgentId;
      if (now.table[agent] !== p.next.table[agent])
        return `agent ${agent} was ${p.next.table[agent]} on ${p.server} itself, but is ${now.table[agent]} after its promotion`;
      const was = p.previous.table[agent];
      if (!covered || p.previous.acked[agent] !== was) continue;
      if (now.table[agent] !== was)
        return `agent ${agent} was ${was} and synced on ${p.old}, but is ${now.table[agent]} on ${p.server} after the failover`;
    }
    return undefined;
  },
};

/**
 * strict under fencing; otherwise two primaries only during a partition or its
 * reconciliation. Judged by work: a live server holding the Virtual IP counts as much as one
 * whose role is primary.
 * Excludes: two live SIP Servers doing the primary's work (serving as primary or answering on
 * the VIP) outside a partition and its reconciliation.
 * Shown by: old-primary-keeps-serving, switchover-leaves-vip (the VIP left on the demoted host).
 */
export function singlePrimary(config: SipHaConfig): Invariant<SipHaState> {
  return {
    id: 'sip-ha.single-primary',
    kind: 'invariant',
    clauses: ['GIR-SIP-1'],
    statement: config.fencing
      ? 'At most one SIP Server does the primary’s work (serves as primary or answers on the Virtual IP) at any time (fencing on).'
      : 'At most one SIP Server does the primary’s work (serves as primary or answers on the Virtual IP), except while a host is partitioned from SCS or SCS is resolving the split brain it found on reconnecting.',
    check(state) {
      const active = activeMembers(state);
      if (active.length < 2) return undefined;
      if (!config.fencing && (anyPartition(state) || state.scs.reconcile)) return undefined;
      const what = active
        .map((s) => `${s} (${state.servers[s].role}${state.servers[s].vip ? ', VIP' : ''})`)
        .join(' and ');
      return `${what} both do the primary's work${config.fencing ? ' despite fencing' : ' with no partition and no reconciliation pending'}`;
    },
  };
}
