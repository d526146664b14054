import type {
  PartitionHealed,
  PartitionStarted,
  ProcessCrashed,
  ProcessRestarted,
} from '../kernel/faults.ts';
import type { EventKind } from '../kernel/model.ts';
import {
  describe as describeRecording,
  kindOf as kindOfRecording,
  type RecordingEvent,
  vocabulary as recordingVocabulary,
} from '../recording/events.ts';
import { callIds } from '../sip-ha/events.ts';
import type { BackendConfig } from './config.ts';
import {
  type BackendNode,
  type CassId,
  CRYPTO_SERVERS,
  nodeIds,
  PROCESSORS,
  type RpId,
  SCHEDULERS,
  type SchId,
  type SegKey,
  segKey,
} from './state.ts';

/** The back end's own events; the recording path's events are the rest of the vocabulary. */
export type OwnEvent =
  | { readonly type: 'storageWriteFailed'; readonly seg: SegKey }
  | { readonly type: 'metadataDelivered'; readonly seg: SegKey; readonly rp: RpId }
  | { readonly type: 'callDataAdded'; readonly rp: RpId; readonly seg: SegKey }
  | { readonly type: 'wsRequested'; readonly rp: RpId; readonly seg: SegKey }
  | { readonly type: 'replicaWritten'; readonly node: CassId; readonly seg: SegKey }
  | { readonly type: 'wsAnswered'; readonly rp: RpId; readonly seg: SegKey }
  | { readonly type: 'wsRequestFailed'; readonly rp: RpId; readonly seg: SegKey }
  | { readonly type: 'smSubmitted'; readonly rp: RpId; readonly seg: SegKey }
  | { readonly type: 'postAcknowledged'; readonly rp: RpId; readonly seg: SegKey }
  | { readonly type: 'recordingIndexed'; readonly sch: SchId; readonly seg: SegKey }
  | { readonly type: 'takenOver'; readonly node: RpId | SchId }
  | { readonly type: 'playbackRequested'; readonly seg: SegKey }
  | ProcessCrashed<BackendNode>
  | ProcessRestarted<BackendNode>
  | PartitionStarted<RpId | SchId>
  | PartitionHealed<RpId | SchId>;

export type BackendEvent = RecordingEvent | OwnEvent;
export type BackendEventType = BackendEvent['type'];

/** Every segment a configuration can produce: per call, its first and one per MCP crash. */
export function segmentKeys(config: BackendConfig): SegKey[] {
  return callIds(config.recording.sip).flatMap((call) =>
    Array.from({ length: config.recording.faultBudget + 1 }, (_, i) => segKey(call, i)),
  );
}

export function backendNodes(config: BackendConfig): BackendNode[] {
  return [
    ...PROCESSORS,
    ...nodeIds('ws', config.webServices),
    ...nodeIds('cass', config.cassandraNodes),
    ...nodeIds('ir', config.receivers),
    ...SCHEDULERS,
    ...nodeIds('ui', config.uiInstances),
    ...CRYPTO_SERVERS,
  ];
}

const BACKEND_PREFIXES = ['rp', 'ws', 'cass', 'ir', 'sch', 'ui', 'rcs'];

export function isBackendNode(node: string): node is BackendNode {
  // The recording path's nodes (sip, rm, mcp) start with none of these.
  return BACKEND_PREFIXES.some((p) => node.startsWith(p));
}

