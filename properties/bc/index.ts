import type { BcConfig } from '../../model/bc/config.ts';
import { type BcEvent, type BcState, bc } from '../../model/bc/index.ts';
import type { Property, Suite } from '../engine/property.ts';
import { bcLifelines } from './diagram.ts';
import { drSwitchoverWithinBound } from './liveness.ts';
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
  ];
}

export const bcSuite: Suite<BcConfig, BcState, BcEvent> = {
  model: bc,
  properties: bcProperties,
  lifelines: bcLifelines,
};
