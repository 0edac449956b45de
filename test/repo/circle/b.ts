// Fixture for no-circles.test.ts: the other half of the deliberate circle (b → a, type only).
import type { A } from './a.js';

export const b = (x: A): string => x.name;
