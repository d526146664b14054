import { conformance } from './conformance.ts';

conformance('backend', [2, 2]);
