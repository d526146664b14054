/**
 * Broken variants of the recording path. Each replaces exactly one handler (or guard) of the
 * real model with a plausible mistake, and names the property that must catch it.
 */
import type { Draft } from 'immer';
import { handleBy } from '../../../model/kernel/tables.ts';
import { endRecording, sipCanAct, startSession } from '../../../model/recording/client.ts';
import type { Context } from '../../../model/recording/context.ts';
import { createRecording } from '../../../model/recording/index.ts';
import { handlers } from '../../../model/recording/reducer.ts';
import { writeSession } from '../../../model/recording/rm.ts';
import { eligibleMcps, reachableRm, selectMcp } from '../../../model/recording/selection.ts';
import {
  otherRm,
  type RecordingState,
  type RmId,
  recordOf,
  type SessionValue,
  sessionValue,
} from '../../../model/recording/state.ts';
import { handlers as sipHandlers } from '../../../model/sip-ha/reducer.ts';
import type { CallId } from '../../../model/sip-ha/state.ts';
import { isServingPrimary, SERVERS } from '../../../model/sip-ha/state.ts';
import { boundsVariants } from '../../bounds-variants.ts';
import type { VariantSpec } from '../../variant.ts';
import { sipFailoverKeepsRecording } from '../composition.ts';
import { recordingSinglePrimary } from '../index.ts';
import {
  notifiedWithinBound,
  reRecordedWithinBound,
  survivorAcceptsRequests,
} from '../liveness.ts';
import {
  callSurvivesMcpFailure,
  gapWithinBound,
  inDialogAffinity,
  joinedBeforeReRecord,
  profileOfTenant,
  sameParameters,
  selectsBelievedUpMcp,
} from '../safety.ts';
import { auditVariants } from './audit.ts';
import { clientVariants } from './client.ts';
import { mcpVariants } from './mcp.ts';

/** The session a survivor would make of an in-dialog request if it treated it as new. */
function remapped(
  draft: Draft<RecordingState>,
  ctx: Context,
  rm: RmId,
  call: CallId,
): SessionValue {
  const request = ctx.config.requests[Number(call.slice(1)) - 1]!;
  const tenant = ctx.config.tenants[request.tenant]!;
  // No tenant parameter inside the dialog: the dialed number decides.
  const profile = tenant.dialedNumbers[request.dialedNumber] ?? tenant.defaultProfile;
  const mcp = selectMcp(draft.rms[rm], eligibleMcps(draft.mcpView, ctx), ctx) ?? 'mcp1';
  return sessionValue(mcp, `${profile}|${request.tenant}|${ctx.config.storage}:${request.tenant}`);
}

