/** The mutation check of the backend model (kill.ts): its budget per config. */
import { mutationChecks } from './kill.ts';

mutationChecks('backend', { maxStates: 8_000, runs: 1_000 });
