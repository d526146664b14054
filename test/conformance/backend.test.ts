import { conformance } from './conformance.ts';

conformance('backend');
