/**
 * Broken variants of the MCP group: how RM balances new sessions over it, and what an MCP's
 * crash does to the segments it was recording.
 */
import type { Draft } from 'immer';
import { canAdvanceAll } from '../../model/kernel/clock.ts';
import { endRecording } from '../../model/recording/client.ts';
import { sipOnly } from '../../model/recording/composition.ts';
import type { Context } from '../../model/recording/context.ts';
import { createRecording } from '../../model/recording/index.ts';
import { handlers } from '../../model/recording/reducer.ts';
import { type RecordingState, recordOf } from '../../model/recording/state.ts';
import type { Variant } from '../variant.ts';

/** The open segments an MCP holds, as [call, index] pairs. */
function openOn(draft: Draft<RecordingState>, mcp: string): [string, number][] {
  return Object.entries(draft.calls).flatMap(([call, rec]) =>
    rec.segments.flatMap((seg, i): [string, number][] =>
      seg.mcp === mcp && seg.state === 'open' ? [[call, i]] : [],
    ),
  );
}

/** The real model, except that a crashed MCP's open segments end up in the given state. */
function crashLeaves(state: 'open' | 'stored') {
  return createRecording({
    handlers: {
      processCrashed: (draft, event, ctx) => {
        const open = openOn(draft, event.node);
        handlers.processCrashed(draft, event, ctx);
        for (const [call, i] of open)
          draft.calls[call as keyof typeof draft.calls]!.segments[i]!.state = state;
      },
    },
  });
}

