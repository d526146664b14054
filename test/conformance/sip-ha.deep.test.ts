import { randomConformance } from './conformance.ts';

randomConformance('sip-ha');
