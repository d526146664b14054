/** The mutation check of the sip-ha model: its configs and budget are in kill.ts. */
import { mutationChecks } from './kill.ts';

mutationChecks('sip-ha');
