/**
 * Safety properties of the recording path.
 * Clauses: GIR-SCALE-3/4/5, GIR-RM-3, GIR-MCP-1/3/4/5, GIR-SIP-2 (properties/catalog/
 * clauses-recording.ts). Assumptions: A-3 (affinity needs replication), A-5 (join before
 * re-record), A-6 (same parameters), A-7 (the strong form, on RM's view), A-9 (kept audio).
 */
import type { RecordingConfig } from '../../model/recording/config.ts';
import type { RecordingEvent } from '../../model/recording/events.ts';
import {
  profileOf,
  type RecordingState,
  recordOf,
  sessionValue,
} from '../../model/recording/state.ts';
import type { Invariant, StepProperty } from '../engine/property.ts';
import { callsOf, liveCalls, newSegments } from './common.ts';

type Step = StepProperty<RecordingState, RecordingEvent>;

/** strict under synchronous replication; under lag only replicated sessions keep affinity. */
export function inDialogAffinity(config: RecordingConfig): Step {
  const strict = config.replication === 'synchronous';
  return {
    id: 'recording.in-dialog-affinity',
    kind: 'step',
    clauses: ['GIR-RM-3'],
    statement: strict
      ? 'The in-dialog BYE of every recording session reaches the same MCP with the same IVR Profile and recording target, whichever RM routes it (after an RM failover too).'
      : 'The in-dialog BYE of a recording session the routing RM holds reaches the same MCP, IVR Profile and recording target; a session that had not reached the surviving RM before its peer failed is rejected, never routed elsewhere (replication lag).',
    check(before, _event, after) {
      for (const call of callsOf(after)) {
        const was = recordOf(before.calls, call);
        const bye = recordOf(after.calls, call).bye;
        if (was.status !== 'releasing' || bye === undefined) continue;
        const last = was.segments.at(-1);
        if (last === undefined) continue;
        const expected = sessionValue(last.mcp, last.params);
        if (bye.session === expected) continue;
        if (!strict && bye.session === 'none') continue;
        return `the BYE of ${call} was routed by ${bye.rm} as '${bye.session}', but the session is '${expected}' (accepted by ${was.anchor})`;
      }
      return undefined;
    },
  };
}

export function profileOfTenant(config: RecordingConfig): Invariant<RecordingState> {
  return {
    id: 'recording.profile-of-tenant',
    kind: 'invariant',
    clauses: ['GIR-SCALE-3', 'GIR-SCALE-5'],
    statement:
      "Every recording session's IVR Profile belongs to the tenant of SIP Server's request, and its recording target is the deployment's storage for that tenant.",
    check(state) {
      for (const call of callsOf(state)) {
        const tenant = config.requests[Number(call.slice(1)) - 1]?.tenant;
        for (const [i, segment] of recordOf(state.calls, call).segments.entries()) {
          const profile = profileOf(segment.params);
          const [, onTenant, target] = segment.params.split('|');
          if (config.profiles[profile] !== tenant || onTenant !== tenant)
            return `segment ${i} of ${call} uses IVR Profile ${profile} of ${config.profiles[profile]}, but the request came from ${tenant}`;
          if (target !== `${config.storage}:${tenant}`)
            return `segment ${i} of ${call} is written to ${target}, not to ${config.storage} storage of ${tenant}`;
        }
      }
      return undefined;
    },
  };
}

export const selectsBelievedUpMcp: Step = {
  id: 'recording.selects-believed-up-mcp',
  kind: 'step',
  clauses: ['GIR-MCP-5', 'GIR-SCALE-4'],
  statement:
    'RM never selects an MCP it believes is down for a new recording session (any MCP it believes up may serve any tenant).',
  check(before, _event, after) {
    for (const s of newSegments(before, after)) {
      if (before.mcpView[s.segment.mcp] !== 'up')
        return `${s.segment.mcp} was selected for ${s.call} while RM believed it ${before.mcpView[s.segment.mcp]}`;
    }
    return undefined;
  },
};

const MCP_PATH = new Set(['mcpFailureDetected', 'endpointsJoined', 'reRecordRequested']);

export const callSurvivesMcpFailure: Step = {
  id: 'recording.call-survives-mcp-failure',
  kind: 'step',
  clauses: ['GIR-MCP-1', 'GIR-MCP-3'],
  statement:
    "An MCP failure, RM's notification, the join and the re-record never end a call that SIP Server has established.",
  check(before, event, after) {
    const mcpCrash = event.type === 'processCrashed' && event.node.startsWith('mcp');
    if (!mcpCrash && !MCP_PATH.has(event.type)) return undefined;
    const now = new Set(liveCalls(after));
    const lost = liveCalls(before).find((c) => !now.has(c));
    return lost === undefined ? undefined : `call ${lost} ended on '${event.type}'`;
  },
};

export const joinedBeforeReRecord: Step = {
  id: 'recording.joined-before-rerecord',
  kind: 'step',
  clauses: ['GIR-MCP-3', 'GIR-MCP-4'],
  statement:
    "SIP Server joins a call's endpoints before it requests any new recording session for the call after a failure.",
  check(before, _event, after) {
    for (const s of newSegments(before, after)) {
      if (s.previous === undefined) continue;
      const media = recordOf(before.calls, s.call).media;
      if (media !== 'direct')
        return `a new recording session for ${s.call} was requested while its media was ${media}, not joined`;
    }
    return undefined;
  },
};

export const sameParameters: Step = {
  id: 'recording.same-parameters',
  kind: 'step',
  clauses: ['GIR-MCP-4'],
  statement:
    'A new recording session after a failure has the same parameters as the failed one (IVR Profile, tenant, recording target); only the MCP and the segment differ.',
  check(before, _event, after) {
    for (const s of newSegments(before, after)) {
      if (s.previous !== undefined && s.previous.params !== s.segment.params)
        return `segment ${s.index} of ${s.call} has parameters '${s.segment.params}', the failed one had '${s.previous.params}'`;
    }
    return undefined;
  },
};

/** The gap bound: detection per MCP that fails meanwhile, the retries, a SIP Server failover. */
export function gapBoundMs(config: RecordingConfig): number {
  const sipFailover =
    config.sip.faultBudget > 0
      ? 2 * config.sip.addpTimeoutMs + config.sip.disconnectSwitchoverTimeoutMs
      : 0;
  return (
    config.faultBudget * config.mcpDetectMs +
    config.maxRecordRetries * config.retryIntervalMs +
    sipFailover
  );
}

/** only where the audio before the crash is kept. */
export function gapWithinBound(config: RecordingConfig): Step {
  const bound = gapBoundMs(config);
  return {
    id: 'recording.gap-within-bound',
    kind: 'step',
    clauses: ['GIR-MCP-4'],
    statement: `When a call is recorded again after an MCP failure, the audio missing from its recording lasted at most ${bound} ms: RM's detection time (${config.mcpDetectMs} ms per MCP failing meanwhile) plus the failover time (${config.maxRecordRetries} retries of ${config.retryIntervalMs} ms, and a SIP Server failover if one happens meanwhile).`,
    check(before, _event, after) {
      for (const s of newSegments(before, after)) {
        const gap = recordOf(before.calls, s.call).gapMs;
        if (s.segment.state === 'open' && gap !== undefined && gap > bound)
          return `${s.call} was recorded again after a gap of ${gap} ms (bound ${bound} ms)`;
      }
      return undefined;
    },
  };
}
