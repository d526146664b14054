import { randomConformance } from './conformance.ts';

randomConformance('recording');
