/** The mutation check of the sip-ha model (kill.ts): its budget per config. */
import { mutationChecks } from './kill.ts';

mutationChecks('sip-ha', { maxStates: 8_000, runs: 300 });
