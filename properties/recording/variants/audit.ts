/**
 * Broken variants added by the audit of the recording path's properties: each shows a way the
 * old oracle (a model helper, an event label, a status flag, a wide exemption) let a mistake
 * through, or a liveness miss only the every-path check sees. Each replaces one handler.
 */

import { handleBy } from '../../../model/kernel/tables.ts';
import { endRecording, failAttempt } from '../../../model/recording/client.ts';
import { createRecording } from '../../../model/recording/index.ts';
import { handlers } from '../../../model/recording/reducer.ts';
import { writeSession } from '../../../model/recording/rm.ts';
import { eligibleMcps, reachableRm, selectMcp } from '../../../model/recording/selection.ts';
import { mcpOf, RMS, recordOf } from '../../../model/recording/state.ts';
import { handlers as sipHandlers } from '../../../model/sip-ha/reducer.ts';
import { type CallId, isServingPrimary, SERVERS } from '../../../model/sip-ha/state.ts';
import type { VariantSpec } from '../../variant.ts';
import { notifiedWithinBound, reRecordedWithinBound } from '../liveness.ts';
import { callSurvivesMcpFailure, inDialogAffinity, mcpServesAnyTenant } from '../safety.ts';

export const auditVariants: readonly VariantSpec[] = [
  {
    id: 'rm-drops-session-silently',
    model: 'recording',
    config: 'lagged',
    title:
      'RM drops the sessions on a failed MCP from its table but never notifies SIP Server, which goes on believing the call is recorded',
    breaks: notifiedWithinBound,
    build: () =>
      createRecording({
        handlers: {
          mcpFailureDetected: (draft, event, ctx) => {
            delete draft.timers[`mcpDetect:${event.mcp}`];
            draft.mcpView[event.mcp] = 'down';
            for (const rm of RMS) {
              const r = draft.rms[rm];
              if (r.process !== 'up' || !r.serving) continue;
              for (const call of ctx.calls)
                if (mcpOf(r.table[call]) === event.mcp) writeSession(draft, ctx, rm, call, 'none');
            }
          },
        },
      }),
  },
  {
    id: 'tenant-bound-to-one-mcp',
    model: 'recording',
    config: 'no-retry',
    title:
      "RM records the second tenant's sessions only on the first MCP: a request the group's method would place elsewhere is refused, as if no other MCP could record for it",
    breaks: mcpServesAnyTenant,
    build: () =>
      createRecording({
        handlers: {
          recordingRequested: (draft, event, ctx) => {
            const tenants = Object.keys(ctx.config.tenants);
            const request = ctx.config.requests[Number(event.call.slice(1)) - 1]!;
            const rm = reachableRm(draft);
            const pick =
              rm === undefined
                ? undefined
                : selectMcp(draft.rms[rm], eligibleMcps(draft.mcpView, ctx), ctx);
            if (request.tenant !== tenants[1] || pick === undefined || pick === ctx.mcps[0]) {
              handlers.recordingRequested(draft, event, ctx);
              return;
            }
            // RM's view, seen through the tenant's restriction: no MCP it may use.
            const view = { ...draft.mcpView };
            for (const m of ctx.mcps) draft.mcpView[m] = 'down';
            handlers.recordingRequested(draft, event, ctx);
            Object.assign(draft.mcpView, view);
          },
        },
      }),
  },
  {
    id: 'tenant-pinned-to-first-mcp',
    model: 'recording',
    config: 'no-retry',
    title:
      "RM places the second tenant's sessions only on the first MCP and refuses them while that MCP is down, though another MCP is up",
    breaks: mcpServesAnyTenant,
    build: () =>
      createRecording({
        handlers: {
          reRecordRequested: (draft, event, ctx) => {
            const tenants = Object.keys(ctx.config.tenants);
            const request = ctx.config.requests[Number(event.call.slice(1)) - 1]!;
            if (request.tenant === tenants[1] && draft.mcpView[ctx.mcps[0]!] !== 'up') {
              failAttempt(draft, ctx, event.call);
              return;
            }
            handlers.reRecordRequested(draft, event, ctx);
          },
        },
      }),
  },
  {
    id: 'rerecord-insists-on-failed-mcp',
    model: 'recording',
    config: 'small',
    title:
      'SIP Server asks for the new session on the failed MCP and, each time RM refuses it, asks again at once without counting a retry',
    breaks: reRecordedWithinBound,
    liveness: 'lasso',
    build: () =>
      createRecording({
        handlers: {
          reRecordRequested: (draft, event, ctx) => {
            const rec = recordOf(draft.calls, event.call);
            const failed = rec.segments.at(-1)?.mcp;
            if (failed === undefined || draft.mcpView[failed] === 'up') {
              handlers.reRecordRequested(draft, event, ctx);
              return;
            }
            // RM refused the session; SIP Server asks again at once, spending no retry.
            rec.status = 'joined';
          },
        },
      }),
  },
  {
    id: 'sync-resets-notified-call',
    model: 'recording',
    config: 'lagged',
    title:
      "The SIP Server pair's sync of a call that RM has just reported overwrites the recording client's state with the stale 'recording', so the call is never recorded again",
    breaks: reRecordedWithinBound,
    liveness: 'other-order',
    build: () =>
      createRecording({
        handlers: {
          syncDelivered: (draft, event, ctx) => {
            handlers.syncDelivered(draft, event, ctx);
            const rec = recordOf(draft.calls, event.key as CallId);
            if (rec.status === 'notified') rec.status = 'active';
          },
        },
      }),
  },
  {
    id: 'rm-failover-drops-calls',
    model: 'recording',
    config: 'small',
    title:
      'When the heartbeat declares an RM failed, SIP Server releases the calls whose recording sessions that RM had accepted',
    breaks: callSurvivesMcpFailure,
    build: () =>
      createRecording({
        handlers: {
          rmFailureDetected: (draft, event, ctx) => {
            handlers.rmFailureDetected(draft, event, ctx);
            const server = SERVERS.find((s) => isServingPrimary(draft.sip, s));
            if (server === undefined) return;
            for (const call of ctx.calls) {
              const rec = recordOf(draft.calls, call);
              if (rec.anchor !== event.rm || rec.status !== 'active') continue;
              handleBy(
                sipHandlers,
                draft.sip,
                { type: 'callReleased' as const, call, server },
                ctx.sip,
              );
              endRecording(draft, call, false);
            }
          },
        },
      }),
  },
  {
    id: 'standby-acks-unstored-session',
    model: 'recording',
    config: 'lagged',
    title:
      'The standby RM acknowledges a replicated session but never stores it, so after a failover it rejects the BYE of a session it had acknowledged',
    breaks: inDialogAffinity,
    build: () =>
      createRecording({
        handlers: {
          sessionSyncDelivered: (draft, event) => {
            const link = draft.links[event.rm];
            const value = link.inflight[event.call];
            if (value === undefined) return;
            draft.rms[event.rm].acked[event.call] = value;
            delete link.inflight[event.call];
          },
        },
      }),
  },
  {
    id: 'rm-ends-recording-on-mcp-failure',
    model: 'recording',
    config: 'small',
    title:
      "RM ends the recording leg of a call on a failed MCP as if the call were over, instead of notifying SIP Server of the MCP's failure",
    breaks: notifiedWithinBound,
    build: () =>
      createRecording({
        handlers: {
          mcpFailureDetected: (draft, event, ctx) => {
            delete draft.timers[`mcpDetect:${event.mcp}`];
            draft.mcpView[event.mcp] = 'down';
            for (const rm of RMS) {
              const r = draft.rms[rm];
              if (r.process !== 'up' || !r.serving) continue;
              for (const call of ctx.calls) {
                if (mcpOf(r.table[call]) !== event.mcp) continue;
                writeSession(draft, ctx, rm, call, 'none');
                recordOf(draft.calls, call).status = 'done';
              }
            }
          },
        },
      }),
  },
  {
    id: 'gives-up-at-once',
    model: 'recording',
    config: 'small',
    title:
      'After joining the endpoints SIP Server gives up recording the call at once, with its retries unused and an MCP available',
    breaks: reRecordedWithinBound,
    build: () =>
      createRecording({
        handlers: {
          reRecordRequested: (draft, event) => {
            const rec = recordOf(draft.calls, event.call);
            rec.status = 'failed';
            delete rec.gapMs;
          },
        },
      }),
  },
];
