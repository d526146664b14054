/**
 * The layer order, checked by `npm run layers` (part of `npm test`):
 * model ← properties ← traces ← bench, mutation ← cli ← test.
 * test/layers.test.ts shows that each rule fails on a back edge.
 */
module.exports = {
  forbidden: [
    {
      name: 'not-to-test',
      comment:
        'Only tests import from test/: what the product needs (variants, fixtures) lives in it.',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-cli',
      comment: 'cli/ is the top of the product: nothing below it imports it.',
      severity: 'error',
      from: { pathNot: '^(cli|test)/' },
      to: { path: '^cli/' },
    },
    {
      name: 'model-is-pure',
      comment: 'A model imports only model/ and immer: no clock, environment, file or engine.',
      severity: 'error',
      from: { path: '^model/' },
      to: { pathNot: '^(model/|node_modules/immer/)' },
    },
    {
      name: 'one-immer',
      comment:
        "Values from immer come from model/kernel/immer.ts, so produce and setAutoFreeze share one instance; types may come from 'immer'.",
      severity: 'error',
      from: { pathNot: '^model/kernel/immer\\.ts$' },
      to: { path: '^(node_modules/immer/|immer$)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'engine-is-generic',
      comment:
        "The engines judge any model: they import no model, no model's properties, traces or tools.",
      severity: 'error',
      from: { path: '^properties/engine/' },
      to: { path: '^(properties/(?!engine/)|model/(?!kernel/)|traces/|bench/|mutation/|cli/)' },
    },
    {
      name: 'properties-below-traces',
      comment: 'Traces replay with the engines; properties and variants do not import traces.',
      severity: 'error',
      from: { path: '^properties/' },
      to: { path: '^traces/' },
    },
    {
      name: 'below-tools',
      comment: 'Models, properties and traces do not import the bench or the mutation tooling.',
      severity: 'error',
      from: { path: '^(model|properties|traces)/' },
      to: { path: '^(bench|mutation)/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports count: a type from test/ is a back edge too.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.stryker-tmp|\\.ha-verify)/' },
  },
};
