/**
 * Witnesses: transitions some run must reach, or the properties they accompany are vacuous.
 * Every takeover and every retry of the back end has one.
 */
import type { BackendEvent } from '../../model/backend/events.ts';
import { type BackendState, segKey } from '../../model/backend/state.ts';
import type { Witness } from '../engine/property.ts';

type W = Witness<BackendState, BackendEvent>;

export const processorTakeover: W = {
  id: 'backend.witness.processor-takeover',
  kind: 'witness',
  clauses: ['GIR-RP-1'],
  statement:
    'In active-backup mode the backup Recording Processor takes over from a failed active.',
  reached: (_b, e) => e.type === 'takenOver' && (e.node === 'rp1' || e.node === 'rp2'),
};

/**
 * The exemption of backend.single-active-processor is reachable: a partition cuts the active
 * Processor off and the backup, seeing no active, takes over, so that both are active.
 */
export const processorSplit: W = {
  id: 'backend.witness.processor-split',
  kind: 'witness',
  clauses: ['GIR-RP-1'],
  statement:
    'In active-backup mode a partition cuts a Recording Processor off and both end up active.',
  reached: (_b, _e, after) =>
    (after.processors.rp1.cut || after.processors.rp2.cut) &&
    after.processors.rp1.role === 'active' &&
    after.processors.rp2.role === 'active',
};

/** A crashed member of a standby pair comes back and is running again. */
export const memberRestarted: W = {
  id: 'backend.witness.member-restarted',
  kind: 'witness',
  clauses: ['GIR-RP-1', 'GIR-SM-4'],
  statement: 'A crashed Recording Processor or Scheduler restarts and is running again.',
  reached: (before, e, after) => {
    if (e.type !== 'processRestarted') return false;
    const pair: Readonly<Record<string, { readonly process: 'up' | 'down' }>> | undefined =
      e.node === 'rp1' || e.node === 'rp2'
        ? before.processors
        : e.node === 'sch1' || e.node === 'sch2'
          ? before.schedulers
          : undefined;
    const now: Readonly<Record<string, { readonly process: 'up' | 'down' }>> | undefined =
      pair === undefined
        ? undefined
        : pair === before.processors
          ? after.processors
          : after.schedulers;
    return pair?.[e.node]?.process === 'down' && now?.[e.node]?.process === 'up';
  },
};

export const schedulerTakeover: W = {
  id: 'backend.witness.scheduler-takeover',
  kind: 'witness',
  clauses: ['GIR-SM-4'],
  statement: 'The standby Scheduler task takes over after the active one failed.',
  reached: (_b, e) => e.type === 'takenOver' && (e.node === 'sch1' || e.node === 'sch2'),
};

export const retriedAfterProcessorCrash: W = {
  id: 'backend.witness.post-retried-after-processor-crash',
  kind: 'witness',
  clauses: ['GIR-RP-1', 'GIR-RP-2'],
  statement:
    'MCP posts a segment again after the Processor handling it crashed part-way, and the other Processor takes the work over.',
  reached: (before, e) =>
    e.type === 'metadataDelivered' &&
    before.wsRecords[e.seg] !== undefined &&
    before.processors[e.rp === 'rp1' ? 'rp2' : 'rp1'].process === 'down',
};

export const wsRequestRetried: W = {
  id: 'backend.witness.web-services-request-retried',
  kind: 'witness',
  clauses: ['GIR-WS-1'],
  statement:
    'A Web Services request breaks with its node (or its row cannot reach enough replicas), and the Processor sends it again.',
  reached: (before, e) =>
    e.type === 'wsRequested' &&
    before.wsRecords[e.seg] !== undefined &&
    before.acked[e.seg] !== true,
};

export const storageWriteRetried: W = {
  id: 'backend.witness.storage-write-retried',
  kind: 'witness',
  clauses: ['GIR-SCALE-5'],
  statement: 'A storage write attempt fails and MCP writes the segment again (its metadata waits).',
  reached: (before, e) =>
    e.type === 'segmentStored' && before.writeFailed[segKey(e.call, e.segment)] === true,
};

export const ackedWithNodeDown: W = {
  id: 'backend.witness.write-acknowledged-with-a-node-down',
  kind: 'witness',
  clauses: ['GIR-WS-1'],
  statement: 'Web Services acknowledges a row while a Cassandra node is down.',
  reached: (before, e) =>
    e.type === 'wsAnswered' &&
    Object.keys(before.cassandra).some((n) => before.cassandra[n as never] === 'down'),
};

export const playbackOnSecondCrypto: W = {
  id: 'backend.witness.playback-with-one-crypto-server',
  kind: 'witness',
  clauses: ['GIR-RCS-1'],
  statement: 'A recording is played back through rcs2 while rcs1 is down.',
  reached: (_b, e, after) => e.type === 'playbackRequested' && after.playback?.rcs === 'rcs2',
};

export const indexedEndToEnd: W = {
  id: 'backend.witness.recording-indexed',
  kind: 'witness',
  clauses: ['GIR-SM-1'],
  statement:
    'A recorded call goes the whole way: stored, posted, in Web Services, and indexed by the SpeechMiner Scheduler.',
  reached: (before, e) => e.type === 'recordingIndexed' && before.acked[e.seg] === true,
};
