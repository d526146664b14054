import { randomConformance } from './conformance.ts';

randomConformance('bc');
