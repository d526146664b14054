import { conformance } from './conformance.ts';

conformance('sip-ha');
