/**
 * Before each test file: fast-check's runs take the run's seed (test/global-setup.ts), and immer
 * freezes what it produces. An engine's run turns freezing off for the rest of the file; example
 * runs (runEvents in helpers.ts) turn it on again for themselves.
 */
import fc from 'fast-check';
import { setAutoFreeze } from '../model/kernel/immer.ts';
import { seedFromEnv } from './helpers.ts';

fc.configureGlobal({ seed: seedFromEnv() });
setAutoFreeze(true);
