import type { BcConfig } from '../../model/bc/config.ts';
import { type BcEvent, type BcState, bc } from '../../model/bc/index.ts';
import type { Property, Suite } from '../engine/property.ts';
import { faultBudgetKept, firstDown } from '../fault-budget.ts';
import { noIdleSteps } from '../idle-steps.ts';
import { drSwitchoverWithinBound } from './liveness.ts';
import { deadPairRestarts, deadPairRevivesByRestart, memberRejoinsPair } from './pairs.ts';
import {
  connectionsOneSite,
  haFailoverTransparent,
  loginAtPreferredSite,
  loginWhereUsable,
  onePeerLogin,
  sipWithCsp,
  statLossNoSwitchover,
} from './safety.ts';
import {
  deliveryThroughLoginPeer,
  firstPartyPreferredPeer,
  noStateAcrossPeers,
  survivingSiteCallsSurvive,
  survivorTakesNewCalls,
} from './safety-calls.ts';
import {
  callForwardedToLoginPeer,
  callLostAtFailedSite,
  firstPartyOtherPeer,
  haFailoverUnnoticed,
  initialLoginSwitchover,
  outageSwitchoverDuringFailover,
  siteFailureSwitchover,
  survivingCallKept,
  survivorTakesNewCall,
} from './witnesses.ts';

const BC_FAULTS: ReadonlySet<string> = new Set([
  'processCrashed',
  'siteFailed',
  'partitionStarted',
]);

/** One budget for crashes of a pair member, site failures and the WAN partition. */
export function bcFaultBudget(config: BcConfig) {
  return faultBudgetKept<BcState, BcEvent>({
    id: 'bc.fault-budget-kept',
    clauses: ['BC-SITE-1'],
    budgets: [
      {
        name: 'the fault budget',
        size: config.faultBudget,
        path: ['faultsLeft'],
        // Before any fault: both sites up with every pair serving, the WAN whole, the gateways
        // answering to both.
        whole: (s) =>
          firstDown('site', s.sites, (site) => (site as BcState['sites']['A']).up) ??
          (['A', 'B'] as const)
            .map((site) =>
              firstDown(`at site ${site} the pair`, s.sites[site].pairs, (p) => p === 'serving'),
            )
            .find((d) => d !== undefined) ??
          firstDown("the gateways' view of site", s.gateways, (g) => g === true) ??
          (s.partitioned ? 'the WAN is cut' : undefined),
      },
    ],
    spends: (_s, e) => (BC_FAULTS.has(e.type) ? 'the fault budget' : undefined),
  });
}

export const bcNoIdleSteps = noIdleSteps<BcState, BcEvent>({
  id: 'bc.no-idle-steps',
  clauses: ['BC-SITE-1'],
  mayIdle: { callArrived: 'a call offered where no agent can take it is lost' },
});

export function bcProperties(config: BcConfig): Property<BcState, BcEvent>[] {
  return [
    onePeerLogin,
    connectionsOneSite,
    sipWithCsp,
    loginAtPreferredSite(config),
    loginWhereUsable(config),
    // With the WDE option on, Stat Server loss is a trigger by design.
    ...(config.statTriggersDr ? [] : [statLossNoSwitchover(config)]),
    haFailoverTransparent(config),
    deliveryThroughLoginPeer,
    firstPartyPreferredPeer(config),
    survivingSiteCallsSurvive,
    survivorTakesNewCalls,
    noStateAcrossPeers,
    deadPairRevivesByRestart,
    bcFaultBudget(config),
    bcNoIdleSteps,
    ...drSwitchoverWithinBound(config),
    siteFailureSwitchover,
    initialLoginSwitchover,
    callForwardedToLoginPeer,
    callLostAtFailedSite,
    firstPartyOtherPeer(config),
    survivingCallKept,
    haFailoverUnnoticed,
    survivorTakesNewCall,
    outageSwitchoverDuringFailover(config),
    memberRejoinsPair,
    deadPairRestarts,
  ];
}

export const bcSuite: Suite<BcConfig, BcState, BcEvent> = {
  model: bc,
  properties: bcProperties,
  // Searched by npm start; a changed figure is a changed model (see ConfigCheck).
  checks: [
    { config: 'small', states: 104_493, depth: 17, transitions: 940_105 },
    { config: 'default', bounded: true, depth: 10 },
    { config: 'stat-trigger', states: 120_646, depth: 17, transitions: 1_079_901 },
  ],
};
