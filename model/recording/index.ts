/**
 * The GIR recording path: the SIP Server hot-standby pair (sip-ha, composed), the Resource
 * Manager pair with its replicated session table, and the MCP pool with re-recording after an
 * MCP failure. See README.md beside this file.
 */

import { emptyTable } from '../kernel/hot-standby.ts';
import { type Model, type Overrides, tableModel } from '../kernel/model.ts';
import { callIds } from '../sip-ha/events.ts';
import { context as sipContext, initialState as sipInitialState } from '../sip-ha/index.ts';
import type { CallId } from '../sip-ha/state.ts';
import { configs, type RecordingConfig, validate } from './config.ts';
import type { Context, Guards, Handlers } from './context.ts';
import { time } from './environment.ts';
import { mcpIds, type RecordingEvent, vocabulary } from './events.ts';
import { events } from './reducer.ts';
import type {
  CallRecording,
  McpId,
  McpStatus,
  RecordingState,
  ResourceManager,
  SessionValue,
} from './state.ts';

export type { RecordingConfig, RecordingEvent, RecordingState };

export function context(config: RecordingConfig): Context {
  const calls = callIds(config.sip);
  return {
    config,
    sip: sipContext(config.sip),
    calls,
    mcps: mcpIds(config),
    empty: emptyTable<CallId, SessionValue>(calls, () => 'none'),
  };
}

/**
 * Everything up; rm1 active (and in active-standby the Virtual IP holder), rm2 its peer with the
 * replication links connected; every MCP up and known up; no call yet.
 */
export function initialState(ctx: Context): RecordingState {
  const activeActive = ctx.config.rmMode === 'active-active';
  const rm = (first: boolean): ResourceManager => ({
    role: first || activeActive ? 'primary' : 'backup',
    table: { ...ctx.empty },
    acked: {},
    readiness: 'ready',
    process: 'up',
    serving: first || activeActive,
    lastMcp: 'none',
  });
  const mcps = Object.fromEntries(ctx.mcps.map((m) => [m, 'up'])) as Record<McpId, McpStatus>;
  const call = (): CallRecording => ({
    status: 'off',
    media: 'none',
    anchor: 'rm1',
    retriesLeft: ctx.config.maxRecordRetries,
    segments: [],
  });
  return {
    sip: sipInitialState(ctx.sip),
    rms: { rm1: rm(true), rm2: rm(false) },
    links: { rm1: { connected: true, inflight: {} }, rm2: { connected: true, inflight: {} } },
    nextRm: 'rm1',
    mcps,
    mcpView: { ...mcps },
    calls: Object.fromEntries(ctx.calls.map((c) => [c, call()])) as Record<CallId, CallRecording>,
    timers: {},
    faultsLeft: ctx.config.faultBudget,
  };
}

/** Changes to the real model that a broken variant makes: replaced handlers or guards, or the budget a fault spends. */
export type RecordingOverrides = Overrides<Handlers, Guards, RecordingEvent>;

/** Builds the model, or a variant of it with some handlers or guards replaced. */
export function createRecording(
  overrides: RecordingOverrides = {},
): Model<RecordingConfig, RecordingState, RecordingEvent> {
  return tableModel(
    {
      id: 'recording',
      title: 'GIR recording path: SIP Server pair, Resource Manager pair, MCP pool',
      configs,
      validate,
      events,
      time,
      context,
      init: initialState,
      vocabulary,
    },
    overrides,
  );
}

export const recording = createRecording();
