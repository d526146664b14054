import {
  type SipHaConfig,
  type SipHaEvent,
  type SipHaState,
  sipHa,
} from '../../model/sip-ha/index.ts';
import type { Property, Suite } from '../engine/property.ts';
import { noIdleSteps } from '../idle-steps.ts';
import { sipFaultBudget } from './budget.ts';
import { acksMatchBackup, syncLinkJoinsPair } from './link.ts';
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

export const sipNoIdleSteps = noIdleSteps<SipHaState, SipHaEvent>({
  id: 'sip-ha.no-idle-steps',
  clauses: ['GIR-SIP-1'],
});

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
    acksMatchBackup,
    scsLearnsThroughLca,
    splitBrainOnlyWhenSplit,
    promotesSeenUp,
    sipFaultBudget(config),
    sipNoIdleSteps,
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
  // Searched by npm start; a changed figure is a changed model (see ConfigCheck).
  checks: [
    { config: 'small', states: 45_072, depth: 24, transitions: 249_024 },
    { config: 'default', bounded: true, depth: 10 },
    { config: 'recheck', bounded: true, depth: 15 },
    { config: 'fencing', states: 392_956, depth: 25, transitions: 2_022_920 },
  ],
};