/** The recording path's vocabulary, then the back end's, in a fixed order. */
export function vocabulary(config: BackendConfig): BackendEvent[] {
  const segs = segmentKeys(config);
  const events: BackendEvent[] = recordingVocabulary(config.recording);
  for (const seg of segs) {
    events.push({ type: 'storageWriteFailed', seg });
    for (const rp of PROCESSORS) {
      events.push({ type: 'metadataDelivered', seg, rp });
      events.push({ type: 'callDataAdded', rp, seg }, { type: 'wsRequested', rp, seg });
      events.push({ type: 'wsAnswered', rp, seg }, { type: 'wsRequestFailed', rp, seg });
      events.push({ type: 'smSubmitted', rp, seg }, { type: 'postAcknowledged', rp, seg });
    }
    for (const node of nodeIds('cass', config.cassandraNodes))
      events.push({ type: 'replicaWritten', node, seg });
    for (const sch of SCHEDULERS) events.push({ type: 'recordingIndexed', sch, seg });
    events.push({ type: 'playbackRequested', seg });
  }
  if (config.processorMode === 'active-backup')
    for (const node of PROCESSORS) events.push({ type: 'takenOver', node });
  for (const node of SCHEDULERS) events.push({ type: 'takenOver', node });
  for (const node of backendNodes(config)) {
    events.push({ type: 'processCrashed', node }, { type: 'processRestarted', node });
  }
  if (config.partitions) {
    const cut: (RpId | SchId)[] =
      config.processorMode === 'active-backup' ? ['rp1', 'sch1'] : ['sch1'];
    for (const node of cut)
      events.push({ type: 'partitionStarted', node }, { type: 'partitionHealed', node });
  }
  return events;
}

/** An event of the back end's own (not one of the recording path's, run on its sub-state). */
export function isOwn(event: BackendEvent): event is OwnEvent {
  switch (event.type) {
    case 'processCrashed':
    case 'processRestarted':
      return isBackendNode(event.node);
    default:
      return OWN_TYPES.has(event.type);
  }
}

const OWN_TYPES: ReadonlySet<string> = new Set([
  'storageWriteFailed',
  'metadataDelivered',
  'callDataAdded',
  'wsRequested',
  'replicaWritten',
  'wsAnswered',
  'wsRequestFailed',
  'smSubmitted',
  'postAcknowledged',
  'recordingIndexed',
  'takenOver',
  'playbackRequested',
  'partitionStarted',
  'partitionHealed',
]);

export function kindOf(event: BackendEvent): EventKind {
  if (!isOwn(event)) return kindOfRecording(event as RecordingEvent);
  switch (event.type) {
    case 'playbackRequested':
      return 'traffic';
    case 'callDataAdded':
    case 'wsRequested':
    case 'wsAnswered':
    case 'wsRequestFailed':
    case 'smSubmitted':
    case 'postAcknowledged':
    case 'recordingIndexed':
    case 'takenOver':
      return 'protocol';
    case 'metadataDelivered':
    case 'replicaWritten':
      return 'delivery';
    case 'storageWriteFailed':
    case 'processCrashed':
    case 'partitionStarted':
      return 'fault';
    case 'processRestarted':
    case 'partitionHealed':
      return 'repair';
  }
}

// Stryker disable all: the label of an event in stories, step tables and diagrams; no property reads it
export function describe(event: BackendEvent): string {
  if (!isOwn(event)) return describeRecording(event as RecordingEvent);
  switch (event.type) {
    case 'storageWriteFailed':
      return `the storage write of segment ${event.seg} fails (MCP keeps the file)`;
    case 'metadataDelivered':
      return `MCP's metadata POST of ${event.seg} reaches ${event.rp}`;
    case 'callDataAdded':
      return `${event.rp} adds call data to ${event.seg}`;
    case 'wsRequested':
      return `${event.rp} submits ${event.seg} to Web Services`;
    case 'replicaWritten':
      return `${event.node} writes the row of ${event.seg}`;
    case 'wsAnswered':
      return `Web Services acknowledges ${event.seg} to ${event.rp}`;
    case 'wsRequestFailed':
      return `${event.rp}'s Web Services request for ${event.seg} fails; it will retry`;
    case 'smSubmitted':
      return `${event.rp} submits ${event.seg} to a SpeechMiner Interaction Receiver`;
    case 'postAcknowledged':
      return `${event.rp} acknowledges MCP's POST of ${event.seg}`;
    case 'recordingIndexed':
      return `${event.sch} indexes ${event.seg}`;
    case 'takenOver':
      return `standby ${event.node} takes over as active`;
    case 'playbackRequested':
      return `a user plays back ${event.seg}`;
    case 'processCrashed':
      return `${event.node} process crashes`;
    case 'processRestarted':
      return `${event.node} process restarts`;
    case 'partitionStarted':
      return `${event.node} is cut from its peer`;
    case 'partitionHealed':
      return `the partition of ${event.node} heals`;
  }
}
// Stryker restore all
