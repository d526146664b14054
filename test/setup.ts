/**
 * Before each test file: fast-check's runs take the run's seed (test/global-setup.ts), and immer
 * freezes what it produces (the engines turn this off for their own runs).
 */
import fc from 'fast-check';
import { setAutoFreeze } from 'immer';
import { seedFromEnv } from './helpers.ts';

fc.configureGlobal({ seed: seedFromEnv() });
setAutoFreeze(true);
