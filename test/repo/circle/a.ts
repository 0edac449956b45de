// Fixture for no-circles.test.ts: a deliberate import circle (a → b → a), written the way src/
// is (`.js` specifiers for `.ts` files, one side a type-only import), so the check can fail.
import { b } from './b.js';

export interface A {
  name: string;
}
export const a = (): string => b({ name: 'a' });
