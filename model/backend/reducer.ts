/**
 * The recording back end: its events' declarations, gathered from the role files that own them,
 * and the guard and handler tables derived from them (what a broken variant replaces).
 *
 * Source: GIR Solution Guide, "High Availability" › Web Services and Cassandra, Recording
 * Processor, Recording Crypto Server, SpeechMiner. The recording path is the recording model,
 * its declarations lifted onto the `rec` sub-state (composition.ts); events of the back end live
 * by role: pipeline-events.ts (MCP's POST, the Processors, Web Services and Cassandra,
 * SpeechMiner), playback.ts (UI and Crypto Servers), environment.ts (faults, repairs, takeovers,
 * time).
 */
import { guardsOf, handlersOf } from '../kernel/tables.ts';
import * as path from './composition.ts';
import type { Declared } from './context.ts';
import * as env from './environment.ts';
import * as pipeline from './pipeline-events.ts';
import * as playback from './playback.ts';

export const events: Declared = {
  ...path.events,
  ...pipeline.events,
  ...playback.events,
  ...env.events,
};

export const handlers = handlersOf(events);
export const guards = guardsOf(events);
