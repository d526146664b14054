import {
  type SipHaConfig,
  type SipHaEvent,
  type SipHaState,
  sipHa,
} from '../../model/sip-ha/index.ts';
import type { Property, Suite } from '../engine/property.ts';
import { faultBudgetKept, firstDown } from '../fault-budget.ts';
import { noIdleSteps } from '../idle-steps.ts';
import { sipHaLifelines } from './diagram.ts';
import { syncLinkJoinsPair } from './link.ts';
import { failoverWithinBound, onePrimaryAfterHeal, pairResynchronizes } from './liveness.ts';
import { callModel, switchoverOnSyncedPair } from './procedure.ts';
import {
  agentStateSurvivesFailover,
  noLostEstablishedCall,
  recordingSurvivesFailover,
  singlePrimary,
} from './safety.ts';
import { promotesSeenUp, scsLearnsThroughLca, splitBrainOnlyWhenSplit } from './scs.ts';
import {
  backupCatchesUp,
  callLostInFailover,
  doubleFailure,
  failedServerRejoins,
  failoverWithLiveCalls,
  faultsAndRepairs,
  primaryFailures,
  splitBrain,
} from './witnesses.ts';

const SIP_FAULTS: ReadonlySet<string> = new Set([
  'processCrashed',
  'hostCrashed',
  'partitionStarted',
  'haLinkDropped',
]);

/** Before any fault: both hosts up and reachable, both processes running, the HA link sound. */
export function sipWhole(s: SipHaState): string | undefined {
  return (
    firstDown('host', s.hosts, (h) => (h as SipHaState['hosts']['sip1']).up) ??
    firstDown('host (cut off)', s.hosts, (h) => !(h as SipHaState['hosts']['sip1']).partitioned) ??
    firstDown('process', s.servers, (v) => (v as SipHaState['servers']['sip1']).process === 'up') ??
    firstDown("SCS's LCA connection to", s.scs.lca, (l) => l === 'connected') ??
    (s.link.fault ? 'the HA link is faulty' : undefined)
  );
}

/**
 * The pair's one fault budget: crashes, partitions, a dropped HA link, and a lost sync message
 * where the config loses messages (elsewhere no step may lose one).
 */
export function sipFaultBudget(config: SipHaConfig) {
  return faultBudgetKept<SipHaState, SipHaEvent>({
    id: 'sip-ha.fault-budget-kept',
    clauses: ['GIR-SIP-1', 'BC-HA-1'],
    budgets: [
      { name: 'the fault budget', size: config.faultBudget, path: ['faultsLeft'], whole: sipWhole },
    ],
    spends: (_s, e) =>
      SIP_FAULTS.has(e.type) || (e.type === 'syncLost' && config.messageLoss)
        ? 'the fault budget'
        : undefined,
  });
}

export function sipHaProperties(config: SipHaConfig): Property<SipHaState, SipHaEvent>[] {
  const witnesses = [
    failoverWithLiveCalls,
    callLostInFailover,
    doubleFailure,
    ...primaryFailures,
    failedServerRejoins,
    backupCatchesUp,
    ...faultsAndRepairs(config),
  ];
  return [
    noLostEstablishedCall,
    recordingSurvivesFailover,
    agentStateSurvivesFailover,
    singlePrimary(config),
    callModel,
    switchoverOnSyncedPair,
    syncLinkJoinsPair,
    scsLearnsThroughLca,
    splitBrainOnlyWhenSplit,
    promotesSeenUp,
    sipFaultBudget(config),
    noIdleSteps<SipHaState, SipHaEvent>({ id: 'sip-ha.no-idle-steps', clauses: ['GIR-SIP-1'] }),
    failoverWithinBound(config),
    pairResynchronizes(config),
    ...witnesses,
    // Under fencing there is never a second primary: the strict invariant replaces these two.
    ...(config.fencing ? [] : [onePrimaryAfterHeal(config), splitBrain]),
  ];
}

export const sipHaSuite: Suite<SipHaConfig, SipHaState, SipHaEvent> = {
  model: sipHa,
  properties: sipHaProperties,
  lifelines: sipHaLifelines,
};
