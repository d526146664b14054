/**
 * Broken variants of SIP Server as the recording client and of how a recording ends: who may
 * ask RM for a recording or join the endpoints, when time may pass, what a dead RM may still do,
 * what RM's detection may conclude, and what a SIP Server failover, a release and a BYE do to a
 * call's recording, its segment and its RM session.
 */

import type { Draft } from 'immer';
import { canAdvanceAll } from '../../../model/kernel/clock.ts';
import { endRecording } from '../../../model/recording/client.ts';
import { runSip } from '../../../model/recording/composition.ts';
import type { Context, EventOf } from '../../../model/recording/context.ts';
import type { SipPartEvent } from '../../../model/recording/events.ts';
import { createRecording } from '../../../model/recording/index.ts';
import { handlers } from '../../../model/recording/reducer.ts';
import {
  type RecordingState,
  type RecordingStatus,
  recordOf,
} from '../../../model/recording/state.ts';
import type { SyncValue } from '../../../model/sip-ha/state.ts';
import type { VariantSpec } from '../../variant.ts';
import { clientOnPrimary, timeWaitsForSip } from '../client.ts';
import { detectionAccurate } from '../detection.ts';
import {
  byeClearsSession,
  failoverEndsLostCalls,
  openSegmentsLive,
  releaseEndsWithBye,
} from '../ending.ts';
import { downRmFrozen } from '../lifecycle.ts';

/** A pair event that does only the pair's own step, nothing of the recording path's. */
function sipOnly(
  draft: Draft<RecordingState>,
  event: SipPartEvent | EventOf<'hostCrashed'>,
  ctx: Context,
): void {
  runSip(draft, event, ctx);
}

/**
 * The real model, except that after each SIP Server failover the recordings of the calls `ends`
 * picks (by recording status and phase on the new primary) are ended without a BYE.
 */
function failoverEnds(ends: (status: RecordingStatus, phase: SyncValue | undefined) => boolean) {
  return createRecording({
    handlers: {
      switchoverPerformed: (draft, event, ctx) => {
        handlers.switchoverPerformed(draft, event, ctx);
        const table = draft.sip.servers[event.node].table;
        for (const call of ctx.calls)
          if (ends(recordOf(draft.calls, call).status, table[call]))
            endRecording(draft, call, false);
      },
    },
  });
}

