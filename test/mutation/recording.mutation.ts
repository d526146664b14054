/** The mutation check of the recording model (kill.ts): its budget per config. */
import { mutationChecks } from './kill.ts';

mutationChecks('recording', { maxStates: 8_000, runs: 300 });
