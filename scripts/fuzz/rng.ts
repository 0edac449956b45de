// Seeded randomness for the fuzz harness (pure-rand's xoroshiro128+). Input number i of a run
// with seed s draws from its own generator, seeded from (s, i): any one input can be rebuilt
// without generating the ones before it.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

export interface Rng {
  /** An integer in [lo, hi] (both included). */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A small count: 1 with probability 1/2, 2 with 1/4, … up to max. */
  geometric(max: number): number;
}

/** The 32-bit seed of input `index` of a run seeded with `seed` (a murmur3 finaliser over both). */
export function inputSeed(seed: number, index: number): number {
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index | 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export function makeRng(seed: number): Rng {
  const g = xoroshiro128plus(seed);
  const int = (lo: number, hi: number) => uniformInt(g, lo, hi);
  return {
    int,
    chance: (p) => int(0, 999_999) < p * 1_000_000,
    pick: (items) => items[int(0, items.length - 1)],
    geometric(max) {
      let n = 1;
      while (n < max && int(0, 1) === 1) n++;
      return n;
    },
  };
}