export const clientVariants: readonly VariantSpec[] = [
  {
    id: 'backup-joins-endpoints',
    model: 'recording',
    config: 'small',
    title:
      'SIP Server joins the endpoints of a call whose MCP failed from any running instance that has the call established, the backup included',
    breaks: clientOnPrimary,
    build: () =>
      createRecording({
        guards: {
          endpointsJoined: (state, event) =>
            recordOf(state.calls, event.call).status === 'notified' &&
            (['sip1', 'sip2'] as const).some(
              (s) =>
                state.sip.servers[s].process === 'up' &&
                ['established', 'recording'].includes(state.sip.servers[s].table[event.call] ?? ''),
            ),
        },
      }),
  },
  {
    id: 'time-before-join',
    model: 'recording',
    config: 'small',
    title:
      'Time runs on while SIP Server could join the endpoints of a call whose MCP failed, so the gap grows by a whole timer',
    breaks: timeWaitsForSip,
    build: () =>
      createRecording({
        guards: {
          timeAdvanced: (state) => canAdvanceAll([state.sip.timers, state.timers]),
        },
      }),
  },
  {
    id: 'dead-standby-takes-vip',
    model: 'recording',
    config: 'active-standby',
    title:
      'When the active RM is declared failed, the standby takes the Virtual IP whether or not it still runs',
    breaks: downRmFrozen,
    build: () =>
      createRecording({
        handlers: {
          rmFailureDetected: (draft, event, ctx) => {
            handlers.rmFailureDetected(draft, event, ctx);
            const peer = draft.rms[event.rm === 'rm1' ? 'rm2' : 'rm1'];
            if (peer.process === 'down' && peer.role === 'backup') {
              peer.role = 'primary';
              peer.serving = true;
            }
          },
        },
      }),
  },
  {
    id: 'lost-call-keeps-recording',
    model: 'recording',
    config: 'small',
    title:
      'A SIP Server failover leaves every recording alone, those of calls the new primary does not have included',
    breaks: failoverEndsLostCalls,
    build: () => createRecording({ handlers: { switchoverPerformed: sipOnly } }),
  },
  {
    id: 'bye-leaves-segment-open',
    model: 'recording',
    config: 'small',
    title: "The BYE of a recording session ends the call's recording but leaves its segment open",
    breaks: openSegmentsLive,
    build: () =>
      createRecording({
        handlers: {
          byeRouted: (draft, event, ctx) => {
            const segments = recordOf(draft.calls, event.call).segments;
            const open = segments.flatMap((s, i) => (s.state === 'open' ? [i] : []));
            handlers.byeRouted(draft, event, ctx);
            for (const i of open) segments[i]!.state = 'open';
          },
        },
      }),
  },
  {
    id: 'bye-keeps-session',
    model: 'recording',
    config: 'small',
    title: 'An RM routes the BYE of a recording session and keeps the session in its table',
    breaks: byeClearsSession,
    build: () =>
      createRecording({
        handlers: {
          byeRouted: (draft, event, ctx) => {
            const held = {
              rm1: draft.rms.rm1.table[event.call],
              rm2: draft.rms.rm2.table[event.call],
            };
            handlers.byeRouted(draft, event, ctx);
            const bye = recordOf(draft.calls, event.call).bye;
            if (bye !== undefined && held[bye.rm] !== undefined)
              draft.rms[bye.rm].table[event.call] = held[bye.rm]!;
          },
        },
      }),
  },
  {
    id: 'redetect-known-failure',
    model: 'recording',
    config: 'active-active',
    title:
      'An MCP that crashes again before RM noticed it was back is put under detection again, and RM declares it failed a second time',
    breaks: detectionAccurate,
    build: () =>
      createRecording({
        handlers: {
          processCrashed: (draft, event, ctx) => {
            const known =
              event.node.startsWith('mcp') && draft.mcpView[event.node as 'mcp1'] === 'down';
            handlers.processCrashed(draft, event, ctx);
            if (known) draft.timers[`mcpDetect:${event.node as 'mcp1'}`] = ctx.config.mcpDetectMs;
          },
        },
      }),
  },
  {
    id: 'failover-drops-bye',
    model: 'recording',
    config: 'small',
    title:
      'A SIP Server failover ends the recording of a released call the new primary does not have, so its BYE never reaches RM',
    breaks: releaseEndsWithBye,
    build: () =>
      failoverEnds(
        (status, phase) =>
          status === 'releasing' && phase !== 'established' && phase !== 'recording',
      ),
  },
  {
    id: 'release-closes-before-bye',
    model: 'recording',
    config: 'small',
    title: 'The release of a recorded call closes its segment at once, before the BYE reaches RM',
    breaks: releaseEndsWithBye,
    build: () =>
      createRecording({
        handlers: {
          callReleased: (draft, event, ctx) => {
            handlers.callReleased(draft, event, ctx);
            const rec = recordOf(draft.calls, event.call);
            if (rec.status !== 'releasing') return;
            for (const segment of rec.segments)
              if (segment.state === 'open') segment.state = 'closed';
          },
        },
      }),
  },
  {
    id: 'failover-ends-unsynced-recording',
    model: 'recording',
    config: 'small',
    title:
      'A SIP Server failover ends the recording of a call the new primary has established but not yet as recording (its sync lagged)',
    breaks: failoverEndsLostCalls,
    build: () =>
      failoverEnds(
        (status, phase) =>
          status !== 'off' && status !== 'done' && status !== 'releasing' && phase !== 'recording',
      ),
  },
];
