/** Lifelines of the recording path's events, for sequence diagrams of its traces. */
import type { RecordingEvent } from '../../model/recording/events.ts';
import type { Lifelines } from '../engine/property.ts';
import { sipHaLifelines } from '../sip-ha/diagram.ts';

const local = (who: string): Lifelines => ({ from: who, to: who });

export function recordingLifelines(event: RecordingEvent): Lifelines {
  switch (event.type) {
    case 'callArrived':
    case 'callAnswered':
    case 'callReleased':
    case 'lcaLossDetected':
    case 'lcaRechecked':
    case 'switchoverPerformed':
    case 'syncDelivered':
    case 'hostCrashed':
      return sipHaLifelines(event);
    case 'recordingRequested':
      return { from: event.server, to: 'RM' };
    case 'rmFailureDetected':
      return { from: 'RM', to: event.rm };
    case 'mcpFailureDetected':
      return { from: 'RM', to: 'SIP Server' };
    case 'mcpRecoveryDetected':
      return { from: event.mcp, to: 'RM' };
    case 'endpointsJoined':
      return local('SIP Server');
    case 'reRecordRequested':
      return { from: 'SIP Server', to: 'RM' };
    case 'byeRouted':
      return { from: 'RM', to: 'MCP' };
    case 'segmentStored':
      return { from: 'MCP', to: 'Storage' };
    case 'metadataPosted':
      return { from: 'MCP', to: 'Recording Processor' };
    case 'sessionSyncDelivered':
      return { from: event.rm, to: event.rm === 'rm1' ? 'rm2' : 'rm1' };
    case 'processCrashed':
    case 'processRestarted':
      return { from: 'Faults', to: event.node };
    case 'timeAdvanced':
      return local('Clock');
  }
}
