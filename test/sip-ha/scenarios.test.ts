import { describe, expect, it } from 'vitest';
import { configs } from '../../model/sip-ha/config.ts';
import type { SipHaEvent } from '../../model/sip-ha/events.ts';
import { sipHa } from '../../model/sip-ha/index.ts';
import { sipHaProperties } from '../../properties/sip-ha/index.ts';
import { runEvents } from '../helpers.ts';

const config = configs.default;
const properties = sipHaProperties(config);
const run = (events: SipHaEvent[], cfg = config) =>
  runEvents(sipHa, cfg, sipHaProperties(cfg), events);

/** A call on sip1 driven to a recorded, fully synced state. */
const recordedCall: SipHaEvent[] = [
  { type: 'callArrived', call: 'c1', server: 'sip1' },
  { type: 'syncDelivered', key: 'c1' },
  { type: 'callAnswered', call: 'c1', server: 'sip1' },
  { type: 'syncDelivered', key: 'c1' },
  { type: 'recordingStarted', call: 'c1', server: 'sip1' },
  { type: 'syncDelivered', key: 'c1' },
];

describe('sip-ha: documented failover scenarios', () => {
  it('should keep an established recorded call when the primary host crashes: ADDP detection, then the backup takes over', () => {
    const r = run([
      ...recordedCall,
      { type: 'hostCrashed', node: 'sip1' },
      { type: 'timeAdvanced' },
      { type: 'lcaLossDetected', node: 'sip1' },
      { type: 'switchoverPerformed', node: 'sip2' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.servers.sip2).toMatchObject({ role: 'primary', vip: true });
    expect(r.final.servers.sip2.table.c1).toBe('recording');
    expect(r.elapsedMs).toBe(2 * config.addpTimeoutMs);
    expect(r.witnessed.has('sip-ha.witness.failover-with-live-calls')).toBe(true);
  });

  it('should fail over at once on a process crash, because the LCA on the same host reports it', () => {
    const r = run([
      ...recordedCall,
      { type: 'processCrashed', node: 'sip1' },
      { type: 'switchoverPerformed', node: 'sip2' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.elapsedMs).toBe(0);
    expect(r.final.servers.sip2.table.c1).toBe('recording');
  });

  it('should lose an in-setup call whose sync was not delivered: the "minimal loss" is reachable', () => {
    const r = run([
      { type: 'callArrived', call: 'c1', server: 'sip1' },
      { type: 'processCrashed', node: 'sip1' },
      { type: 'switchoverPerformed', node: 'sip2' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.servers.sip2.table.c1).toBe('idle');
    expect(r.witnessed.has('sip-ha.witness.call-lost-in-failover')).toBe(true);
  });

  it('should treat a failover before the restarted backup is resynced as a double failure', () => {
    const r = run([
      { type: 'callArrived', call: 'c1', server: 'sip1' },
      { type: 'syncDelivered', key: 'c1' },
      { type: 'callAnswered', call: 'c1', server: 'sip1' },
      { type: 'syncDelivered', key: 'c1' },
      { type: 'processCrashed', node: 'sip2' },
      { type: 'processRestarted', node: 'sip2' },
      { type: 'serverInitialized', node: 'sip2' },
      { type: 'haLinkConnected' },
      { type: 'processCrashed', node: 'sip1' },
      { type: 'switchoverPerformed', node: 'sip2' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.witnessed.has('sip-ha.witness.double-failure')).toBe(true);
    expect(r.final.servers.sip2.table.c1).toBe('idle');
  });
});

describe('sip-ha: partitions and the Management Layer', () => {
  const partitionThenFailover: SipHaEvent[] = [
    { type: 'partitionStarted', node: 'sip1' },
    { type: 'timeAdvanced' },
    { type: 'lcaLossDetected', node: 'sip1' },
    { type: 'switchoverPerformed', node: 'sip2' },
  ];

  it('should let the cut-off old primary keep its VIP (split brain) until the heal, then demote it', () => {
    const r = run([
      ...partitionThenFailover,
      { type: 'partitionHealed', node: 'sip1' },
      { type: 'splitBrainResolved' },
    ]);
    expect(r.broken).toEqual([]);
    const split = r.states[4]!;
    expect(split.servers.sip1).toMatchObject({ role: 'primary', vip: true });
    expect(split.servers.sip2).toMatchObject({ role: 'primary', vip: true });
    expect(r.states[5]!.scs.reconcile).toBe(true);
    expect(r.final.servers.sip1).toMatchObject({ role: 'backup', vip: false });
    expect(r.witnessed.has('sip-ha.witness.split-brain')).toBe(true);
  });

  it('should fence the old primary at the switchover when fencing is on', () => {
    const r = run(partitionThenFailover, configs.fencing);
    expect(r.broken).toEqual([]);
    expect(r.final.servers.sip1).toMatchObject({ role: 'backup', vip: false });
  });

  it('should not switch over when the partition heals before the disconnect-switchover re-check', () => {
    const r = run(
      [
        { type: 'partitionStarted', node: 'sip1' },
        { type: 'timeAdvanced' },
        { type: 'lcaLossDetected', node: 'sip1' },
        { type: 'partitionHealed', node: 'sip1' },
        { type: 'timeAdvanced' },
        { type: 'lcaRechecked', node: 'sip1' },
      ],
      configs.recheck,
    );
    expect(r.broken).toEqual([]);
    expect(r.final.scs.lca.sip1).toBe('connected');
    expect(r.final.servers.sip1.role).toBe('primary');
    expect(
      sipHa.bind(configs.recheck).isEnabled(r.final, { type: 'switchoverPerformed', node: 'sip2' }),
    ).toBe(false);
  });

  it('should switch a synchronized pair over on request without losing calls or agent states', () => {
    const r = run([
      ...recordedCall,
      { type: 'agentStateChanged', agent: 'a1', to: 'ready', server: 'sip1' },
      { type: 'syncDelivered', key: 'a1' },
      { type: 'switchoverRequested' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.servers.sip2).toMatchObject({ role: 'primary', vip: true });
    expect(r.final.servers.sip2.table).toMatchObject({ c1: 'recording', a1: 'ready' });
    expect(r.final.link.connected).toBe(true);
  });

  it('should refuse a manual switchover while a sync is still in flight', () => {
    const system = sipHa.bind(config);
    const r = run([{ type: 'callArrived', call: 'c1', server: 'sip1' }]);
    expect(system.isEnabled(r.final, { type: 'switchoverRequested' })).toBe(false);
    expect(properties.length).toBeGreaterThan(0);
  });
});
