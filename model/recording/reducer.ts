/**
 * The GIR recording path: its events' declarations, gathered from the role files that own them,
 * and the guard and handler tables derived from them (what a broken variant replaces).
 *
 * Source: GIR Solution Guide, "Scalability" and "High Availability" › SIP Server, Resource
 * Manager, Media Control Platform. The SIP Server pair is sip-ha's own model, its declarations
 * lifted onto the `sip` sub-state (composition.ts); events live by role: client.ts (SIP Server's
 * recording client), rm.ts (the RM pair), mcp.ts (the MCP pool and storage), environment.ts
 * (faults and time), selection.ts (RM's pure decisions). See README.md for the simplifications.
 */
import { guardsOf, handlersOf } from '../kernel/tables.ts';
import * as client from './client.ts';
import * as pair from './composition.ts';
import type { Declared } from './context.ts';
import * as env from './environment.ts';
import * as mcp from './mcp.ts';
import * as rm from './rm.ts';

export const events: Declared = {
  ...pair.events,
  ...rm.events,
  ...mcp.events,
  ...client.events,
  ...env.events,
};

export const handlers = handlersOf(events);
export const guards = guardsOf(events);
