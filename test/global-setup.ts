/**
 * Once per test run, before any test file: the seed of the random engine and of fast-check.
 * FC_SEED if set; else in CI a fixed one, so CI's runs are the same; else one drawn now, so local
 * runs explore other schedules. Printed either way with the command that repeats the run.
 */
import { randomInt } from 'node:crypto';

export const CI_SEED = 20261201;

export default function setup(): void {
  const given = process.env.FC_SEED;
  const seed =
    given !== undefined && given !== ''
      ? given
      : String(process.env.CI ? CI_SEED : randomInt(1, 2 ** 31 - 1));
  process.env.FC_SEED = seed;
  // Once per run, though each project (tier) runs this setup.
  if (process.env.HA_VERIFY_SEED_SHOWN === seed) return;
  process.env.HA_VERIFY_SEED_SHOWN = seed;
  console.log(`random seed ${seed} (repeat: FC_SEED=${seed} npm test)`);
}
