/**
 * The one immer every part of the project uses: its production build. The build a bare
 * `import 'immer'` resolves to reads `process.env.NODE_ENV` inside its proxy traps, on every
 * property a reducer touches; the production build is the same code without those reads, and
 * the explorer runs about 12 % faster on it (measured on the benchmark's reference model). The
 * package's exports map does not expose that file, so it is loaded by its path; its types are
 * the package's own. All value imports of immer go through here (`npm run layers` checks), so
 * that `setAutoFreeze` and `produce` act on the same instance.
 */
import type * as Immer from 'immer';

// Stryker disable next-line StringLiteral: where the build is, not what a model does; any other path fails every import
const build = new URL('../../node_modules/immer/dist/immer.production.mjs', import.meta.url);
const immer = (await import(build.href)) as typeof Immer;

export const { produce, setAutoFreeze, freeze } = immer;
export type { Draft } from 'immer';
