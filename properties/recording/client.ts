/**
 * SIP Server as the recording client (GIR: after an MCP failure "SIP Server joins the endpoints"
 * and records the call again): only a SIP Server that runs as the pair's primary on a live host,
 * holds the Virtual IP and has the call established asks RM for a recording, joins the endpoints
 * or asks again; and while it can take such a step, the model's time does not pass (its reaction
 * is immediate next to every timer, the reading the gap bound rests on). Read from the SIP Server
 * pair's own fields, not from the model's client helpers.
 */
import type { RecordingEvent } from '../../model/recording/events.ts';
import type { RecordingState } from '../../model/recording/state.ts';
import type { CallId, ServerId } from '../../model/sip-ha/state.ts';
import type { StepProperty } from '../engine/property.ts';
import { callsOf } from './common.ts';

type Step = StepProperty<RecordingState, RecordingEvent>;

/** Why `server` cannot act for `call`, or undefined when it can. */
function cannotAct(state: RecordingState, server: ServerId, call: CallId): string | undefined {
  const s = state.sip.servers[server];
  if (s.process !== 'up' || !state.sip.hosts[server].up) return `${server} is down`;
  if (s.role !== 'primary') return `${server} is not the primary`;
  if (!s.vip) return `${server} does not hold the Virtual IP`;
  const phase = s.table[call];
  if (phase !== 'established' && phase !== 'recording')
    return `${server} has ${call} ${phase ?? 'unknown'}`;
  return undefined;
}

const SERVERS: readonly ServerId[] = ['sip1', 'sip2'];
const someoneActs = (state: RecordingState, call: CallId) =>
  SERVERS.some((s) => cannotAct(state, s, call) === undefined);

/**
 * Excludes: a recording request, a join of the endpoints or a new request made while no SIP
 * Server serves the call as primary with the Virtual IP (a backup, a dead process or host, a
 * call it does not have established).
 * Guarded: the client's guards read the same fields. Shown by: backup-joins-endpoints.
 */
export const clientOnPrimary: Step = {
  id: 'recording.client-on-primary',
  kind: 'step',
  guarded:
    "The client's guards (model/recording/client.ts sipCanAct; for a first request, sip-ha's recordingStarted guard through composition.ts) read the same SIP Server fields, so only a changed guard can break it; that SIP Server acts for the call after a failover is judged by recording.rerecorded-within-bound.",
  clauses: ['GIR-MCP-3', 'GIR-MCP-4'],
  statement:
    'Only a SIP Server that runs as primary on a live host, holds the Virtual IP and has the call established asks RM to record it, joins its endpoints or asks again.',
  check(before, event) {
    if (event.type === 'recordingRequested') {
      const why = cannotAct(before, event.server, event.call);
      return why && `recordingRequested ${event.call} by ${event.server}: ${why}`;
    }
    if (event.type !== 'endpointsJoined' && event.type !== 'reRecordRequested') return undefined;
    if (someoneActs(before, event.call)) return undefined;
    return `${event.type} ${event.call}: ${SERVERS.map((s) => cannotAct(before, s, event.call)).join('; ')}`;
  },
};

/**
 * Excludes: time that passes while SIP Server can join a notified call's endpoints or ask again
 * for a joined one.
 * Guarded: time's guard waits for the same steps. Shown by: time-before-join.
 */
export const timeWaitsForSip: Step = {
  id: 'recording.time-waits-for-sip',
  kind: 'step',
  guarded:
    "The kernel's clock waits for exactly these SIP Server steps (the urgent events of model/recording/environment.ts's time), so only a changed guard can break it; what the urgency buys is judged by recording.gap-within-bound.",
  clauses: ['GIR-MCP-3', 'GIR-MCP-4'],
  statement:
    "Time does not pass while SIP Server can join the endpoints of a call whose MCP failed or ask again for a joined one: SIP Server's reaction is immediate next to every timer.",
  check(before, event) {
    if (event.type !== 'timeAdvanced') return undefined;
    for (const call of callsOf(before)) {
      const status = before.calls[call]?.status;
      if ((status === 'notified' || status === 'joined') && someoneActs(before, call))
        return `time passed while ${call} was ${status} and SIP Server could act on it`;
    }
    return undefined;
  },
};
