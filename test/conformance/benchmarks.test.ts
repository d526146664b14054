// The fast-tier conformance of every benchmark model (the registry's `benchmarks`): a model added
// there is checked here with no test file of its own.
import { benchmarks } from '../../properties/registry.ts';
import { conformance } from './conformance.ts';

for (const suite of benchmarks) conformance(suite.model.id);
