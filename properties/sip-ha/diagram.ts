/** Lifelines of the SIP Server pair's events, for sequence diagrams of its traces. */
import type { SipHaEvent } from '../../model/sip-ha/events.ts';
import type { Lifelines } from '../engine/property.ts';

const local = (who: string): Lifelines => ({ from: who, to: who });

export function sipHaLifelines(event: SipHaEvent): Lifelines {
  switch (event.type) {
    case 'callArrived':
    case 'callAnswered':
    case 'recordingStarted':
    case 'callReleased':
      return { from: 'Caller', to: event.server };
    case 'agentStateChanged':
      return { from: 'Agent', to: event.server };
    case 'switchoverRequested':
      return { from: 'Operator', to: 'SCS' };
    case 'serverInitialized':
      return { from: event.node, to: 'SCS' };
    case 'lcaLossDetected':
    case 'lcaRechecked':
    case 'splitBrainResolved':
      return local('SCS');
    case 'switchoverPerformed':
      return { from: 'SCS', to: event.node };
    case 'haLinkConnected':
    case 'resyncDelivered':
    case 'syncDelivered':
    case 'syncLost':
    case 'haLinkDropped':
    case 'haLinkRepaired':
      return local('HA link');
    case 'processCrashed':
    case 'hostCrashed':
    case 'partitionStarted':
    case 'processRestarted':
    case 'hostRestarted':
    case 'partitionHealed':
      return { from: 'Faults', to: event.node };
    case 'timeAdvanced':
      return local('Clock');
  }
}
