#!/usr/bin/env node
// Builds the product ahead of time (`npm run build`, and `prepare` on `npm ci`): the TypeScript
// of cli/, model/, properties/, traces/ and bench/ compiled file by file into dist/, with the same
// folder layout, so that `ha-verify` starts without transpiling anything. tsx stays the
// development runner (`npm start`, `npm run ha-verify`); the tests run the built CLI.
//
// Two things the compiler does not emit: the explorer's worker bootstrap (in the sources it
// registers tsx, in dist/ it loads the compiled worker), and the path from dist/ to node_modules/
// that model/kernel/immer.ts takes to immer's production build (a link, dist/node_modules).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without dev dependencies (npm ci --omit=dev) has no compiler: nothing to build.
  console.error(
    'ha-verify build: skipped, TypeScript is not installed (a dev dependency); npm ci without --omit=dev builds the CLI',
  );
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.error('ha-verify build: the TypeScript compiler failed (see above); nothing was built');
  process.exit(1);
}

const engine = join(dist, 'properties', 'engine');
mkdirSync(engine, { recursive: true });
writeFileSync(
  join(engine, 'explore-worker.mjs'),
  "// Worker bootstrap of the built product (cli/build.mjs): the compiled worker.\nawait import('./explore-worker.js');\n",
);
symlinkSync(join('..', 'node_modules'), join(dist, 'node_modules'), 'dir');
// Written last: a build cut short has none, and counts as not built (cli/bin.js, the tests).
writeFileSync(join(dist, 'BUILT'), 'written by cli/build.mjs once everything else was\n');
