/**
 * Witnesses: transitions some run must reach, or the properties they accompany are vacuous.
 * Clauses: GIR-RM-1/2/3, GIR-MCP-4/5, GIR-SCALE-2/5; A-1 (each RM mode), A-3 (lag), A-8.
 */
import type { RecordingConfig } from '../../model/recording/config.ts';
import type { RecordingEvent } from '../../model/recording/events.ts';
import { type RecordingState, RMS, recordOf } from '../../model/recording/state.ts';
import type { Witness } from '../engine/property.ts';
import { callsOf, newSegments } from './common.ts';

type W = Witness<RecordingState, RecordingEvent>;

/**
 * Excludes: a vacuous pass of survivor-accepts-requests and in-dialog-affinity (no RM ever fails under a live session).
 * Shown by: none (a witness; the tests require it reached in every checked config that lists it).
 */
export const rmFailoverWithLiveSession: W = {
  id: 'recording.witness.rm-failover-with-live-session',
  kind: 'witness',
  clauses: ['GIR-RM-2'],
  statement: 'Some RM failure is detected while a call is being recorded.',
  // Read from the RM pair's state: a dead RM leaves SIP Server's rotation while a call records.
  reached: (before, _e, after) =>
    RMS.some(
      (rm) => before.rms[rm].serving && !after.rms[rm].serving && before.rms[rm].process === 'down',
    ) && callsOf(before).some((c) => recordOf(before.calls, c).status === 'active'),
};

/**
 * Excludes: a vacuous pass of in-dialog-affinity (no BYE ever routed by the survivor).
 * Shown by: none (a witness; the tests require it reached in every checked config that lists it).
 */
export const byeRoutedBySurvivor: W = {
  id: 'recording.witness.bye-routed-by-survivor',
  kind: 'witness',
  clauses: ['GIR-RM-3'],
  statement:
    'Some BYE is routed to its MCP by the RM that did not accept the session, after the one that did has failed.',
  // Read from the ghost BYE record, the step it appears.
  reached: (before, _e, after) =>
    callsOf(after).some((c) => {
      const bye = recordOf(after.calls, c).bye;
      return (
        bye !== undefined &&
        recordOf(before.calls, c).bye === undefined &&
        bye.rm !== recordOf(before.calls, c).anchor &&
        bye.session !== 'none'
      );
    }),
};

/**
 * Excludes: a vacuous pass of rerecorded-within-bound, same-parameters and gap-within-bound (no call ever recorded again).
 * Shown by: none (a witness; the tests require it reached in every checked config that lists it).
 */
export const reRecordedOnAnotherMcp: W = {
  id: 'recording.witness.rerecorded-on-another-mcp',
  kind: 'witness',
  clauses: ['GIR-MCP-4', 'GIR-MCP-5'],
  statement: 'Some call is recorded again, after an MCP failure, on another MCP.',
  reached: (before, _e, after) =>
    newSegments(before, after).some(
      (s) =>
        s.previous !== undefined && s.previous.mcp !== s.segment.mcp && s.segment.state === 'open',
    ),
};

/**
 * Excludes: a vacuous pass of the A-8 path (retry, give up) of rerecorded-within-bound and call-survives-mcp-failure.
 * Shown by: none (a witness; the tests require it reached in every checked config that lists it).
 */
export const noMcpAvailable: W = {
  id: 'recording.witness.no-mcp-available',
  kind: 'witness',
  clauses: ['GIR-MCP-4'],
  statement:
    'Some re-record request finds no MCP RM believes up: SIP Server retries or gives up, and the call goes on.',
  // Read from the client's state: a joined call's request failed while RM believed no MCP up.
  reached: (before, _e, after) =>
    Object.values(before.mcpView).every((v) => v === 'down') &&
    callsOf(after).some(
      (c) =>
        recordOf(before.calls, c).status === 'joined' &&
        ['waiting', 'failed'].includes(recordOf(after.calls, c).status),
    ),
};

/**
 * Excludes: a vacuous pass of the storage clause GIR-SCALE-5 (no segment ever stored and posted).
 * Shown by: none (a witness; the tests require it reached in every checked config that lists it).
 */
export const metadataPosted: W = {
  id: 'recording.witness.metadata-posted',
  kind: 'witness',
  clauses: ['GIR-SCALE-5'],
  statement:
    "Some finished segment is written to the deployment's storage and its metadata posted.",
  // Read from the segments: one of them becomes posted (only a stored segment can be).
  reached: (before, _e, after) =>
    callsOf(after).some((c) =>
      recordOf(after.calls, c).segments.some(
        (seg, i) =>
          seg.state === 'posted' && recordOf(before.calls, c).segments[i]?.state === 'stored',
      ),
    ),
};

