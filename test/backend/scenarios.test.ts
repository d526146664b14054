import { describe, expect, it } from 'vitest';
import { type BackendConfig, configs, validate } from '../../model/backend/config.ts';
import type { BackendEvent } from '../../model/backend/events.ts';
import { backend } from '../../model/backend/index.ts';
import { ConfigError } from '../../model/kernel/model.ts';
import { backendProperties } from '../../properties/backend/index.ts';
import { runEvents } from '../helpers.ts';
import { processorAndWebServicesFail, recordedAndPosted } from './stories.ts';

const run = (events: BackendEvent[], config: BackendConfig = configs.default) =>
  runEvents(backend, config, backendProperties(config), events);

const seg = 'c1.0';

describe('backend: a recorded call flows to Web Services and SpeechMiner (GIR "High Availability")', () => {
  it('reaches Web Services once and SpeechMiner once while ws1 and then rp1 fail mid-way', () => {
    const r = run(processorAndWebServicesFail);
    expect(r.broken).toEqual([]);
    const s = r.final;
    expect(s.rec.calls.c1!.segments.map((x) => x.state)).toEqual(['posted']);
    expect(s.outbox).toEqual({});
    expect(s.wsRecords[seg]).toBe(1);
    expect(s.smEntries[seg]).toBe(1);
    expect(s.indexed[seg]).toBe(true);
    expect(s.replicas[seg]).toEqual({ cass1: 'written', cass2: 'written', cass3: 'pending' });
    expect(s.playback).toEqual({ seg, ui: 'ui1', rcs: 'rcs1', key: 'k-sales' });
    expect(r.witnessed.has('backend.witness.web-services-request-retried')).toBe(true);
    expect(r.witnessed.has('backend.witness.post-retried-after-processor-crash')).toBe(true);
    expect(r.witnessed.has('backend.witness.recording-indexed')).toBe(true);
  });

  it('posts the metadata only after the storage write succeeds, even after a failed write', () => {
    const failedWrite: BackendEvent[] = [
      ...recordedAndPosted.slice(0, 8),
      { type: 'storageWriteFailed', seg },
    ];
    const s = run(failedWrite).final;
    expect(
      backend
        .bind(configs.default)
        .isEnabled(s, { type: 'metadataPosted', call: 'c1', segment: 0 }),
    ).toBe(false);
    const r = run([...failedWrite, ...recordedAndPosted.slice(8)]);
    expect(r.broken).toEqual([]);
    expect(r.witnessed.has('backend.witness.storage-write-retried')).toBe(true);
  });

  it('decrypts on rcs2 with the key of the IVR Profile that recorded the call while rcs1 is down', () => {
    const r = run(
      [
        ...processorAndWebServicesFail.slice(0, -1),
        { type: 'processCrashed', node: 'rcs1' },
        { type: 'playbackRequested', seg },
      ],
      { ...configs.default, faultBudget: 3 },
    );
    expect(r.broken).toEqual([]);
    expect(r.final.playback).toEqual({ seg, ui: 'ui1', rcs: 'rcs2', key: 'k-sales' });
  });

  it('lets the standby Scheduler take over 10 s after the active one fails, and the older one step down after a partition', () => {
    const r = run(
      [
        { type: 'processCrashed', node: 'sch1' },
        { type: 'timeAdvanced' },
        { type: 'takenOver', node: 'sch2' },
        { type: 'processRestarted', node: 'sch1' },
      ],
      configs['active-backup'],
    );
    expect(r.broken).toEqual([]);
    expect(r.elapsedMs).toBe(configs.default.takeoverMs);
    expect(r.final.schedulers.sch1.role).toBe('standby');
    expect(r.final.schedulers.sch2.role).toBe('active');
    const p = run(
      [
        { type: 'partitionStarted', node: 'rp1' },
        { type: 'timeAdvanced' },
        { type: 'takenOver', node: 'rp2' },
        { type: 'partitionHealed', node: 'rp1' },
      ],
      configs['active-backup'],
    );
    expect(p.broken).toEqual([]);
    expect(p.states[3]!.processors.rp1.role).toBe('active');
    expect(p.states[3]!.processors.rp2.role).toBe('active');
    expect(p.final.processors.rp1.role).toBe('standby');
    expect(p.final.processors.rp2.role).toBe('active');
  });

  it('acknowledges a row at quorum with one Cassandra node down, and it stays readable', () => {
    const r = run([
      ...recordedAndPosted,
      { type: 'processCrashed', node: 'cass3' },
      { type: 'metadataDelivered', seg, rp: 'rp1' },
      { type: 'callDataAdded', rp: 'rp1', seg },
      { type: 'wsRequested', rp: 'rp1', seg },
      { type: 'replicaWritten', node: 'cass1', seg },
      { type: 'replicaWritten', node: 'cass2', seg },
      { type: 'wsAnswered', rp: 'rp1', seg },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.acked[seg]).toBe(true);
    expect(r.witnessed.has('backend.witness.write-acknowledged-with-a-node-down')).toBe(true);
  });
});

describe('backend: the configuration check', () => {
  const bad = (patch: Record<string, unknown>) => () => validate({ ...configs.default, ...patch });

  it('rejects SpeechMiner machines that map different UNC paths, naming both (GIR-SM-5)', () => {
    const machines = [
      { name: 'sm-ui', uncPath: '\\\\nas1\\speechminer' },
      { name: 'sm-receiver', uncPath: '\\\\nas2\\speechminer' },
    ];
    expect(bad({ speechMiner: machines })).toThrow(ConfigError);
    expect(bad({ speechMiner: machines })).toThrow(
      /same UNC path: sm-ui maps \\\\nas1\\speechminer, sm-receiver maps \\\\nas2\\speechminer/,
    );
    expect(bad({ speechMiner: [{ name: 'sm', uncPath: 'D:\\rec' }] })).toThrow(/UNC path/);
  });

  it('rejects a key store that lacks a profile key or gives it to another tenant', () => {
    expect(bad({ keystore: { 'k-sales': 't1', 'k-support': 't1', 'k-t1': 't1' } })).toThrow(
      /key 'k-t2' of IVR Profile 't2default' is not in the Crypto Server key store/,
    );
    expect(
      bad({ keystore: { 'k-sales': 't2', 'k-support': 't1', 'k-t1': 't1', 'k-t2': 't2' } }),
    ).toThrow(/belongs to t2, not to t1/);
  });

  it('rejects a replication factor above the node count, and unknown fields', () => {
    expect(bad({ replicationFactor: 4 })).toThrow(/must not exceed 'cassandraNodes'/);
    expect(bad({ consistency: 'two' })).toThrow(/one of one, quorum, all/);
    expect(bad({ replicas: 3 })).toThrow(/unknown field 'replicas'/);
  });

  it('accepts every named config', () => {
    for (const c of Object.values(configs)) expect(validate(c)).toEqual(c);
  });
});
