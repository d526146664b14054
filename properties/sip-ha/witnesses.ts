/**
 * Witnesses: transitions some run must reach, or the properties they accompany are vacuous.
 * Clauses: GIR-SIP-1, BC-HA-4 ("zero or minimal loss" is reachable, not zero), A-10, A-12.
 */
import type { SipHaEvent } from '../../model/sip-ha/events.ts';
import type { SipHaState } from '../../model/sip-ha/state.ts';
import type { Witness } from '../engine/property.ts';
import {
  callsOf,
  coveredPromotion,
  promotionIn,
  servingPrimaries,
  syncedLiveCalls,
} from './common.ts';

type W = Witness<SipHaState, SipHaEvent>;

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
