/** Lifelines of the back end's events, for sequence diagrams of its traces. */
import type { BackendEvent } from '../../model/backend/events.ts';
import { isBackendNode } from '../../model/backend/events.ts';
import type { RecordingEvent } from '../../model/recording/events.ts';
import type { Lifelines } from '../engine/property.ts';
import { recordingLifelines } from '../recording/diagram.ts';

const local = (who: string): Lifelines => ({ from: who, to: who });

export function backendLifelines(event: BackendEvent): Lifelines {
  switch (event.type) {
    case 'storageWriteFailed':
      return { from: 'MCP', to: 'Storage' };
    case 'metadataDelivered':
      return { from: 'MCP', to: event.rp };
    case 'callDataAdded':
      return local(event.rp);
    case 'wsRequested':
    case 'smSubmitted':
      return { from: event.rp, to: event.type === 'wsRequested' ? 'Web Services' : 'SpeechMiner' };
    case 'replicaWritten':
      return { from: 'Web Services', to: event.node };
    case 'wsAnswered':
    case 'wsRequestFailed':
      return { from: 'Web Services', to: event.rp };
    case 'postAcknowledged':
      return { from: event.rp, to: 'MCP' };
    case 'recordingIndexed':
      return { from: event.sch, to: 'SpeechMiner' };
    case 'takenOver':
    case 'partitionStarted':
    case 'partitionHealed':
      return local(event.node);
    case 'playbackRequested':
      return { from: 'User', to: 'Crypto Server' };
    case 'processCrashed':
    case 'processRestarted':
      if (isBackendNode(event.node)) return local(event.node);
      return recordingLifelines(event as RecordingEvent);
    default:
      return recordingLifelines(event);
  }
}
