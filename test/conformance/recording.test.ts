import { conformance } from './conformance.ts';

conformance('recording');
