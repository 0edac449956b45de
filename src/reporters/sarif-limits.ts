// What GitHub code scanning needs of SARIF results beyond the schema
// (docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit):
// - at most 25,000 results per run, or the upload is rejected: keep the most severe ones and say
//   how many were left out (`--format json` still has every finding);
// - a partial fingerprint that tells results apart and follows a finding when lines move: the
//   finding's identity (the rule's key or the message without positions), its rule, file and
//   message, hashed; the nth equal finding of a file gets ":n".
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../types.js';
import { identity } from '../workflow/baseline.js';

export const MAX_RESULTS_PER_RUN = 25_000;
export const FINGERPRINT = 'triggerLintFinding/v1';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings to put in one run: all of them, or the `max` most severe (in report order within a severity). */
export function capResults(
  findings: readonly Finding[],
  max = MAX_RESULTS_PER_RUN,
): { kept: Finding[]; omitted: number } {
  if (findings.length <= max) return { kept: [...findings], omitted: 0 };
  const order = findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i);
  const kept = new Set(order.slice(0, max).map((x) => x.i));
  return { kept: findings.filter((_, i) => kept.has(i)), omitted: findings.length - max };
}

function withoutPositions(message: string): string {
  // positions, and the other place a message names ("overlaps trigger "a" (s.yaml:14)")
  return message
    .replace(/\blines? \d+(?:[-–]\d+)?/g, 'line …')
    .replace(/\b\d+:\d+\b/g, '…')
    .replace(/(\.[A-Za-z0-9]+):\d+\b/g, '$1:…');
}

/** One fingerprint per finding, unique within the list, independent of line and column. */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = createHash('sha256')
      .update([f.ruleId, f.path, identity(f), withoutPositions(f.message)].join('\u0000'))
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return n === 1 ? hash : `${hash}:${n}`;
  });
}
