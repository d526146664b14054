import { conformance } from './conformance.ts';

conformance('bc');
