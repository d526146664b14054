/** Lifelines of the Business Continuity events, for sequence diagrams of its traces. */
import type { BcEvent } from '../../model/bc/events.ts';
import type { Lifelines } from '../engine/property.ts';

const local = (who: string): Lifelines => ({ from: who, to: who });

export function bcLifelines(event: BcEvent): Lifelines {
  switch (event.type) {
    case 'loginRequested':
    case 'logoutRequested':
      return { from: `Agent ${event.agent}`, to: `Desktop ${event.agent}` };
    case 'connectionLost':
    case 'drSwitchedOver':
      return local(`Desktop ${event.agent}`);
    case 'callArrived':
      return { from: 'Gateways', to: `Site ${event.site}` };
    case 'callDialed':
      return { from: `Phone ${event.agent}`, to: 'Gateways' };
    case 'callReleased':
      return local('Gateways');
    case 'gatewaysNoticed':
      return { from: `Site ${event.site}`, to: 'Gateways' };
    case 'haFailoverCompleted':
      return { from: 'Management Layer', to: `Site ${event.pair.slice(0, 1)}` };
    case 'processCrashed':
    case 'processRestarted':
      return { from: 'Faults', to: `Site ${event.node.slice(0, 1)}` };
    case 'siteFailed':
    case 'siteRecovered':
      return { from: 'Faults', to: `Site ${event.site}` };
    case 'partitionStarted':
    case 'partitionHealed':
      return { from: 'Faults', to: 'WAN' };
    case 'timeAdvanced':
      return local('Clock');
  }
}
