/**
 * Bounded liveness of the recording back end, judged on every fair path of the fault-free
 * continuation (properties/engine/liveness.ts: no traffic, faults or repairs; protocol steps and
 * deliveries in every order, time only when neither can happen).
 * Clauses: GIR-RP-1/2 and GIR-SM-1/3 (every stored recording reaches Web Services and is
 * indexed), GIR-RP-1 and GIR-SM-4 (the standby takes over). Assumptions.
 */

import type { BackendConfig } from '../../model/backend/config.ts';
import { context } from '../../model/backend/index.ts';
import {
  type BackendState,
  PROCESSORS,
  SCHEDULERS,
  type SegKey,
} from '../../model/backend/state.ts';
import type { Eventually } from '../engine/property.ts';
import { isPending, pipelineCanRun } from './common.ts';

const FAIRNESS =
  'faults, repairs and traffic stop; MCP, the Processors, Web Services, Cassandra, SpeechMiner and the standbys take their steps and deliveries interleave in every order; time advances only when nothing else can happen';

/**
 * Steps of one segment through the pipeline (store, post, deliver, enrich, write, replicas,
 * answer, submit, acknowledge, index), with room for the recording path's own steps that a fair
 * path may interleave with them.
 */
const STEPS_PER_SEGMENT = 20;

/** Fair steps for a whole run of the pipeline and the recording path before time may pass. */
function fairSteps(segments: number): number {
  return STEPS_PER_SEGMENT * segments + 10;
}

/** A finished segment that nothing in its way prevents from going the whole way. */
function runnable(state: BackendState, seg: SegKey, ctx: ReturnType<typeof context>): boolean {
  return isPending(state, seg) && pipelineCanRun(state, seg, ctx);
}

/**
 * Judged per segment: a segment whose MCP is down does not excuse the others (the trigger once
 * asked every pending segment to be able to run, so one stuck segment hid all the rest).
 * Excludes: a finished recording that is never stored, posted, recorded in Web Services, put in
 * SpeechMiner, indexed and answered to MCP while every stage it needs is up (a request pinned to
 * a failed node, an answer taken for a failure, a standby whose countdown keeps restarting).
 * Shown by: web-services-pinned, ws-answer-taken-for-failure (lasso),
 * post-restarts-scheduler-countdown (other-order).
 */
export function indexedWithinBound(config: BackendConfig): Eventually<BackendState> {
  const ctx = context(config);
  const boundSteps = fairSteps(ctx.segments.length);
  return {
    id: 'backend.indexed-within-bound',
    kind: 'eventually',
    clauses: ['GIR-RP-1', 'GIR-SM-1', 'GIR-SM-3'],
    statement: `Once failures stop, every finished recording whose MCP, a Processor, a Web Services node, enough Cassandra replicas, a Receiver and a Scheduler are up is stored, recorded in Web Services, indexed by SpeechMiner and acknowledged to MCP within ${config.takeoverMs} ms and ${boundSteps} fair steps.`,
    fairness: FAIRNESS,
    boundSteps,
    boundMs: config.takeoverMs,
    trigger: (state) => ctx.segments.some((seg) => runnable(state, seg, ctx)),
    goal: (state) => ctx.segments.every((seg) => !runnable(state, seg, ctx)),
  };
}

/** A standby pair with a live member and no live active one. */
function leaderless<Id extends string>(
  ids: readonly Id[],
  members: BackendState['schedulers'] | BackendState['processors'],
): boolean {
  const m = members as Readonly<Record<Id, { process: 'up' | 'down'; role: 'active' | 'standby' }>>;
  const up = ids.filter((id) => m[id].process === 'up');
  return up.length > 0 && !up.some((id) => m[id].role === 'active');
}

/**
 * Excludes: a standby pair left without a live active member (the standby never takes over, or
 * takes over late because its countdown restarts).
 * Shown by: no-takeover.
 */
export function standbyTakesOver(config: BackendConfig): Eventually<BackendState> {
  const processors = config.processorMode === 'active-backup';
  const boundSteps = fairSteps(context(config).segments.length) + 2;
  return {
    id: 'backend.standby-takes-over',
    kind: 'eventually',
    clauses: processors ? ['GIR-SM-4', 'GIR-RP-1'] : ['GIR-SM-4'],
    statement: `When the active ${processors ? 'Recording Processor or ' : ''}Scheduler fails and its standby is up, the standby becomes active within ${config.takeoverMs} ms and ${boundSteps} fair steps (the pipeline's own steps run first).`,
    fairness: FAIRNESS,
    boundSteps,
    boundMs: config.takeoverMs,
    trigger: (state) =>
      leaderless(SCHEDULERS, state.schedulers) ||
      (processors && leaderless(PROCESSORS, state.processors)),
    goal: (state) =>
      !leaderless(SCHEDULERS, state.schedulers) &&
      !(processors && leaderless(PROCESSORS, state.processors)),
  };
}
