/**
 * Bounded liveness of the DR switchover, under the fair schedule of
 * properties/engine/liveness.ts (no traffic, faults or repairs; protocol steps, then deliveries,
 * then time). One property per agent, so that one desktop's switchover is judged on its own.
 * Clauses: BC-DESK-8 (switches over to the other site), BC-SITE-5 ("typically ... 60 seconds",
 * here a configurable bound). Assumptions.
 */
import { stranded } from '../../model/bc/availability.ts';
import type { BcConfig } from '../../model/bc/config.ts';
import { context } from '../../model/bc/index.ts';
import type { BcState } from '../../model/bc/state.ts';
import type { Eventually } from '../engine/property.ts';

const FAIRNESS =
  'faults, repairs and traffic stop; desktops, the Management Layer and gateways take their steps; time advances only when nothing else can happen';

export function drSwitchoverWithinBound(config: BcConfig): Eventually<BcState>[] {
  const ctx = context(config);
  return ctx.agents.map((agent) => ({
    id: `bc.dr-switchover-within-bound.${agent}`,
    kind: 'eventually',
    clauses: ['BC-DESK-9', 'BC-SITE-3', 'BC-SITE-4'],
    statement: `When the desktop of ${agent} has lost CSP or SIP Server at its site for good (no local failover under way) or could not log in there, and the other site accepts its login, it is logged in at the other site within ${ctx.drWaitMs} ms (detection ${config.detectMs} ms plus the DR timeout ${config.drTimeoutMs} ms; the document's "typically 60 seconds" is this configurable bound) and 12 fair steps.`,
    fairness: FAIRNESS,
    boundSteps: 12,
    boundMs: ctx.drWaitMs,
    trigger: (state) => stranded(state, ctx, agent),
    goal: (state) => !stranded(state, ctx, agent),
  }));
}