export const mcpVariants: readonly Variant[] = [
  {
    id: 'least-used-ignores-load',
    model: 'recording',
    config: 'no-retry',
    title:
      'The group is set to least used, but RM never reads the option and goes round robin, giving a session to a busier MCP',
    expect: 'recording.mcp-balancing',
    build: () => {
      const rotating = (ctx: Context): Context => ({
        ...ctx,
        config: { ...ctx.config, balancing: 'round-robin' },
      });
      return createRecording({
        handlers: {
          recordingRequested: (draft, event, ctx) =>
            handlers.recordingRequested(draft, event, rotating(ctx)),
          reRecordRequested: (draft, event, ctx) =>
            handlers.reRecordRequested(draft, event, rotating(ctx)),
        },
      });
    },
  },
  {
    id: 'round-robin-stuck',
    model: 'recording',
    config: 'small',
    title:
      'RM forgets its place in the round robin: every new session starts again from the first MCP it believes up',
    expect: 'recording.mcp-balancing',
    build: () => {
      const forget = (draft: Draft<RecordingState>) => {
        draft.rms.rm1.lastMcp = 'none';
        draft.rms.rm2.lastMcp = 'none';
      };
      return createRecording({
        handlers: {
          recordingRequested: (draft, event, ctx) => {
            forget(draft);
            handlers.recordingRequested(draft, event, ctx);
          },
          reRecordRequested: (draft, event, ctx) => {
            forget(draft);
            handlers.reRecordRequested(draft, event, ctx);
          },
        },
      });
    },
  },
  {
    id: 'crash-leaves-segment-open',
    model: 'recording',
    config: 'small',
    title:
      "An MCP's crash is not seen by the segments it was recording: they stay open on a dead MCP",
    expect: 'recording.mcp-crash-ends-segments',
    build: () => crashLeaves('open'),
  },
  {
    id: 'crash-keeps-lost-audio',
    model: 'recording',
    config: 'audio-lost',
    title:
      "Where the audio before a crash is lost, a crashed MCP's segments are counted as stored all the same",
    expect: 'recording.mcp-crash-ends-segments',
    build: () => crashLeaves('stored'),
  },
  {
    id: 'close-ends-stored-segments',
    model: 'recording',
    config: 'small',
    title:
      "The call's BYE closes every segment of the call, the ones already stored among them, which are then written again",
    expect: 'recording.segment-lifecycle',
    build: () =>
      createRecording({
        handlers: {
          byeRouted: (draft, event, ctx) => {
            handlers.byeRouted(draft, event, ctx);
            for (const segment of recordOf(draft.calls, event.call).segments)
              if (segment.state === 'stored') segment.state = 'closed';
          },
        },
      }),
  },
  {
    id: 'dead-mcp-stores',
    model: 'recording',
    config: 'small',
    title: 'A finished segment is written to storage by its MCP even after that MCP crashed',
    expect: 'recording.segment-lifecycle',
    build: () =>
      createRecording({
        guards: {
          segmentStored: (state, event) =>
            recordOf(state.calls, event.call).segments[event.segment]?.state === 'closed',
        },
      }),
  },
  {
    id: 'retry-spends-two',
    model: 'recording',
    config: 'single-mcp',
    title:
      'A retry of a recording request that found no RM or MCP counts twice against maxRecordRetries',
    expect: 'recording.gives-up-after-retries',
    build: () =>
      createRecording({
        handlers: {
          recordingRequested: (draft, event, ctx) => {
            handlers.recordingRequested(draft, event, ctx);
            const rec = recordOf(draft.calls, event.call);
            if (rec.status === 'waiting') rec.retriesLeft -= 1;
          },
          reRecordRequested: (draft, event, ctx) => {
            handlers.reRecordRequested(draft, event, ctx);
            const rec = recordOf(draft.calls, event.call);
            if (rec.status === 'waiting') rec.retriesLeft -= 1;
          },
        },
      }),
  },
  {
    id: 'rm2-crash-hits-mcp',
    model: 'recording',
    config: 'small',
    title:
      'A crash of rm2 is taken for the crash of an MCP of that name: rm2 goes on running, and the pool gains a dead member',
    expect: 'recording.faults-hit-what-they-name',
    build: () =>
      createRecording({
        handlers: {
          processCrashed: (draft, event, ctx) => {
            if (event.node !== 'rm2') return handlers.processCrashed(draft, event, ctx);
            (draft.mcps as Record<string, 'up' | 'down'>).rm2 = 'down';
            draft.faultsLeft -= 1;
          },
        },
      }),
  },
  {
    id: 'backup-joins-endpoints',
    model: 'recording',
    config: 'small',
    title:
      'SIP Server joins the endpoints of a call whose MCP failed from any running instance that has the call established, the backup included',
    expect: 'recording.client-on-primary',
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
    expect: 'recording.time-waits-for-sip',
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
    expect: 'recording.down-rm-frozen',
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
    expect: 'recording.failover-ends-lost-calls',
    build: () => createRecording({ handlers: { switchoverPerformed: sipOnly } }),
  },
  {
    id: 'bye-leaves-segment-open',
    model: 'recording',
    config: 'small',
    title: "The BYE of a recording session ends the call's recording but leaves its segment open",
    expect: 'recording.open-segments-live',
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
    expect: 'recording.bye-clears-session',
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
    expect: 'recording.detection-accurate',
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
    expect: 'recording.release-ends-with-bye',
    build: () =>
      createRecording({
        handlers: {
          switchoverPerformed: (draft, event, ctx) => {
            handlers.switchoverPerformed(draft, event, ctx);
            const table = draft.sip.servers[event.node].table;
            for (const call of ctx.calls) {
              const phase = table[call];
              if (
                recordOf(draft.calls, call).status === 'releasing' &&
                phase !== 'established' &&
                phase !== 'recording'
              )
                endRecording(draft, call, false);
            }
          },
        },
      }),
  },
  {
    id: 'release-closes-before-bye',
    model: 'recording',
    config: 'small',
    title: 'The release of a recorded call closes its segment at once, before the BYE reaches RM',
    expect: 'recording.release-ends-with-bye',
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
    expect: 'recording.failover-ends-lost-calls',
    build: () =>
      createRecording({
        handlers: {
          switchoverPerformed: (draft, event, ctx) => {
            handlers.switchoverPerformed(draft, event, ctx);
            const table = draft.sip.servers[event.node].table;
            for (const call of ctx.calls) {
              const status = recordOf(draft.calls, call).status;
              if (
                status !== 'off' &&
                status !== 'done' &&
                status !== 'releasing' &&
                table[call] !== 'recording'
              )
                endRecording(draft, call, false);
            }
          },
        },
      }),
  },
];
