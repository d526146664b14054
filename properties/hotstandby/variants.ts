/** Broken variants of the benchmark's hot-standby pair. */
import { createHotStandby } from '../../model/hotstandby/index.ts';
import { handlers } from '../../model/hotstandby/pair.ts';
import { other } from '../../model/hotstandby/state.ts';
import type { VariantSpec } from '../variant.ts';
import { noAckedCallLost, replicatedAckedSurvive } from './index.ts';

export const hotStandbyVariants: readonly VariantSpec[] = [
  {
    // HotStandby.tla with Buggy = TRUE; 4-step counterexample StartCall(0), Establish(0),
    // Crash(P), Failover.
    id: 'ack-before-replication',
    model: 'hotstandby',
    config: 'c3',
    title: 'The active server acks the client at Establish, before the standby has the call',
    breaks: noAckedCallLost,
    build: () =>
      createHotStandby({
        handlers: {
          callEstablished: (draft, event, ctx) => {
            handlers.callEstablished(draft, event, ctx);
            draft.client[event.call] = 'est';
          },
        },
        // There is no separate Ack step.
        guards: { callAcked: () => false },
      }),
  },
  {
    id: 'failover-before-resync',
    model: 'hotstandby',
    config: 'c3',
    title:
      'The standby takes over without waiting for its resync: a recovered standby that never got the calls serves without them',
    breaks: replicatedAckedSurvive,
    build: () =>
      createHotStandby({
        guards: { failoverPerformed: (s) => !s.up[s.active] && s.up[other(s.active)] },
      }),
  },
];
