import { randomConformance } from './conformance.ts';

randomConformance('backend');
