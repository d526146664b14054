// The deep-tier conformance of every benchmark model (the registry's `benchmarks`).
import { benchmarks } from '../../properties/registry.ts';
import { randomConformance } from './conformance.ts';

for (const suite of benchmarks) randomConformance(suite.model.id);
