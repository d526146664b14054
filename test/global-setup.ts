/**
 * Once per test run, before any test file: the run's seed of the random engine and of
 * fast-check. FC_SEED if set; else in CI (CI set, and not 'false' or '0') a fixed one, so CI's
 * runs are the same; else one drawn now, so local runs try other schedules. Printed either way,
 * with the command that repeats the run. Tests read it from HA_VERIFY_SEED (test/helpers.ts).
 */
import { randomInt } from 'node:crypto';

export const FIXED_SEED = 20261201;

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/**
 * Each project (tier) runs this setup, in the main process, each with its own copy of this
 * module: the first one picks the seed and marks it with the process id, so a value left in the
 * environment by another process is not taken for this run's.
 */
export default function setup(): void {
  if (process.env.HA_VERIFY_SEED_PID === String(process.pid)) return;
  process.env.HA_VERIFY_SEED_PID = String(process.pid);
  const given = process.env.FC_SEED;
  if (given !== undefined && given !== '' && !/^\d{1,15}$/.test(given))
    throw new Error(`FC_SEED is '${given}': give a whole number of at most 15 digits`);
  const seed =
    given !== undefined && given !== ''
      ? given
      : String(inCi() ? FIXED_SEED : randomInt(1, 2 ** 31 - 1));
  process.env.HA_VERIFY_SEED = seed;
  console.log(
    `random seed ${seed} (repeat: FC_SEED=${seed} npm test, or FC_SEED=${seed} npm run test:deep)`,
  );
}
