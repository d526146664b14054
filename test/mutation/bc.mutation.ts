/** The mutation check of the bc model: its configs and budget are in kill.ts. */
import { mutationChecks } from './kill.ts';

mutationChecks('bc');
