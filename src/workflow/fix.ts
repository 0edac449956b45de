// Applying fixes: text edits on the original bytes, never a re-serialisation of the YAML.
// `fixSources` repeats apply → re-lint until nothing fixable remains (bounded passes);
// the files are written by `writeFileAtomic` (write-atomic.ts), so an interrupted run leaves the
// user's file intact.
import { parseSource, type Source } from '../source/source.js';
import type { Finding, Fix, Result } from '../types.js';

export { writeFileAtomic } from './write-atomic.js';

/**
 * Apply the fixes of some findings to a text. Overlapping edits are skipped (the next pass
 * picks them up after a re-lint), so everything outside an applied edit stays byte-for-byte.
 */
export function applyFixes(text: string, findings: Finding[]): { text: string; applied: number } {
  const edits: Fix[] = [];
  for (const f of findings) {
    if (!f.fix?.length) continue;
    const sorted = [...f.fix].sort((a, b) => a.start - b.start);
    // a finding's edits go in together or not at all
    if (sorted.some((e) => edits.some((x) => overlaps(x, e)))) continue;
    if (sorted.some((e, i) => i > 0 && overlaps(sorted[i - 1], e))) continue;
    edits.push(...sorted);
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied: edits.length };
}

function overlaps(a: Fix, b: Fix): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === a.start && b.end === b.start);
}

/** Passes of apply → re-lint before `fixSources` gives up (a fix that keeps producing fixes is a bug). */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The sources after fixing (unchanged ones are the same objects). */
  sources: Source[];
  /** Files whose text changed: original and fixed text. */
  changed: { path: string; before: string; after: string }[];
  /** The lint result of the fixed sources: what remains. */
  result: Result;
  passes: number;
}

/**
 * Apply every fixable finding, re-lint, and repeat until nothing fixable remains or
 * MAX_FIX_PASSES is reached. `canFix(path)` says which files may change (e.g. not stdin).
 */
export function fixSources(
  sources: Source[],
  lintOnce: (sources: Source[]) => Result,
  canFix: (path: string) => boolean = () => true,
  first?: Result,
): FixOutcome {
  const original = new Map(sources.map((s) => [s.path, s.text]));
  let current = sources;
  let result = first ?? lintOnce(current);
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const byPath = new Map(result.files.map((f) => [f.path, f.findings]));
    let changed = false;
    current = current.map((s) => {
      const findings = byPath.get(s.path);
      if (!findings?.some((f) => f.fix?.length) || !canFix(s.path)) return s;
      const { text, applied } = applyFixes(s.text, findings);
      if (!applied || text === s.text) return s;
      changed = true;
      return parseSource(s.path, text);
    });
    if (!changed) break;
    passes++;
    result = lintOnce(current);
  }
  const changed = current
    .filter((s) => original.get(s.path) !== s.text)
    .map((s) => ({ path: s.path, before: original.get(s.path)!, after: s.text }));
  return { sources: current, changed, result, passes };
}

/** A unified diff of one fixed file (`a/<path>` → `b/<path>`), for --fix-dry-run. */
export async function fixDiff(path: string, before: string, after: string): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 }).replace(
    /^=+\n/m,
    '',
  );
}
