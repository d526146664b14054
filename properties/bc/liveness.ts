/**
 * Bounded liveness of the DR switchover, judged on every fair path of the fault-free
 * continuation (properties/engine/liveness.ts): no traffic, faults or repairs; desktops, the
 * Management Layer and the gateways take their steps in every order; time advances only when
 * nothing else can happen. One property per agent, so that one desktop's switchover is judged
 * on its own. Trigger and goal are read in reading.ts from ground truth, not from the desktop's
 * own logic. The goal is that the agent works (logged in to CSP and SIP Server at a usable
 * site), not merely that it is no longer stranded: a desktop that logs out, or waits at a
 * usable site without logging in, meets no goal.
 * Clauses: BC-DESK-9 (switches over to the other site), BC-SITE-3, BC-SITE-4 ("typically ...
 * 60 seconds", here a configurable bound). Assumptions.
 *
 * Excludes: a desktop that never switches over, switches back to the failed site, logs out
 * instead of logging in at the other site, or gets there later than the DR wait on some order
 * of the protocol's own steps.
 * Shown by: a1-never-switches, a2-never-switches, move-only-sip, switchover-logs-out,
 * dr-returns-home (lasso), phone-loss-logs-out (other-order).
 */
import type { BcConfig } from '../../model/bc/config.ts';
import type { BcState } from '../../model/bc/state.ts';
import type { Eventually } from '../engine/property.ts';
import { reading, stranded, works } from './reading.ts';

const FAIRNESS =
  'faults, repairs and traffic stop; desktops, the Management Layer and gateways take their steps in every order; time advances only when nothing else can happen';

export function drSwitchoverWithinBound(config: BcConfig): Eventually<BcState>[] {
  const r = reading(config);
  const drWaitMs = config.detectMs + config.drTimeoutMs;
  return r.agents.map((agent) => ({
    id: `bc.dr-switchover-within-bound.${agent}`,
    kind: 'eventually',
    clauses: ['BC-DESK-9', 'BC-SITE-3', 'BC-SITE-4'],
    statement: `When the desktop of ${agent} has lost CSP or SIP Server at its site for good (no local failover under way) or could not log in there, and the other site accepts its login, ${agent} is working (logged in to CSP and SIP Server at a site where both are usable) within ${drWaitMs} ms (detection ${config.detectMs} ms plus the DR timeout ${config.drTimeoutMs} ms; the document's "typically 60 seconds" is this configurable bound) and 12 steps, on every fair path.`,
    fairness: FAIRNESS,
    boundSteps: 12,
    boundMs: drWaitMs,
    trigger: (state) => stranded(state, r, agent),
    goal: (state) => works(state, r, agent),
  }));
}
