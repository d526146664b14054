import { describe, expect, it } from 'vitest';
import { configs, type RecordingConfig } from '../../model/recording/config.ts';
import type { RecordingEvent } from '../../model/recording/events.ts';
import { recording } from '../../model/recording/index.ts';
import { recordingParams, selectProfile } from '../../model/recording/selection.ts';
import { recordingProperties } from '../../properties/recording/index.ts';
import { runEvents } from '../helpers.ts';

const run = (events: RecordingEvent[], config: RecordingConfig = configs.small) =>
  runEvents(recording, config, recordingProperties(config), events);

/** Call c1 on sip1, answered and recorded, each SIP Server change synced to sip2. */
const recordedCall: RecordingEvent[] = [
  { type: 'callArrived', call: 'c1', server: 'sip1' },
  { type: 'syncDelivered', key: 'c1' },
  { type: 'callAnswered', call: 'c1', server: 'sip1' },
  { type: 'syncDelivered', key: 'c1' },
  { type: 'recordingRequested', call: 'c1', server: 'sip1' },
  { type: 'syncDelivered', key: 'c1' },
];

const mcp1FailsAndIsNoticed: RecordingEvent[] = [
  { type: 'processCrashed', node: 'mcp1' },
  { type: 'timeAdvanced' },
  { type: 'mcpFailureDetected', mcp: 'mcp1' },
];

const rm1FailsAndIsNoticed: RecordingEvent[] = [
  { type: 'processCrashed', node: 'rm1' },
  { type: 'timeAdvanced' },
  { type: 'rmFailureDetected', rm: 'rm1' },
];

const releaseWithBye: RecordingEvent[] = [
  { type: 'callReleased', call: 'c1', server: 'sip1' },
  { type: 'byeRouted', call: 'c1' },
];

