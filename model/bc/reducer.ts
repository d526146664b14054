/**
 * SIP Business Continuity: the reducer and the guards.
 *
 * Source: BC "SIP Business Continuity Architecture", whole (SIP Server Peers, Desktop
 * Connections, Business Continuity Relationship to High Availability). Handlers live by role:
 * desktop.ts (the desktop's login and DR switchover), calls.ts (peers and gateways),
 * environment.ts (faults, repairs and the Management Layer's local failovers). See README.md
 * for the simplifications.
 */
import { canRestart } from '../kernel/local-failover.ts';
import { advanceToNextDeadline, canAdvance, isDue } from '../kernel/timers.ts';
import * as calls from './calls.ts';
import type { Guards, Handlers } from './context.ts';
import * as desktop from './desktop.ts';
import * as env from './environment.ts';
import { parsePair } from './state.ts';

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

export const guards: Guards = {
  ...desktop.desktopGuards,
  ...calls.callGuards,
  haFailoverCompleted: (s, e) => isDue(s.timers, `ha:${e.pair}`),
  processCrashed: (s, e) => {
    const { site, service } = parsePair(e.node);
    return s.sites[site].up && s.sites[site].pairs[service] !== 'down';
  },
  siteFailed: (s, e) => s.sites[e.site].up,
  partitionStarted: (s) => !s.partitioned,
  processRestarted: (s, e) => {
    const { site, service } = parsePair(e.node);
    return s.sites[site].up && canRestart(s.sites[site].pairs[service]);
  },
  siteRecovered: (s, e) => !s.sites[e.site].up,
  partitionHealed: (s) => s.partitioned,
  timeAdvanced: (s) => canAdvance(s.timers),
};
