/** Event lists of the back end's documented scenarios, shared by its tests and saved traces. */
import type { BackendEvent } from '../../model/backend/events.ts';

/** Call c1 recorded on mcp1, released, its one segment written to S3 and its metadata posted. */
export const recordedAndPosted: BackendEvent[] = [
  { type: 'callArrived', call: 'c1', server: 'sip1' },
  { type: 'syncDelivered', key: 'c1' },
  { type: 'callAnswered', call: 'c1', server: 'sip1' },
  { type: 'syncDelivered', key: 'c1' },
  { type: 'recordingRequested', call: 'c1', server: 'sip1' },
  { type: 'syncDelivered', key: 'c1' },
  { type: 'callReleased', call: 'c1', server: 'sip1' },
  { type: 'byeRouted', call: 'c1' },
  { type: 'segmentStored', call: 'c1', segment: 0 },
  { type: 'metadataPosted', call: 'c1', segment: 0 },
];

const seg = 'c1.0';

/** The good story: the metadata reaches Web Services and SpeechMiner while ws1 and rp1 fail. */
export const processorAndWebServicesFail: BackendEvent[] = [
  ...recordedAndPosted,
  { type: 'metadataDelivered', seg, rp: 'rp1' },
  { type: 'callDataAdded', rp: 'rp1', seg },
  { type: 'wsRequested', rp: 'rp1', seg },
  { type: 'processCrashed', node: 'ws1' },
  { type: 'wsRequested', rp: 'rp1', seg },
  { type: 'replicaWritten', node: 'cass1', seg },
  { type: 'replicaWritten', node: 'cass2', seg },
  { type: 'wsAnswered', rp: 'rp1', seg },
  { type: 'processCrashed', node: 'rp1' },
  { type: 'metadataDelivered', seg, rp: 'rp2' },
  { type: 'callDataAdded', rp: 'rp2', seg },
  { type: 'wsRequested', rp: 'rp2', seg },
  { type: 'wsAnswered', rp: 'rp2', seg },
  { type: 'smSubmitted', rp: 'rp2', seg },
  { type: 'postAcknowledged', rp: 'rp2', seg },
  { type: 'recordingIndexed', sch: 'sch1', seg },
  { type: 'playbackRequested', seg },
];
