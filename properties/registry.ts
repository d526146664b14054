/** Every model the suite checks, with its properties. */

import { backendSuite } from './backend/index.ts';
import { bcSuite } from './bc/index.ts';
import type { AnySuite } from './engine/property.ts';
import { recordingSuite } from './recording/index.ts';
import { sipHaSuite } from './sip-ha/index.ts';

export const suites: readonly AnySuite[] = [sipHaSuite, bcSuite, recordingSuite, backendSuite];

export function findSuite(id: string): AnySuite | undefined {
  return suites.find((s) => s.model.id === id);
}
