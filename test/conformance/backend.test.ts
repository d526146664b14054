import { conformance } from './conformance.ts';

conformance('backend', [1, 2]);
