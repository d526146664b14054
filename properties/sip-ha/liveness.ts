/**
 * Bounded liveness of the SIP Server pair, judged on every fair path of the fault-free
 * continuation (properties/engine/liveness.ts: no traffic, faults or repairs; protocol steps and
 * deliveries in every order, time only when neither can happen).
 * Clauses: GIR-SIP-1 ("hot-standby instance will take over"), BC-HA-1 (Management Layer initiates
 * the failover). Assumptions: A-11 (recovery is bounded, not instantaneous), A-12.
 */
import type { SipHaConfig } from '../../model/sip-ha/config.ts';
import { isReachable, SERVERS, type SipHaState } from '../../model/sip-ha/state.ts';
import type { Eventually } from '../engine/property.ts';
import { activeMembers, anyPartition, servingPrimaries } from './common.ts';

const FAIRNESS =
  'faults, repairs and traffic stop; SCS steps and HA-link deliveries interleave in every order; time advances only when nothing else can happen';

/**
 * No server serves, and a backup is up and reachable, so SCS has one to promote. Whatever the
 * other server is doing (down, restarting, or an idle backup itself) does not matter: a pair
 * with no primary must get one.
 */
function waitingBackup(state: SipHaState): boolean {
  if (servingPrimaries(state).length > 0) return false;
  return SERVERS.some(
    (s) =>
      state.servers[s].role === 'backup' &&
      state.servers[s].process === 'up' &&
      isReachable(state, s),
  );
}

/**
 * Excludes: a pair left without a serving primary on the Virtual IP (SCS never declares the host
 * lost, polls it forever, or is fooled by stale sync traffic into thinking the primary lives).
 * Shown by: scs-ignores-addp, addp-poll-retried-forever (lasso), stale-sync-revives-primary
 * (other-order).
 */
export function failoverWithinBound(config: SipHaConfig): Eventually<SipHaState> {
  const boundMs = 2 * config.addpTimeoutMs + config.disconnectSwitchoverTimeoutMs;
  return {
    id: 'sip-ha.failover-within-bound',
    kind: 'eventually',
    clauses: ['GIR-SIP-1', 'BC-HA-1'],
    statement: `If no SIP Server serves while a backup is up and reachable, a serving primary holds the Virtual IP within ${boundMs} ms (twice the ADDP timeout plus the disconnect-switchover timeout) and 8 fair steps.`,
    fairness: FAIRNESS,
    boundSteps: 8,
    boundMs,
    trigger: waitingBackup,
    goal: (state) =>
      SERVERS.some((s) => servingPrimaries(state).includes(s) && state.servers[s].vip),
  };
}

/**
 * Judged by work (activeMembers): a demoted server that keeps the VIP is still a second primary.
 * Excludes: two live servers doing the primary's work after the heal (SCS does nothing, retries
 * forever, or demotes the role and leaves the VIP).
 * Shown by: split-brain-never-resolved (lasso), loser-keeps-vip.
 */
export function onePrimaryAfterHeal(config: SipHaConfig): Eventually<SipHaState> {
  const boundMs = config.disconnectSwitchoverTimeoutMs;
  return {
    id: 'sip-ha.one-primary-after-heal',
    kind: 'eventually',
    clauses: ['GIR-SIP-1'],
    statement: `Once no host is partitioned, two SIP Servers doing the primary's work (serving as primary or answering on the Virtual IP) become one within ${boundMs} ms (the disconnect-switchover re-check) and 4 fair steps.`,
    fairness: FAIRNESS,
    boundSteps: 4,
    boundMs,
    trigger: (state) => !anyPartition(state) && activeMembers(state).length > 1,
    goal: (state) => activeMembers(state).length <= 1,
  };
}

/** One primary and one backup, both running on hosts that are up and reach SCS. */
function healthyPair(state: SipHaState): boolean {
  const { sip1, sip2 } = state.servers;
  return (
    sip1.role !== sip2.role &&
    SERVERS.every((s) => state.servers[s].process === 'up' && isReachable(state, s))
  );
}

/**
 * The HA link is up, the backup is ready, and nothing is in flight. This is the pair's own
 * bookkeeping, not a comparison of the tables: a sync message the link lost leaves the backup
 * without that update until the link reconnects (the model's reading of a lost update, which the
 * documents count as a possible loss), so equal tables cannot be required.
 */
function synchronized(state: SipHaState): boolean {
  if (!state.link.connected || Object.keys(state.link.inflight).length > 0) return false;
  const backup = SERVERS.find((s) => state.servers[s].role === 'backup');
  return backup !== undefined && state.servers[backup].readiness === 'ready';
}

/**
 * The hot-standby promise needs a backup that keeps up: after any disturbance (a restart, a lost
 * link, a resync), a healthy pair synchronizes again. Source: domain notes §1.2 (the HA link
 * re-established, missing calls pushed to the backup, sync messages acknowledged).
 * Excludes: a healthy pair whose HA link never reconnects, whose backup never finishes its
 * resync, or whose sync messages are never delivered.
 * Shown by: link-never-reconnects.
 */
export function pairResynchronizes(config: SipHaConfig): Eventually<SipHaState> {
  // Connect, resync, then one delivery per call and agent, with room for SCS steps between: a
  // stale split-brain resolution or a pending re-check may demote and promote first, and waits
  // for its timers, as long as a failover may.
  const boundSteps = 6 + config.calls + config.agents;
  const boundMs = 2 * config.addpTimeoutMs + config.disconnectSwitchoverTimeoutMs;
  return {
    id: 'sip-ha.pair-resynchronizes',
    kind: 'eventually',
    clauses: ['GIR-SIP-1'],
    statement: `A healthy pair (one primary and one backup, both running on reachable hosts) whose HA link is not faulty is synchronized again (link up, backup ready, nothing in flight) within ${boundSteps} fair steps and ${boundMs} ms (as long as a failover may take).`,
    fairness: FAIRNESS,
    boundSteps,
    boundMs,
    trigger: (state) => healthyPair(state) && !state.link.fault && !synchronized(state),
    goal: synchronized,
  };
}
