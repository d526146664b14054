/**
 * Witnesses: transitions some run must reach, or the properties they accompany are vacuous.
 * Clauses: GIR-SIP-1, BC-HA-4 ("zero or minimal loss" is reachable, not zero), A-10, A-12.
 */
import type { SipHaEvent } from '../../model/sip-ha/events.ts';
import type { SipHaState } from '../../model/sip-ha/state.ts';
import { otherServer, SERVERS, type ServerId } from '../../model/sip-ha/state.ts';
import type { Witness } from '../engine/property.ts';
import {
  callsOf,
  coveredPromotion,
  heldLiveCalls,
  promotionIn,
  servingPrimaries,
  syncedLiveCalls,
} from './common.ts';

type W = Witness<SipHaState, SipHaEvent>;

/** An event type as it reads in a property id: 'hostCrashed' → 'host-crashed'. */
const kebab = (type: string) => type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const failoverWithLiveCalls: W = {
  id: 'sip-ha.witness.failover-with-live-calls',
  kind: 'witness',
  clauses: ['GIR-SIP-1'],
  statement: 'Some failover happens while the old primary holds an established, synced call.',
  reached: (before, _e, after) => {
    const p = coveredPromotion(before, after);
    return p !== undefined && syncedLiveCalls(p.previous).length > 0;
  },
};

export const callLostInFailover: W = {
  id: 'sip-ha.witness.call-lost-in-failover',
  kind: 'witness',
  clauses: ['BC-HA-4'],
  statement: 'Some failover loses an in-setup or unsynced call: the "minimal loss" is reachable.',
  reached: (before, _e, after) => {
    const p = promotionIn(before, after);
    if (p === undefined || p.previous.role !== 'primary') return false;
    return callsOf(p.previous).some(
      (c) => p.previous.table[c] !== 'idle' && after.servers[p.server].table[c] === 'idle',
    );
  },
};

export const doubleFailure: W = {
  id: 'sip-ha.witness.double-failure',
  kind: 'witness',
  clauses: ['BC-HA-4'],
  statement:
    'Some failover promotes a backup still waiting for its resync (the documented double failure).',
  reached: (before, _e, after) => {
    const p = promotionIn(before, after);
    return p !== undefined && p.next.readiness === 'resyncing';
  },
};

export const splitBrain: W = {
  id: 'sip-ha.witness.split-brain',
  kind: 'witness',
  clauses: ['GIR-SIP-1'],
  statement:
    'Some run reaches two serving primaries while a host is partitioned (the old primary keeps its VIP).',
  reached: (_b, _e, after) => servingPrimaries(after).length > 1,
};

/** What each kind of failure does to the server it hits, seen in the state after. */
const FAILURES = {
  processCrashed: {
    what: 'the primary’s SIP Server process crashes',
    hit: (s: SipHaState, n: ServerId) => s.servers[n].process === 'down',
  },
  hostCrashed: {
    what: 'the primary’s host crashes and takes the Virtual IP down with it',
    hit: (s: SipHaState, n: ServerId) => !s.hosts[n].up && !s.servers[n].vip,
  },
  partitionStarted: {
    what: 'the primary’s host is cut off from SCS',
    hit: (s: SipHaState, n: ServerId) => s.hosts[n].partitioned,
  },
} as const;

/**
 * One witness per kind of failure: it strikes the primary while it holds a synced established
 * call, and has its effect. Without them, a failure that can never happen, or that does nothing,
 * would leave every failover property true of the failures that remain.
 */
export const primaryFailures: readonly W[] = (
  Object.keys(FAILURES) as (keyof typeof FAILURES)[]
).map((type) => ({
  id: `sip-ha.witness.primary-${kebab(type)}`,
  kind: 'witness',
  clauses: ['GIR-SIP-1'],
  statement: `Some run reaches: ${FAILURES[type].what} while it holds an established call synced to the backup.`,
  reached: (before, event, after) =>
    event.type === type &&
    before.servers[event.node].role === 'primary' &&
    syncedLiveCalls(before.servers[event.node]).length > 0 &&
    FAILURES[type].hit(after, event.node),
}));

