// The baseline: today's findings recorded in trigger-lint-baseline.json so that later runs
// report only new ones. An entry is keyed by file, rule and the identity of what the finding
// is about — the rule's `key` (function/trigger, bucket, cycle…) or else the message — never
// by line, so edits elsewhere in the file do not resurrect it. `count` is how many findings
// share that identity. Entries of linted files that match fewer findings than recorded are
// stale (the problem was fixed); `--baseline-prune` rewrites the file without them.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../source/errors.js';
import { writeFileAtomic } from './fix.js';
import type { FileResult, Finding, Result, Summary } from '../types.js';

export const DEFAULT_BASELINE = 'trigger-lint-baseline.json';

export interface BaselineEntry {
  /** Path relative to the baseline file's folder, with "/" separators. */
  path: string;
  ruleId: string;
  key: string;
  count: number;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

/** What a finding is about, without positions. */
export function identity(f: Finding): string {
  return f.key ?? f.message.replace(/\blines? \d+(?:[-–]\d+)?/g, 'line …').replace(/\b\d+:\d+\b/g, '…');
}

/** Maps report paths (relative to cwd) to baseline paths (relative to the baseline's folder). */
export function entryPath(cwd: string, baselineFile: string, reportPath: string): string {
  return relative(dirname(resolve(cwd, baselineFile)), resolve(cwd, reportPath))
    .split(sep)
    .join('/');
}

const k = (path: string, ruleId: string, key: string) => `${path}\u0000${ruleId}\u0000${key}`;

export function readBaseline(file: string, display: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${display}: ${code ? `cannot read baseline (${code})` : `not a baseline file (${(e as Error).message}); regenerate it with --baseline-write`}`,
    );
  }
  const b = data as Baseline;
  if (
    !b ||
    b.version !== 1 ||
    !Array.isArray(b.entries) ||
    !b.entries.every(
      (e) =>
        e &&
        typeof e.path === 'string' &&
        typeof e.ruleId === 'string' &&
        typeof e.key === 'string' &&
        Number.isInteger(e.count) &&
        e.count > 0,
    )
  ) {
    throw new UsageError(
      `${display}: not a trigger-lint baseline (version 1 with entries of path, ruleId, key, count); regenerate it with --baseline-write`,
    );
  }
  return b;
}

/** Entries for the findings of a result. */
export function entriesOf(result: Result, toEntry: (p: string) => string): BaselineEntry[] {
  const counts = new Map<string, BaselineEntry>();
  for (const file of result.files) {
    for (const f of file.findings) {
      const e = { path: toEntry(f.path), ruleId: f.ruleId, key: identity(f), count: 0 };
      const id = k(e.path, e.ruleId, e.key);
      (counts.get(id) ?? counts.set(id, e).get(id)!).count++;
    }
  }
  return sortEntries([...counts.values()]);
}

function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return entries.sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.key, b.key));
}

/** Paths (baseline form) of every file the run linted. */
export function scopeOf(result: Result, toEntry: (p: string) => string): Set<string> {
  return new Set([...result.texts.keys(), ...result.files.map((f) => f.path)].map(toEntry));
}

/**
 * Record a run: entries of linted files are replaced by the run's findings; entries of files
 * the run did not lint are kept.
 */
export function mergeBaseline(old: Baseline | undefined, result: Result, toEntry: (p: string) => string): Baseline {
  const scope = scopeOf(result, toEntry);
  const kept = (old?.entries ?? []).filter((e) => !scope.has(e.path));
  return { version: 1, entries: sortEntries([...kept, ...entriesOf(result, toEntry)]) };
}

export interface Applied {
  /** The result without the baselined findings, with a recomputed summary. */
  result: Result;
  /** Findings the baseline hid. */
  hidden: number;
  /** Entries of linted files that matched fewer findings than recorded; `count` is the excess. */
  stale: BaselineEntry[];
  /** The baseline with stale counts removed (what --baseline-prune writes). */
  pruned: Baseline;
}

export function applyBaseline(result: Result, baseline: Baseline, toEntry: (p: string) => string): Applied {
  const remaining = new Map<string, number>();
  for (const e of baseline.entries) {
    const id = k(e.path, e.ruleId, e.key);
    remaining.set(id, (remaining.get(id) ?? 0) + e.count);
  }
  let hidden = 0;
  const files: FileResult[] = result.files.map((file) => ({
    ...file,
    findings: file.findings.filter((f) => {
      const id = k(toEntry(f.path), f.ruleId, identity(f));
      const left = remaining.get(id) ?? 0;
      if (left <= 0) return true;
      remaining.set(id, left - 1);
      hidden++;
      return false;
    }),
  }));
  const scope = scopeOf(result, toEntry);
  const stale: BaselineEntry[] = [];
  const prunedEntries: BaselineEntry[] = [];
  for (const e of baseline.entries) {
    const id = k(e.path, e.ruleId, e.key);
    const left = remaining.get(id) ?? 0;
    if (!scope.has(e.path) || left <= 0) {
      prunedEntries.push(e);
      continue;
    }
    const used = Math.max(0, e.count - left);
    remaining.set(id, Math.max(0, left - e.count));
    stale.push({ ...e, count: Math.min(left, e.count) });
    if (used > 0) prunedEntries.push({ ...e, count: used });
  }
  return {
    result: { ...result, files, summary: summarize(files) },
    hidden,
    stale,
    pruned: { version: 1, entries: sortEntries(prunedEntries) },
  };
}

export function summarize(files: FileResult[]): Summary {
  const s: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const f of files.flatMap((x) => x.findings)) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
  }
  return s;
}

export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
