/** The mutation check of the backend model: its configs and budget are in kill.ts. */
import { mutationChecks } from './kill.ts';

mutationChecks('backend');
