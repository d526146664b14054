/**
 * SIP Business Continuity: its events' declarations, gathered from the role files that own them,
 * and the guard and handler tables derived from them (what a broken variant replaces).
 *
 * Source: BC "SIP Business Continuity Architecture", whole (SIP Server Peers, Desktop
 * Connections, Business Continuity Relationship to High Availability). Events live by role:
 * desktop.ts (the desktop's login and DR switchover), calls.ts (peers and gateways),
 * environment.ts (faults, repairs and the Management Layer's local failovers); the clock is the
 * kernel's. See README.md for the simplifications.
 */
import { guardsOf, handlersOf } from '../kernel/tables.ts';
import * as calls from './calls.ts';
import type { Declared } from './context.ts';
import * as desktop from './desktop.ts';
import * as env from './environment.ts';

export const events: Declared = { ...desktop.events, ...calls.events, ...env.events };

export const handlers = handlersOf(events);
export const guards = guardsOf(events);
