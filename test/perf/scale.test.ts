import { describe, it, expect } from 'vitest';
import { parseSource } from '../../src/source/source.js';
import { lintSources } from '../../src/workflow/lint.js';
// @ts-expect-error plain JS helper shared with the benchmark
import { bigFile } from '../../bench/generate.mjs';

// No timing assertion here (wall clock belongs to `npm run bench`): this pins that a very large
// file lints, and that the per-bucket grouping still finds exactly the planted overlaps.
describe('scale', () => {
  it('lints one file with 20,000 OSS triggers and finds the one planted overlap in every tenth bucket', () => {
    const text: string = bigFile(20000);
    const r = lintSources(
      [parseSource('big/s.yaml', text)],
      { env: {}, rules: { 'multipart-fanout': 'off' } },
      new Set(['big/s.yaml']),
    );
    const byRule = new Map<string, number>();
    for (const f of r.files[0].findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    // 20,000 triggers, 8 per bucket: 2,500 buckets, an overlap planted in buckets 0, 10, 20…
    expect(byRule.get('trigger-overlap')).toBe(250);
    expect(byRule.get('bucket-trigger-limit')).toBeUndefined();
  }, 300_000);
});
