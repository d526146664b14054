import type {
  PartitionHealed,
  PartitionStarted,
  ProcessCrashed,
  ProcessRestarted,
} from '../kernel/faults.ts';
import { type RecordingEvent, vocabulary as recordingVocabulary } from '../recording/events.ts';
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
