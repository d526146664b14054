#!/usr/bin/env node
// Entry point of the `ha-verify` command: registers tsx, then runs the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
