#!/usr/bin/env node
// Entry point of the `ha-verify` command: the built CLI (dist/, written by `npm run build`, which
// `npm ci` runs as its prepare step). The sources run with tsx instead: `npm run ha-verify`.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
// The build's last file: without it the build is missing or was cut short.
if (!existsSync(new URL('../dist/BUILT', import.meta.url))) {
  console.error('ha-verify: the CLI is not built (no dist/); run npm run build, or npm ci');
  process.exit(2);
}
await import(main.href);
