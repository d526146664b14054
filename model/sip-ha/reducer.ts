/**
 * SIP Server hot-standby pair: its events' declarations, gathered from the role files that own
 * them, and the guard and handler tables derived from them (what a broken variant replaces).
 *
 * Source: GIR Solution Guide, "High Availability" › SIP Server; BC architecture, "Business
 * Continuity Relationship to High Availability". Events live by role: traffic.ts (the
 * primary's call and agent handling), management.ts (LCA and SCS), link.ts (HA-link sync and
 * resync), environment.ts (faults and repairs); the clock is the kernel's. See README.md for the
 * simplifications.
 */
import { guardsOf, handlersOf } from '../kernel/tables.ts';
import type { Declared } from './context.ts';
import * as env from './environment.ts';
import * as link from './link.ts';
import * as ml from './management.ts';
import * as traffic from './traffic.ts';

export const events: Declared = { ...traffic.events, ...ml.events, ...link.events, ...env.events };

export const handlers = handlersOf(events);
export const guards = guardsOf(events);
