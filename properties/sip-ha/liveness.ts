/**
 * Bounded liveness of the SIP Server pair, under the fair schedule of properties/engine/liveness.ts
 * (no traffic, faults or repairs; protocol steps, then deliveries, then time).
 * Clauses: GIR-SIP-1 ("hot-standby instance will take over"), BC-HA-1 (Management Layer initiates
 * the failover). Assumptions: A-11 (recovery is bounded, not instantaneous), A-12.
 */
import type { SipHaConfig } from '../../model/sip-ha/config.ts';
import { isReachable, otherServer, SERVERS, type SipHaState } from '../../model/sip-ha/state.ts';
import type { Eventually } from '../engine/property.ts';
import { anyPartition, servingPrimaries } from './common.ts';

const FAIRNESS =
  'faults, repairs and traffic stop; SCS and the HA link take their steps; time advances only when nothing else can happen';

/** The backup that should take over: up, reachable, while the other process is down and none serves. */
function waitingBackup(state: SipHaState): 'sip1' | 'sip2' | undefined {
  if (servingPrimaries(state).length > 0) return undefined;
  return SERVERS.find(
    (s) =>
      state.servers[s].role === 'backup' &&
      state.servers[s].process === 'up' &&
      isReachable(state, s) &&
      state.servers[otherServer(s)].process === 'down',
  );
}

export function failoverWithinBound(config: SipHaConfig): Eventually<SipHaState> {
  const boundMs = 2 * config.addpTimeoutMs + config.disconnectSwitchoverTimeoutMs;
  return {
    id: 'sip-ha.failover-within-bound',
    kind: 'eventually',
    clauses: ['GIR-SIP-1', 'BC-HA-1'],
    statement: `If the primary fails while the backup is up and reachable, the backup is primary holding the Virtual IP within ${boundMs} ms (twice the ADDP timeout plus the disconnect-switchover timeout) and 8 fair steps.`,
    fairness: FAIRNESS,
    boundSteps: 8,
    boundMs,
    trigger: (state) => waitingBackup(state) !== undefined,
    goal: (state) =>
      SERVERS.some((s) => servingPrimaries(state).includes(s) && state.servers[s].vip),
  };
}

export function onePrimaryAfterHeal(config: SipHaConfig): Eventually<SipHaState> {
  const boundMs = config.disconnectSwitchoverTimeoutMs;
  return {
    id: 'sip-ha.one-primary-after-heal',
    kind: 'eventually',
    clauses: ['GIR-SIP-1'],
    statement: `Once no host is partitioned, two serving primaries become one within ${boundMs} ms (the disconnect-switchover re-check) and 4 fair steps.`,
    fairness: FAIRNESS,
    boundSteps: 4,
    boundMs,
    trigger: (state) => !anyPartition(state) && servingPrimaries(state).length > 1,
    goal: (state) => servingPrimaries(state).length <= 1,
  };
}
