/**
 * The declarations of the pipeline's events (pipeline.ts holds their guards and handlers): MCP's
 * POST reaching a Processor, the Processor's stages, Web Services and Cassandra, SpeechMiner.
 */
import { local } from '../kernel/tables.ts';
import type { Decls } from './context.ts';
import * as pipe from './pipeline.ts';

export const events: Decls<
  | 'metadataDelivered'
  | 'callDataAdded'
  | 'wsRequested'
  | 'replicaWritten'
  | 'wsAnswered'
  | 'wsRequestFailed'
  | 'smSubmitted'
  | 'postAcknowledged'
  | 'recordingIndexed'
> = {
  metadataDelivered: {
    kind: 'delivery',
    guard: pipe.deliverEnabled,
    handle: pipe.metadataDelivered,
    label: (e) => `MCP's metadata POST of ${e.seg} reaches ${e.rp}`,
    lifeline: (e) => ({ from: 'MCP', to: e.rp }),
  },
  callDataAdded: {
    kind: 'protocol',
    guard: pipe.stageIs('received'),
    handle: pipe.callDataAdded,
    label: (e) => `${e.rp} adds call data to ${e.seg}`,
    lifeline: (e) => local(e.rp),
  },
  wsRequested: {
    kind: 'protocol',
    guard: pipe.wsRequestEnabled,
    handle: pipe.wsRequested,
    label: (e) => `${e.rp} submits ${e.seg} to Web Services`,
    lifeline: (e) => ({ from: e.rp, to: 'Web Services' }),
  },
  replicaWritten: {
    kind: 'delivery',
    guard: pipe.replicaEnabled,
    handle: pipe.replicaWritten,
    label: (e) => `${e.node} writes the row of ${e.seg}`,
    lifeline: (e) => ({ from: 'Web Services', to: e.node }),
  },
  wsAnswered: {
    kind: 'protocol',
    guard: pipe.wsAnswerEnabled,
    handle: pipe.wsAnswered,
    label: (e) => `Web Services acknowledges ${e.seg} to ${e.rp}`,
    lifeline: (e) => ({ from: 'Web Services', to: e.rp }),
  },
  wsRequestFailed: {
    kind: 'protocol',
    guard: pipe.wsFailEnabled,
    handle: pipe.wsRequestFailed,
    label: (e) => `${e.rp}'s Web Services request for ${e.seg} fails; it will retry`,
    lifeline: (e) => ({ from: 'Web Services', to: e.rp }),
  },
  smSubmitted: {
    kind: 'protocol',
    guard: pipe.smSubmitEnabled,
    handle: pipe.smSubmitted,
    label: (e) => `${e.rp} submits ${e.seg} to a SpeechMiner Interaction Receiver`,
    lifeline: (e) => ({ from: e.rp, to: 'SpeechMiner' }),
  },
  postAcknowledged: {
    kind: 'protocol',
    guard: pipe.ackEnabled,
    handle: pipe.postAcknowledged,
    label: (e) => `${e.rp} acknowledges MCP's POST of ${e.seg}`,
    lifeline: (e) => ({ from: e.rp, to: 'MCP' }),
  },
  recordingIndexed: {
    kind: 'protocol',
    guard: pipe.indexEnabled,
    handle: pipe.recordingIndexed,
    label: (e) => `${e.sch} indexes ${e.seg}`,
    lifeline: (e) => ({ from: e.sch, to: 'SpeechMiner' }),
  },
};