describe('recording: MCP failure and re-recording (GIR "Media Control Platform")', () => {
  it('MCP crash mid-recording: RM notifies, SIP Server joins, then re-records on mcp2 with the same parameters', () => {
    const r = run([
      ...recordedCall,
      ...mcp1FailsAndIsNoticed,
      { type: 'endpointsJoined', call: 'c1' },
      { type: 'reRecordRequested', call: 'c1' },
    ]);
    expect(r.broken).toEqual([]);
    const c1 = r.final.calls.c1!;
    expect(c1.status).toBe('active');
    expect(c1.segments.map((s) => [s.mcp, s.state])).toEqual([
      ['mcp1', 'stored'],
      ['mcp2', 'open'],
    ]);
    expect(c1.segments[1]!.params).toBe(c1.segments[0]!.params);
    expect(r.states[9]!.calls.c1!.media).toBe('bridged');
    expect(r.states[10]!.calls.c1!.media).toBe('direct');
    expect(r.elapsedMs).toBe(configs.small.mcpDetectMs);
    expect(r.witnessed.has('recording.witness.rerecorded-on-another-mcp')).toBe(true);
  });

  it('should let no time pass between the notification and the re-record while SIP Server can act', () => {
    const r = run([...recordedCall, ...mcp1FailsAndIsNoticed]);
    const system = recording.bind(configs.small);
    expect(system.isEnabled(r.final, { type: 'timeAdvanced' })).toBe(false);
    expect(system.isEnabled(r.final, { type: 'reRecordRequested', call: 'c1' })).toBe(false);
    expect(system.isEnabled(r.final, { type: 'endpointsJoined', call: 'c1' })).toBe(true);
  });

  it('should store every segment and post its metadata once the call ends', () => {
    const r = run([
      ...recordedCall,
      ...mcp1FailsAndIsNoticed,
      { type: 'endpointsJoined', call: 'c1' },
      { type: 'reRecordRequested', call: 'c1' },
      ...releaseWithBye,
      { type: 'segmentStored', call: 'c1', segment: 1 },
      { type: 'metadataPosted', call: 'c1', segment: 1 },
      { type: 'processRestarted', node: 'mcp1' },
      { type: 'metadataPosted', call: 'c1', segment: 0 },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.calls.c1!.segments.map((s) => s.state)).toEqual(['posted', 'posted']);
    expect(r.witnessed.has('recording.witness.metadata-posted')).toBe(true);
  });

  it('should lose the open segment when the audio before the crash is not kept (A-9)', () => {
    const r = run([...recordedCall, ...mcp1FailsAndIsNoticed], configs['audio-lost']);
    expect(r.broken).toEqual([]);
    expect(r.final.calls.c1!.segments[0]!.state).toBe('lost');
  });

  it('should take the profile of the dialed number when the request names none, and keep it for the re-record', () => {
    const r = run(
      [
        ...recordedCall,
        ...mcp1FailsAndIsNoticed,
        { type: 'endpointsJoined', call: 'c1' },
        { type: 'reRecordRequested', call: 'c1' },
      ],
      configs['audio-lost'],
    );
    expect(r.broken).toEqual([]);
    expect(r.final.calls.c1!.segments.map((s) => s.params)).toEqual([
      'support|t1|disk:t1',
      'support|t1|disk:t1',
    ]);
  });

  it('no MCP available: SIP Server retries once, gives up, and the call goes on unrecorded', () => {
    const config = configs['active-standby'];
    const r = run(
      [
        ...recordedCall,
        { type: 'processCrashed', node: 'mcp1' },
        { type: 'processCrashed', node: 'mcp2' },
        { type: 'timeAdvanced' },
        { type: 'mcpFailureDetected', mcp: 'mcp1' },
        { type: 'mcpFailureDetected', mcp: 'mcp2' },
        { type: 'endpointsJoined', call: 'c1' },
        { type: 'reRecordRequested', call: 'c1' },
        { type: 'timeAdvanced' },
        { type: 'reRecordRequested', call: 'c1' },
      ],
      config,
    );
    expect(r.broken).toEqual([]);
    expect(r.states[13]!.calls.c1!.status).toBe('waiting');
    expect(r.final.calls.c1).toMatchObject({ status: 'failed', media: 'direct' });
    expect(r.final.sip.servers.sip1.table.c1).toBe('recording');
    expect(r.elapsedMs).toBe(config.mcpDetectMs + config.retryIntervalMs);
    expect(r.witnessed.has('recording.witness.no-mcp-available')).toBe(true);
  });
});

describe('recording: Resource Manager pair (GIR "Resource Manager")', () => {
  it('should give up re-recording when the RM in rotation died unnoticed just before the MCP failure is detected (A-8)', () => {
    const config = configs.default;
    const r = run(
      [
        { type: 'callArrived', call: 'c1', server: 'sip1' },
        { type: 'callAnswered', call: 'c1', server: 'sip1' },
        { type: 'recordingRequested', call: 'c1', server: 'sip1' },
        { type: 'processCrashed', node: 'mcp1' },
        { type: 'timeAdvanced' },
        { type: 'processCrashed', node: 'rm2' },
        { type: 'mcpFailureDetected', mcp: 'mcp1' },
        { type: 'endpointsJoined', call: 'c1' },
        { type: 'reRecordRequested', call: 'c1' },
        { type: 'timeAdvanced' },
        { type: 'reRecordRequested', call: 'c1' },
        { type: 'timeAdvanced' },
        { type: 'rmFailureDetected', rm: 'rm2' },
      ],
      config,
    );
    expect(r.broken).toEqual([]);
    expect(r.final.calls.c1).toMatchObject({ status: 'failed', media: 'direct' });
    expect(r.final.sip.servers.sip1.table.c1).toBe('recording');
    expect(r.elapsedMs).toBe(config.mcpDetectMs + config.rmDetectMs);
  });

  it('RM failover (active-standby): the standby takes the VIP and routes the in-dialog BYE to the same MCP', () => {
    const r = run([...recordedCall, ...rm1FailsAndIsNoticed, ...releaseWithBye]);
    expect(r.broken).toEqual([]);
    expect(r.states[9]!.rms.rm2).toMatchObject({ role: 'primary', serving: true });
    expect(r.final.calls.c1!.bye).toEqual({
      rm: 'rm2',
      session: `mcp1|${recordingParams(configs.small, 'c1')}`,
    });
    expect(r.elapsedMs).toBe(configs.small.rmDetectMs);
    expect([...r.witnessed]).toEqual(
      expect.arrayContaining([
        'recording.witness.standby-takes-over',
        'recording.witness.rm-failover-with-live-session',
        'recording.witness.bye-routed-by-survivor',
      ]),
    );
  });

  it('should spread new sessions over both RMs in active-active mode, round robin', () => {
    const config = configs.default;
    const r = run(
      [
        ...recordedCall,
        { type: 'callArrived', call: 'c2', server: 'sip1' },
        { type: 'callAnswered', call: 'c2', server: 'sip1' },
        { type: 'recordingRequested', call: 'c2', server: 'sip1' },
      ],
      config,
    );
    expect(r.broken).toEqual([]);
    expect(r.final.calls.c1!.anchor).toBe('rm1');
    expect(r.final.calls.c2!.anchor).toBe('rm2');
    expect(r.final.rms.rm1.table).toEqual(r.final.rms.rm2.table);
    expect(r.witnessed.has('recording.witness.both-rms-accept')).toBe(true);
  });

  it('should reject the BYE of a session that had not reached the survivor under replication lag', () => {
    const config = configs.lagged;
    const r = run([...recordedCall, ...rm1FailsAndIsNoticed, ...releaseWithBye], config);
    expect(r.broken).toEqual([]);
    expect(r.final.calls.c1!.bye).toEqual({ rm: 'rm2', session: 'none' });
    expect(r.witnessed.has('recording.witness.affinity-lost-under-lag')).toBe(true);
  });

  it("should select the IVR Profile by parameter, then dialed number, then the tenant's default", () => {
    const config = configs.default;
    expect(selectProfile(config, 0)).toBe('sales');
    // Call 2 names a profile of another tenant: RM falls back to its own tenant's default.
    expect(selectProfile(config, 1)).toBe('t2default');
    const byNumber = {
      ...config,
      requests: [{ tenant: 't1', profileParameter: null, dialedNumber: '5550100' }],
    };
    expect(selectProfile(byNumber, 0)).toBe('support');
  });
});

describe('recording: the SIP Server pair inside the recording path (GIR "SIP Server")', () => {
  it('should keep an established recording session through a SIP Server failover', () => {
    const r = run([
      ...recordedCall,
      { type: 'hostCrashed', node: 'sip1' },
      { type: 'timeAdvanced' },
      { type: 'lcaLossDetected', node: 'sip1' },
      { type: 'switchoverPerformed', node: 'sip2' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.sip.servers.sip2).toMatchObject({ role: 'primary', vip: true });
    expect(r.final.calls.c1).toEqual(r.states[6]!.calls.c1);
    expect(r.witnessed.has('recording.witness.sip-failover-while-recording')).toBe(true);
  });

  it('should end the recording of a call the new primary never heard of', () => {
    const r = run([
      { type: 'callArrived', call: 'c1', server: 'sip1' },
      { type: 'callAnswered', call: 'c1', server: 'sip1' },
      { type: 'recordingRequested', call: 'c1', server: 'sip1' },
      { type: 'processCrashed', node: 'sip1' },
      { type: 'switchoverPerformed', node: 'sip2' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.calls.c1).toMatchObject({ status: 'done', media: 'none' });
    expect(r.final.calls.c1!.segments[0]!.state).toBe('closed');
  });
});
