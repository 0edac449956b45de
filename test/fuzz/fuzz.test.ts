// A fixed-seed slice of `npm run fuzz` (which runs 100,000 inputs): mutants of every real config
// and fixture and generated documents of every format go through lint() with no exception
// escaping, no internal error and no impossible position. Inputs over the time limit are
// printed, not failed on (a test never fails on a clock; `npm run fuzz` does).
import { describe, expect, it } from 'vitest';
import { fuzz, type Case } from '../../scripts/fuzz/harness.js';
import type { Problem } from '../../scripts/fuzz/check.js';
import { api, corpus } from './helpers.js';

const SEED = 11;
const COUNT = 2000;

describe('fuzz (fixed seed)', () => {
  it(`${COUNT} inputs from seed ${SEED}: no escaped exception, internal error or impossible position`, async () => {
    const found: string[] = [];
    const counts = await fuzz({
      api,
      corpus,
      seed: SEED,
      count: COUNT,
      onProblem: (c: Case, problems: Problem[]) => {
        found.push(
          `input ${c.index} (${c.from}; ${c.ops.join(', ') || 'unmutated'}; replay: npm run fuzz -- --seed ${SEED} --only ${c.index}):\n${problems.map((p) => `  [${p.kind}] ${p.detail.split('\n')[0]}`).join('\n')}`,
        );
      },
    });
    if (counts.slow)
      console.log(
        `fuzz: ${counts.slow} input(s) over the time limit:\n${found.filter((f) => f.includes('[slow]')).join('\n')}`,
      );
    expect(counts.inputs).toBe(COUNT);
    expect(found.filter((f) => /\[(exception|internal|position)\]/.test(f))).toEqual([]);
    expect({ exception: counts.exception, internal: counts.internal, position: counts.position }).toEqual({
      exception: 0,
      internal: 0,
      position: 0,
    });
  }, 120_000);
});