const pathVariants: readonly VariantSpec[] = [
  {
    id: 'rm-failover-shares-sip-vip',
    model: 'recording',
    config: 'small',
    title:
      "RM's failover is applied to the SIP Server pair as well: the pair's backup takes the Virtual IP while the primary still answers on it",
    breaks: recordingSinglePrimary,
    build: () =>
      createRecording({
        handlers: {
          rmFailureDetected: (draft, event, ctx) => {
            handlers.rmFailureDetected(draft, event, ctx);
            const backup = SERVERS.find((s) => draft.sip.servers[s].role === 'backup');
            if (backup === undefined) return;
            draft.sip.servers[backup].vip = true;
          },
        },
      }),
  },
  {
    id: 'no-session-replication',
    model: 'recording',
    config: 'small',
    title: 'The RM that accepts a recording session never replicates it to its peer',
    breaks: inDialogAffinity,
    build: () =>
      createRecording({
        handlers: {
          recordingRequested: (draft, event, ctx) => {
            handlers.recordingRequested(draft, event, ctx);
            const anchor = recordOf(draft.calls, event.call).anchor;
            draft.rms[otherRm(anchor)].table[event.call] = 'none';
          },
        },
      }),
  },
  {
    id: 'in-dialog-remapped',
    model: 'recording',
    config: 'small',
    title:
      'After an RM failover the survivor maps an in-dialog BYE like a new session (profile by dialed number, fresh MCP)',
    breaks: inDialogAffinity,
    build: () =>
      createRecording({
        handlers: {
          byeRouted: (draft, event, ctx) => {
            const rec = recordOf(draft.calls, event.call);
            const rm = reachableRm(draft, rec.anchor);
            if (rm === undefined) return;
            const known = draft.rms[rm].table[event.call] ?? 'none';
            const session = rm === rec.anchor ? known : remapped(draft, ctx, rm, event.call);
            rec.bye = { rm, session };
            for (const s of rec.segments) if (s.state === 'open') s.state = 'closed';
            if (known !== 'none') writeSession(draft, ctx, rm, event.call, 'none');
            rec.status = 'done';
          },
        },
      }),
  },
  {
    id: 'down-mcp-selected',
    model: 'recording',
    config: 'no-retry',
    title:
      'RM selects the MCP for a re-record by which MCPs really run, taking a restarted MCP before its own view has it back',
    breaks: selectsBelievedUpMcp,
    build: () =>
      createRecording({
        handlers: {
          reRecordRequested: (draft, event, ctx) => {
            const view = { ...draft.mcpView };
            for (const m of ctx.mcps) draft.mcpView[m] = draft.mcps[m] ?? 'down';
            handlers.reRecordRequested(draft, event, ctx);
            Object.assign(draft.mcpView, view);
          },
        },
      }),
  },
  {
    id: 'rerecord-before-join',
    model: 'recording',
    config: 'small',
    title: 'SIP Server requests the new recording session before joining the endpoints',
    breaks: joinedBeforeReRecord,
    build: () =>
      createRecording({
        guards: {
          reRecordRequested: (state, event) => {
            const status = recordOf(state.calls, event.call).status;
            return (status === 'notified' || status === 'joined') && sipCanAct(state, event.call);
          },
        },
      }),
  },
  {
    id: 'rerecord-changed-parameters',
    model: 'recording',
    config: 'no-retry',
    title: "The new recording session falls back to the tenant's default IVR Profile",
    breaks: sameParameters,
    build: () =>
      createRecording({
        handlers: {
          reRecordRequested: (draft, event, ctx) => {
            const request = ctx.config.requests[Number(event.call.slice(1)) - 1]!;
            const profile = ctx.config.tenants[request.tenant]!.defaultProfile;
            const params = `${profile}|${request.tenant}|${ctx.config.storage}:${request.tenant}`;
            startSession(draft, ctx, event.call, params);
          },
        },
      }),
  },
  {
    id: 'no-rerecord',
    model: 'recording',
    config: 'small',
    title: 'SIP Server joins the endpoints after an MCP failure but never records the call again',
    breaks: reRecordedWithinBound,
    build: () => createRecording({ guards: { reRecordRequested: () => false } }),
  },
  {
    id: 'rm-ignores-mcp-failure',
    model: 'recording',
    config: 'small',
    title: 'RM marks a failed MCP down in its view but does not notify SIP Server',
    breaks: notifiedWithinBound,
    build: () =>
      createRecording({
        handlers: {
          mcpFailureDetected: (draft, event) => {
            delete draft.timers[`mcpDetect:${event.mcp}`];
            draft.mcpView[event.mcp] = 'down';
          },
        },
      }),
  },
  {
    id: 'no-takeover',
    model: 'recording',
    config: 'small',
    title: 'The standby RM notices the heartbeat loss but never takes over the Virtual IP',
    breaks: survivorAcceptsRequests,
    build: () =>
      createRecording({
        handlers: {
          rmFailureDetected: (draft, event) => {
            delete draft.timers[`rmDetect:${event.rm}`];
            draft.rms[event.rm].serving = false;
          },
        },
      }),
  },
  {
    id: 'join-drops-call',
    model: 'recording',
    config: 'small',
    title: 'Instead of joining the endpoints after an MCP failure, SIP Server releases the call',
    breaks: callSurvivesMcpFailure,
    build: () =>
      createRecording({
        handlers: {
          endpointsJoined: (draft, event, ctx) => {
            handlers.endpointsJoined(draft, event, ctx);
            const server = SERVERS.find((s) => isServingPrimary(draft.sip, s));
            if (server === undefined) return;
            handleBy(
              sipHandlers,
              draft.sip,
              { type: 'callReleased' as const, call: event.call, server },
              ctx.sip,
            );
            endRecording(draft, event.call, false);
          },
        },
      }),
  },
  {
    id: 'foreign-profile-accepted',
    model: 'recording',
    config: 'default',
    title: 'RM uses the IVR Profile a request names even when it belongs to another tenant',
    breaks: profileOfTenant,
    build: () =>
      createRecording({
        handlers: {
          recordingRequested: (draft, event, ctx) => {
            handlers.recordingRequested(draft, event, ctx);
            const request = ctx.config.requests[Number(event.call.slice(1)) - 1]!;
            const named = request.profileParameter;
            const rec = recordOf(draft.calls, event.call);
            const last = rec.segments.at(-1);
            if (named === null || last === undefined) return;
            const [, ...rest] = last.params.split('|');
            last.params = [named, ...rest].join('|');
          },
        },
      }),
  },
  {
    id: 'delayed-rerecord',
    model: 'recording',
    config: 'no-retry',
    title:
      'After joining the endpoints SIP Server waits a retry interval before it asks for a new session',
    breaks: gapWithinBound,
    build: () =>
      createRecording({
        handlers: {
          endpointsJoined: (draft, event, ctx) => {
            handlers.endpointsJoined(draft, event, ctx);
            recordOf(draft.calls, event.call).status = 'waiting';
            draft.timers[`retry:${event.call}`] = ctx.config.retryIntervalMs;
          },
        },
      }),
  },
  {
    id: 'failover-ends-recordings',
    model: 'recording',
    config: 'small',
    title: 'A SIP Server failover tears down the recording sessions of the calls it keeps',
    breaks: sipFailoverKeepsRecording,
    build: () =>
      createRecording({
        handlers: {
          switchoverPerformed: (draft, event, ctx) => {
            handlers.switchoverPerformed(draft, event, ctx);
            for (const call of ctx.calls) {
              if (recordOf(draft.calls, call).status === 'active') endRecording(draft, call, false);
            }
          },
        },
      }),
  },
];

export const recordingVariants: readonly VariantSpec[] = [
  ...pathVariants,
  ...auditVariants,
  ...mcpVariants,
  ...clientVariants,
  ...boundsVariants.filter((v) => v.model === 'recording'),
];
