/**
 * SIP Business Continuity: the reducer and the guards.
 *
 * Source: BC "SIP Business Continuity Architecture", whole (SIP Server Peers, Desktop
 * Connections, Business Continuity Relationship to High Availability). Handlers live by role:
 * desktop.ts (the desktop's login and DR switchover), calls.ts (peers and gateways),
 * environment.ts (faults, repairs and the Management Layer's local failovers). See README.md
 * for the simplifications.
 */
import { type Draft, produce } from 'immer';
import { canRestart } from '../kernel/local-failover.ts';
import { assertNever } from '../kernel/model.ts';
import { advanceToNextDeadline, canAdvance, isDue } from '../kernel/timers.ts';
import * as calls from './calls.ts';
import type { Context, Guards, Handlers } from './context.ts';
import * as desktop from './desktop.ts';
import * as env from './environment.ts';
import type { BcEvent } from './events.ts';
import { recordGhost } from './ghost.ts';
import { type BcState, parsePair } from './state.ts';

export const handlers: Handlers = {
  loginRequested: desktop.loginRequested,
  logoutRequested: desktop.logoutRequested,
  callArrived: calls.callArrived,
  callDialed: calls.callDialed,
  callReleased: calls.callReleased,
  connectionLost: desktop.connectionLost,
  drSwitchedOver: desktop.drSwitchedOver,
  haFailoverCompleted: env.haFailoverCompleted,
  gatewaysNoticed: calls.gatewaysNoticed,
  processCrashed: env.processCrashed,
  siteFailed: env.siteFailed,
  partitionStarted: env.partitionStarted,
  processRestarted: env.processRestarted,
  siteRecovered: env.siteRecovered,
  partitionHealed: env.partitionHealed,
  timeAdvanced: (draft) => advanceToNextDeadline(draft.timers),
};

const withFaultBudget = (state: BcState): boolean => state.faultsLeft > 0;

export const guards: Guards = {
  ...desktop.desktopGuards,
  ...calls.callGuards,
  haFailoverCompleted: (s, e) => isDue(s.timers, `ha:${e.pair}`),
  processCrashed: (s, e) => {
    const { site, service } = parsePair(e.node);
    return withFaultBudget(s) && s.sites[site].up && s.sites[site].pairs[service] !== 'down';
  },
  siteFailed: (s, e) => withFaultBudget(s) && s.sites[e.site].up,
  partitionStarted: (s) => withFaultBudget(s) && !s.partitioned,
  processRestarted: (s, e) => {
    const { site, service } = parsePair(e.node);
    return s.sites[site].up && canRestart(s.sites[site].pairs[service]);
  },
  siteRecovered: (s, e) => !s.sites[e.site].up,
  partitionHealed: (s) => s.partitioned,
  timeAdvanced: (s) => canAdvance(s.timers),
};

export function isEnabledWith(g: Guards, state: BcState, event: BcEvent, ctx: Context): boolean {
  switch (event.type) {
    case 'loginRequested':
    case 'logoutRequested':
    case 'callArrived':
    case 'callDialed':
    case 'callReleased':
    case 'connectionLost':
    case 'drSwitchedOver':
    case 'haFailoverCompleted':
    case 'gatewaysNoticed':
    case 'processCrashed':
    case 'siteFailed':
    case 'partitionStarted':
    case 'processRestarted':
    case 'siteRecovered':
    case 'partitionHealed':
    case 'timeAdvanced':
      // Each guard takes exactly its own event type; the table is keyed by that type.
      return g[event.type](state, event as never, ctx);
    default:
      return assertNever(event);
  }
}

/** Applies one event to a draft, then records the ghost facts. Exported so that a larger model could embed the peer group. */
export function dispatch(h: Handlers, draft: Draft<BcState>, event: BcEvent, ctx: Context): void {
  switch (event.type) {
    case 'loginRequested':
    case 'logoutRequested':
    case 'callArrived':
    case 'callDialed':
    case 'callReleased':
    case 'connectionLost':
    case 'drSwitchedOver':
    case 'haFailoverCompleted':
    case 'gatewaysNoticed':
    case 'processCrashed':
    case 'siteFailed':
    case 'partitionStarted':
    case 'processRestarted':
    case 'siteRecovered':
    case 'partitionHealed':
    case 'timeAdvanced':
      h[event.type](draft, event as never, ctx);
      recordGhost(draft, event, ctx);
      return;
    // Stryker disable next-line all: unreachable, every event type has its case (assertNever is for the type checker)
    default:
      assertNever(event);
  }
}

export function reduceWith(h: Handlers, state: BcState, event: BcEvent, ctx: Context): BcState {
  return produce(state, (draft: Draft<BcState>) => dispatch(h, draft, event, ctx));
}
