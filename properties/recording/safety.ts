/**
 * Safety properties of the recording path.
 * Clauses: GIR-SCALE-3/4/5, GIR-RM-3, GIR-MCP-1/3/4/5, GIR-SIP-2 (properties/catalog/
 * clauses-recording.ts). Assumptions: A-3 (affinity needs replication), A-5 (join before
 * re-record), A-6 (same parameters), A-7 (the strong form, on RM's view), A-9 (kept audio).
 */
import type { RecordingConfig } from '../../model/recording/config.ts';
import type { RecordingEvent } from '../../model/recording/events.ts';
import {
  type McpId,
  profileOf,
  type RecordingState,
  RMS,
  type RmId,
  recordOf,
  sessionValue,
} from '../../model/recording/state.ts';
import { isServingPrimary, SERVERS } from '../../model/sip-ha/state.ts';
import type { Invariant, StepProperty } from '../engine/property.ts';
import { callsOf, liveCalls, newSegments } from './common.ts';

type Step = StepProperty<RecordingState, RecordingEvent>;

/**
 * strict under synchronous replication; under lag only a session the accepting RM never had
 * acknowledged may be rejected by the survivor. Judged on the ghost BYE record (what the routing
 * RM had for the session) against the call's last segment (truth).
 * Excludes: an in-dialog request routed to another MCP, profile or target, re-mapped, or rejected
 * by an RM that had (or had acknowledged) the session.
 * Shown by: no-session-replication, in-dialog-remapped, standby-acks-unstored-session.
 */
export function inDialogAffinity(config: RecordingConfig): Step {
  const strict = config.replication === 'synchronous';
  return {
    id: 'recording.in-dialog-affinity',
    kind: 'step',
    clauses: ['GIR-RM-3'],
    statement: strict
      ? "The in-dialog BYE of every recording session reaches the same MCP with the same IVR Profile and recording target, whichever RM routes it (after an RM failover too); only a session whose MCP's failure RM reported to SIP Server may be rejected."
      : "The in-dialog BYE of a recording session reaches the same MCP, IVR Profile and recording target; only a session that had not reached the surviving RM before its peer failed (replication lag), or whose MCP's failure RM reported to SIP Server, may be rejected, and none is routed elsewhere.",
    check(before, _event, after) {
      for (const call of callsOf(after)) {
        const was = recordOf(before.calls, call);
        const bye = recordOf(after.calls, call).bye;
        if (was.status !== 'releasing' || bye === undefined) continue;
        const last = was.segments.at(-1);
        if (last === undefined) continue;
        const expected = sessionValue(last.mcp, last.params);
        if (bye.session === expected) continue;
        // only a survivor that never received the session (its accepting RM never had it
        // acknowledged) may reject it; the accepting RM's record of acknowledgements is read.
        const neverReplicated =
          bye.rm !== was.anchor && before.rms[was.anchor].acked[call] !== expected;
        if (!strict && bye.session === 'none' && neverReplicated) continue;
        // A session whose MCP's failure RM has reported to SIP Server (the ghost notice) is over
        // on RM's side (GIR-MCP-2); rejecting its BYE is no re-mapping.
        if (bye.session === 'none' && was.notice === last.mcp) continue;
        return `the BYE of ${call} was routed by ${bye.rm} as '${bye.session}', but the session is '${expected}' (accepted by ${was.anchor})`;
      }
      return undefined;
    },
  };
}

/**
 * Judged on the segments' parameters against the configuration's requests and profile owners,
 * never on the model's profile selection.
 * Excludes: a session with another tenant's IVR Profile, or written to another target.
 * Shown by: foreign-profile-accepted.
 */
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

/**
 * Excludes: RM selecting an MCP its own view says is down (A-7, the strong form).
 * Shown by: down-mcp-selected.
 */
export const selectsBelievedUpMcp: Step = {
  id: 'recording.selects-believed-up-mcp',
  kind: 'step',
  clauses: ['GIR-MCP-5'],
  statement: 'RM never selects an MCP it believes is down for a new recording session.',
  check(before, _event, after) {
    for (const s of newSegments(before, after)) {
      if (before.mcpView[s.segment.mcp] !== 'up')
        return `${s.segment.mcp} was selected for ${s.call} while RM believed it ${before.mcpView[s.segment.mcp]}`;
    }
    return undefined;
  },
};

