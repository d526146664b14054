/**
 * Safety properties of the SIP Server hot-standby pair.
 * Clauses: GIR-SIP-1/2 (GIR "High Availability" › SIP Server), BC-HA-3/4 (BC "Business Continuity
 * Relationship to High Availability"). Assumptions: A-10 (which calls survive), A-12 (split brain).
 */
import type { SipHaConfig } from '../../model/sip-ha/config.ts';
import type { SipHaEvent } from '../../model/sip-ha/events.ts';
import type { AgentId, SipHaState, SyncKey } from '../../model/sip-ha/state.ts';
import type { Invariant, StepProperty } from '../engine/property.ts';
import {
  anyPartition,
  coveredPromotion,
  isLive,
  servingPrimaries,
  syncedLiveCalls,
} from './common.ts';

type Step = StepProperty<SipHaState, SipHaEvent>;

export const noLostEstablishedCall: Step = {
  id: 'sip-ha.no-lost-established-call',
  kind: 'step',
  clauses: ['GIR-SIP-1', 'BC-HA-3', 'BC-HA-4'],
  statement:
    'Every call that was established and synced to the backup when the primary failed is established on the new primary after the failover (a failover during resync is a double failure and is excluded).',
  check(before, _event, after) {
    const p = coveredPromotion(before, after);
    if (p === undefined) return undefined;
    for (const call of syncedLiveCalls(p.previous)) {
      const now = after.servers[p.server].table[call];
      if (!isLive(now as never)) {
        return `call ${call} was ${p.previous.table[call]} and synced on ${p.old}, but is ${now} on ${p.server} after the failover`;
      }
    }
    return undefined;
  },
};

export const recordingSurvivesFailover: Step = {
  id: 'sip-ha.recording-survives-failover',
  kind: 'step',
  clauses: ['GIR-SIP-2'],
  statement:
    'An established recording session that was synced to the backup is still recording on the new primary after a SIP Server failover.',
  check(before, _event, after) {
    const p = coveredPromotion(before, after);
    if (p === undefined) return undefined;
    for (const call of syncedLiveCalls(p.previous)) {
      if (p.previous.table[call] !== 'recording') continue;
      const now = after.servers[p.server].table[call];
      if (now !== 'recording') {
        return `call ${call} was recording and synced on ${p.old}, but is ${now} on ${p.server} after the failover`;
      }
    }
    return undefined;
  },
};

export const agentStateSurvivesFailover: Step = {
  id: 'sip-ha.agent-state-survives-failover',
  kind: 'step',
  clauses: ['BC-HA-3'],
  statement:
    'The agent state of every agent synced to the backup is the same on the new primary after a failover.',
  check(before, _event, after) {
    const p = coveredPromotion(before, after);
    if (p === undefined) return undefined;
    for (const key of Object.keys(p.previous.table) as SyncKey[]) {
      if (!key.startsWith('a')) continue;
      const agent = key as AgentId;
      const was = p.previous.table[agent];
      if (p.previous.acked[agent] !== was) continue;
      const now = after.servers[p.server].table[agent];
      if (now !== was)
        return `agent ${agent} was ${was} and synced on ${p.old}, but is ${now} on ${p.server} after the failover`;
    }
    return undefined;
  },
};

/** strict under fencing; otherwise two primaries only during a partition or its reconciliation. */
export function singlePrimary(config: SipHaConfig): Invariant<SipHaState> {
  return {
    id: 'sip-ha.single-primary',
    kind: 'invariant',
    clauses: ['GIR-SIP-1'],
    statement: config.fencing
      ? 'At most one SIP Server serves as primary at any time (fencing on).'
      : 'At most one SIP Server serves as primary, except while a host is partitioned from SCS or SCS is resolving the split brain it found on reconnecting.',
    check(state) {
      const primaries = servingPrimaries(state);
      if (primaries.length < 2) return undefined;
      if (!config.fencing && (anyPartition(state) || state.scs.reconcile)) return undefined;
      return `both ${primaries.join(' and ')} serve as primary${config.fencing ? ' despite fencing' : ' with no partition and no reconciliation pending'}`;
    },
  };
}
