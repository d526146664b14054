/** The mutation check of the recording model: its configs and budget are in kill.ts. */
import { mutationChecks } from './kill.ts';

mutationChecks('recording');
