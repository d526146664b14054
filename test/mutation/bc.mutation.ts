/** The mutation check of the bc model (kill.ts): its budget per config. */
import { mutationChecks } from './kill.ts';

mutationChecks('bc', { maxStates: 30_000, runs: 300 });
