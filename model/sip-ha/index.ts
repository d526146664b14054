/**
 * The SIP Server hot-standby model: a primary and a backup SIP Server, LCAs and the Solution
 * Control Server, the HA link, the Virtual IP. See README.md beside this file.
 */

import { emptyTable } from '../kernel/hot-standby.ts';
import { type Model, type Overrides, tableModel } from '../kernel/model.ts';
import { configs, type SipHaConfig, validate } from './config.ts';
import type { Context, Guards, Handlers } from './context.ts';
import { agentIds, callIds, type SipHaEvent, vocabulary } from './events.ts';
import { events } from './reducer.ts';
import type { SipHaState, SipServer, SyncKey, SyncValue } from './state.ts';

export type { SipHaConfig, SipHaEvent, SipHaState };

export function context(config: SipHaConfig): Context {
  const keys: SyncKey[] = [...callIds(config), ...agentIds(config)];
  return {
    config,
    empty: emptyTable<SyncKey, SyncValue>(keys, (key) =>
      key.startsWith('c') ? 'idle' : 'loggedOut',
    ),
    detection: {
      detectMs: 2 * config.addpTimeoutMs,
      recheckMs: config.disconnectSwitchoverTimeoutMs,
    },
  };
}

/** Both servers up; sip1 primary holding the VIP; the HA link connected; nothing in progress. */
export function initialState(ctx: Context): SipHaState {
  // Only a primary's acknowledgements are read (a promotion starts them afresh).
  const server = (role: 'primary' | 'backup', acked: SipServer['acked']): SipServer => ({
    role,
    table: { ...ctx.empty },
    acked,
    readiness: 'ready',
    process: 'up',
    vip: role === 'primary',
  });
  return {
    servers: { sip1: server('primary', { ...ctx.empty }), sip2: server('backup', {}) },
    hosts: { sip1: { up: true, partitioned: false }, sip2: { up: true, partitioned: false } },
    link: { connected: true, inflight: {}, fault: false },
    scs: {
      lca: { sip1: 'connected', sip2: 'connected' },
      view: { sip1: 'up', sip2: 'up' },
      primary: 'sip1',
      reconcile: false,
    },
    timers: {},
    faultsLeft: ctx.config.faultBudget,
  };
}

/** Changes to the real model that a broken variant makes: replaced handlers or guards, or the budget a fault spends. */
export type SipHaOverrides = Overrides<Handlers, Guards, SipHaEvent>;

/** Builds the model, or a variant of it with some handlers or guards replaced. */
export function createSipHa(
  overrides: SipHaOverrides = {},
): Model<SipHaConfig, SipHaState, SipHaEvent> {
  return tableModel(
    {
      id: 'sip-ha',
      title: 'SIP Server hot-standby pair',
      configs,
      validate,
      events,
      time: { timers: (state) => [state.timers] },
      context,
      init: initialState,
      vocabulary,
    },
    overrides,
  );
}

export const sipHa = createSipHa();
