import { livenessKinds } from './conformance.ts';

livenessKinds();
