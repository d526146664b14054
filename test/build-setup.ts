/**
 * Once per test run: the CLI tests run the built product (dist/, cli/build.mjs), so it must be
 * the build of the sources under test. `npm ci` builds it; after an edit to a source it builds
 * again, here, before any test file, and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['cli', 'model', 'properties', 'traces', 'bench', 'mutation'];
/** The build's last file (cli/build.mjs): a build cut short has none. */
const BUILT = join(ROOT, 'dist', 'BUILT');
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'];

/** The newest modification time of the code under a folder. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(latest, newest(path));
    return /\.(ts|mjs|js)$/.test(entry.name) ? Math.max(latest, statSync(path).mtimeMs) : latest;
  }, 0);
}

export default function setup(): void {
  if (process.env.HA_VERIFY_BUILT_PID === String(process.pid)) return;
  process.env.HA_VERIFY_BUILT_PID = String(process.pid);
  const sources = Math.max(
    ...SOURCES.map((d) => newest(join(ROOT, d))),
    ...CONFIGS.map((f) => statSync(join(ROOT, f)).mtimeMs),
  );
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return;
  console.log('the built CLI (dist/) is older than the sources: building it (npm run build)');
  const built = spawnSync(process.execPath, [join(ROOT, 'cli', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed: the CLI tests need the built CLI');
}