/** Some failed SIP Server restarts and rejoins the pair as its backup. */
export const failedServerRejoins: W = {
  id: 'sip-ha.witness.failed-server-rejoins',
  kind: 'witness',
  clauses: ['GIR-SIP-1'],
  statement:
    'The configured primary (sip1) fails, the backup takes over, and sip1 restarts and finishes initializing as the backup of the new primary.',
  // sip1 is the primary by configuration: once it rejoins as the backup, sip2 has taken over.
  reached: (before, event, after) =>
    event.type === 'serverInitialized' &&
    event.node === 'sip1' &&
    before.servers[event.node].process === 'starting' &&
    after.servers[event.node].process === 'up' &&
    after.servers[event.node].role === 'backup' &&
    after.servers[otherServer(event.node)].role === 'primary',
};

/** Some backup that was behind catches up with the primary's established calls. */
export const backupCatchesUp: W = {
  id: 'sip-ha.witness.backup-catches-up',
  kind: 'witness',
  clauses: ['GIR-SIP-1'],
  statement:
    'Some backup that was not ready (restarted, or its HA link lost) becomes ready holding every established call of the primary: the pair is redundant again.',
  reached: (before, _event, after) =>
    SERVERS.some((s) => {
      const a = after.servers[s];
      const primary = after.servers[otherServer(s)];
      const live = heldLiveCalls(primary);
      return (
        a.role === 'backup' &&
        before.servers[s].readiness !== 'ready' &&
        a.readiness === 'ready' &&
        live.length > 0 &&
        live.every((c) => a.table[c] === primary.table[c])
      );
    }),
};

/** What each link fault and each repair does, seen in the state after. */
const OTHER_FAULTS_AND_REPAIRS = {
  syncLost: {
    what: 'a sync message to the backup is lost on the HA link',
    hit: (b: SipHaState, a: SipHaState) =>
      Object.keys(a.link.inflight).length < Object.keys(b.link.inflight).length,
  },
  haLinkDropped: {
    what: 'the HA link drops while the primary holds an established call',
    hit: (b: SipHaState, a: SipHaState) =>
      b.link.connected &&
      !a.link.connected &&
      SERVERS.some(
        (s) => a.servers[s].role === 'primary' && heldLiveCalls(a.servers[s]).length > 0,
      ),
  },
  haLinkRepaired: {
    what: 'a faulty HA link is repaired',
    hit: (b: SipHaState, a: SipHaState) => b.link.fault && !a.link.fault,
  },
  processRestarted: {
    what: 'a crashed SIP Server process is restarted on its host',
    hit: (b: SipHaState, a: SipHaState) =>
      SERVERS.some(
        (s) =>
          b.servers[s].process === 'down' && a.servers[s].process === 'starting' && a.hosts[s].up,
      ),
  },
  hostRestarted: {
    what: 'a crashed host comes back and starts its SIP Server',
    hit: (b: SipHaState, a: SipHaState) =>
      SERVERS.some((s) => !b.hosts[s].up && a.hosts[s].up && a.servers[s].process === 'starting'),
  },
  partitionHealed: {
    what: 'a partitioned host reaches SCS again',
    hit: (b: SipHaState, a: SipHaState) =>
      SERVERS.some((s) => b.hosts[s].partitioned && !a.hosts[s].partitioned),
  },
} as const;

/**
 * One witness per link fault and per repair, each with its effect: the failover properties hold
 * only of the failures and recoveries that can happen, so each of them must happen somewhere.
 * Loss of a sync message exists only where the config lets the link lose messages.
 */
export function faultsAndRepairs(config: { readonly messageLoss: boolean }): W[] {
  return (Object.keys(OTHER_FAULTS_AND_REPAIRS) as (keyof typeof OTHER_FAULTS_AND_REPAIRS)[])
    .filter((type) => type !== 'syncLost' || config.messageLoss)
    .map((type) => ({
      id: `sip-ha.witness.${kebab(type)}`,
      kind: 'witness',
      clauses: ['GIR-SIP-1'],
      statement: `Some run reaches: ${OTHER_FAULTS_AND_REPAIRS[type].what}.`,
      reached: (before, event, after) =>
        event.type === type && OTHER_FAULTS_AND_REPAIRS[type].hit(before, after),
    }));
}