/**
 * Excludes: a vacuous pass of survivor-accepts-requests in active-standby (no takeover ever happens).
 * Shown by: none (a witness; the tests require it reached in every checked config that lists it).
 */
export const standbyTakesOver: W = {
  id: 'recording.witness.standby-takes-over',
  kind: 'witness',
  clauses: ['GIR-RM-1', 'GIR-RM-2'],
  statement: 'Active-standby: some failure of the active RM makes the standby take the Virtual IP.',
  reached: (before, _e, after) =>
    RMS.some((rm) => !before.rms[rm].serving && after.rms[rm].serving),
};

/**
 * Excludes: a vacuous pass of the active-active mode (rm2 never accepts while rm1 serves).
 * Shown by: none (a witness; the tests require it reached in every checked config that lists it).
 */
export const bothRmsAccept: W = {
  id: 'recording.witness.both-rms-accept',
  kind: 'witness',
  clauses: ['GIR-RM-1', 'GIR-SCALE-2'],
  statement:
    'Active-active: some recording session is accepted by rm2 while rm1 is also up and in rotation.',
  reached: (before, _e, after) =>
    before.rms.rm1.process === 'up' &&
    before.rms.rm1.serving &&
    newSegments(before, after).some((s) => recordOf(after.calls, s.call).anchor === 'rm2'),
};

/**
 * Excludes: a vacuous pass of the lag exemption of in-dialog-affinity (no BYE ever reaches an RM without the session).
 * Shown by: none (a witness; the tests require it reached in every checked config that lists it).
 */
export const affinityLostUnderLag: W = {
  id: 'recording.witness.affinity-lost-under-lag',
  kind: 'witness',
  clauses: ['GIR-RM-3'],
  statement:
    'Replication lag: some BYE reaches an RM that never received the session, so its affinity is lost.',
  reached: (before, _e, after) =>
    callsOf(after).some(
      (c) =>
        recordOf(before.calls, c).bye === undefined &&
        recordOf(after.calls, c).bye?.session === 'none',
    ),
};

/**
 * Excludes: a vacuous pass of mcp-serves-any-tenant, and MCP selection bound to tenants (a tenant
 * whose sessions never reach some MCP).
 * Shown by: tenant-bound-to-one-mcp (a witness it leaves unreached).
 */
export function tenantOnMcp(config: RecordingConfig): W[] {
  const tenants = requestingTenants(config);
  const mcps = Array.from({ length: config.mcps }, (_, i) => `mcp${i + 1}`);
  return tenants.flatMap((tenant) =>
    mcps.map(
      (mcp): W => ({
        id: `recording.witness.tenant-on-mcp.${tenant}.${mcp}`,
        kind: 'witness',
        clauses: ['GIR-SCALE-4'],
        statement: `Some recording session of tenant ${tenant} is placed on ${mcp}.`,
        // The tenant is the second field of a segment's recording parameters.
        reached: (before, _e, after) =>
          newSegments(before, after).some(
            (s) => s.segment.mcp === mcp && s.segment.params.split('|')[1] === tenant,
          ),
      }),
    ),
  );
}

/** The tenants of the calls the config makes (the request list may be longer than the calls). */
export function requestingTenants(config: RecordingConfig): string[] {
  return [...new Set(config.requests.slice(0, config.sip.calls).map((r) => r.tenant))];
}

/**
 * One witness per process the config lets crash (the SIP Servers where the pair has a fault
 * budget, the RMs and MCPs where the recording path has one): the failure properties excuse and
 * judge only the failures that can happen, so each of them must happen somewhere.
 * Shown by: none (witnesses; a crash is enabled from the start, so each is reached at depth 1).
 */
export function memberCrashes(config: RecordingConfig): W[] {
  const sip = config.sip.faultBudget > 0 ? (['sip1', 'sip2'] as const) : [];
  const own = config.faultBudget > 0 ? [...RMS, ...mcpsOf(config)] : [];
  return [...sip, ...own].map(
    (node): W => ({
      id: `recording.witness.${node}-crashed`,
      kind: 'witness',
      clauses: node.startsWith('sip')
        ? ['GIR-SIP-1']
        : node.startsWith('rm')
          ? ['GIR-RM-1']
          : ['GIR-MCP-4'],
      statement: `Some run crashes the ${node} process, which is down afterwards.`,
      reached: (_before, event, after) =>
        event.type === 'processCrashed' && event.node === node && isDown(after, node),
    }),
  );
}

const mcpsOf = (config: RecordingConfig) =>
  Array.from({ length: config.mcps }, (_, i) => `mcp${i + 1}`);

function isDown(state: RecordingState, node: string): boolean {
  if (node === 'sip1' || node === 'sip2') return state.sip.servers[node].process === 'down';
  if (node === 'rm1' || node === 'rm2') return state.rms[node].process === 'down';
  return (state.mcps as Readonly<Record<string, string>>)[node] === 'down';
}