/**
 * Judged on the outcome, from state: a call's request ended this step in a failed attempt (a
 * retry scheduled, or the recording given up) although SIP Server's request reached a live RM
 * and RM believed some MCP up before the step. The RM SIP Server addresses is worked out here from
 * the RM pair's fields, not with the model's own selection functions. That MCPs are offered to
 * every tenant at all is shown by the witnesses `recording.witness.tenant-on-mcp.*`: each tenant's
 * sessions reach each MCP.
 * Excludes: a tenant's request refused (or left without a session) while an MCP that RM believes
 * up could record it, e.g. a tenant restricted to some of the MCPs.
 * Shown by: tenant-bound-to-one-mcp, tenant-pinned-to-first-mcp.
 */
export function mcpServesAnyTenant(config: RecordingConfig): Step {
  return {
    id: 'recording.mcp-serves-any-tenant',
    kind: 'step',
    clauses: ['GIR-SCALE-4'],
    statement:
      'A recording request of any tenant that reaches a live RM is refused for want of an MCP only when RM believes no MCP up: every MCP can record for every tenant.',
    check(before, _event, after) {
      const rm = addressedRm(before, config);
      if (rm === undefined || before.rms[rm].process !== 'up') return undefined;
      const up = (Object.keys(before.mcpView) as McpId[]).filter((m) => before.mcpView[m] === 'up');
      if (up.length === 0) return undefined;
      for (const call of callsOf(after)) {
        const was = recordOf(before.calls, call);
        const now = recordOf(after.calls, call);
        const retried = now.status === 'waiting' && now.retriesLeft < was.retriesLeft;
        const gaveUp = now.status === 'failed' && was.status !== 'failed';
        if (!retried && !gaveUp) continue;
        const tenant = config.requests[Number(call.slice(1)) - 1]?.tenant ?? '?';
        return `the recording request of tenant ${tenant} for ${call} reached ${rm} and was refused, while RM believed ${up.join(', ')} up`;
      }
      return undefined;
    },
  };
}

/** The RM a new request of SIP Server goes to (the VIP holder, or the next in rotation that serves). */
function addressedRm(state: RecordingState, config: RecordingConfig): RmId | undefined {
  const serving = RMS.filter((r) => state.rms[r].serving);
  if (config.rmMode === 'active-standby') return serving[0];
  return serving.includes(state.nextRm) ? state.nextRm : serving[0];
}

/** The SIP Server primaries that serve, as a key: a change is a SIP Server failure or failover. */
function servingPrimaries(state: RecordingState): string {
  return SERVERS.filter((s) => isServingPrimary(state.sip, s)).join(',');
}

/**
 * Judged on every step, from the SIP Server pair's call tables, not on event labels: the
 * exemptions are the callers' release of that very call and a step in which the serving SIP
 * Server primary changes (a SIP Server failure, judged by sip-ha and GIR-SIP-2).
 * Excludes: the recording path ending an established call (on the MCP failure, RM's notice, the
 * join, the re-record, or anything else such as an RM failover).
 * Shown by: join-drops-call, rm-failover-drops-calls.
 */
export const callSurvivesMcpFailure: Step = {
  id: 'recording.call-survives-mcp-failure',
  kind: 'step',
  clauses: ['GIR-MCP-1', 'GIR-MCP-3'],
  statement:
    "Nothing on the recording path (an MCP or RM failure, RM's notification, the join, the re-record, a retry) ends a call that SIP Server has established; only the callers' release or a SIP Server failure does.",
  check(before, event, after) {
    if (servingPrimaries(before) !== servingPrimaries(after)) return undefined;
    const now = new Set(liveCalls(after));
    const lost = liveCalls(before).find(
      (c) => !now.has(c) && !(event.type === 'callReleased' && event.call === c),
    );
    return lost === undefined ? undefined : `call ${lost} ended on '${event.type}'`;
  },
};

/**
 * Judged on the call's media path (truth) before the step that adds a session.
 * Excludes: a new recording session while the media still goes through the failed MCP.
 * Shown by: rerecord-before-join.
 */
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

/**
 * Judged on the segments: each new one against the one before it.
 * Excludes: a re-recorded session with another profile, tenant or target.
 * Shown by: rerecord-changed-parameters.
 */
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

/**
 * only where the audio before the crash is kept. Judged on the ghost gap, which runs from
 * the MCP's crash (or from a session that never recorded) until a segment opens again.
 * Excludes: a re-record that comes later than detection plus failover time.
 * Shown by: delayed-rerecord.
 */
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
