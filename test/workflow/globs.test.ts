// Configuration globs (issue #25): compiled once per process, and brace expansion bounded — a
// 798-byte .trigger-lint.yaml with brace globs in `ignore` took 112 s over 11 files.
import { describe, expect, it } from 'vitest';
import { braceExpansions, globMatches, MAX_BRACE_EXPANSIONS } from '../../src/workflow/config/resolve.js';

describe('configuration globs', () => {
  it('count what braces expand to: alternatives multiply, ranges count their length', () => {
    expect(braceExpansions('*.yaml')).toBe(1);
    expect(braceExpansions('{a,b}/{c,d,e}.yml')).toBe(6);
    expect(braceExpansions('svc-{1..100}/s.yaml')).toBe(100);
    expect(braceExpansions('{a,b}'.repeat(20))).toBeGreaterThan(MAX_BRACE_EXPANSIONS);
  });

  it('an ordinary brace glob still matches as before', () => {
    expect(globMatches('a/s.yaml', '{a,b}/*.yaml')).toBe(true);
    expect(globMatches('c/s.yaml', '{a,b}/*.yaml')).toBe(false);
    expect(globMatches('deep/x/s.yml', 's.{yml,yaml}')).toBe(true);
  });

  it('a glob whose braces would expand to millions of patterns answers at once, its braces taken literally', () => {
    const bomb = `${'{a,b}'.repeat(20)}/s.yaml`;
    for (let i = 0; i < 11; i++) expect(globMatches(`svc-${i}/s.yaml`, bomb)).toBe(false);
    expect(globMatches(`${'{a,b}'.repeat(20)}/s.yaml`, bomb)).toBe(true);
    expect(globMatches('svc/s.yaml', '{1..10000000}/s.yaml')).toBe(false);
  });
});
