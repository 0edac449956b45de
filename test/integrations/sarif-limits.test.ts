// SARIF within GitHub code scanning's limits: at most 25,000 results per run (more is rejected),
// the most severe kept and the cut stated; and a partial fingerprint on every result that tells
// distinct results apart and stays the same when lines move.
import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { toSarif, omittedNote } from '../../src/reporters/sarif.js';
import { capResults, FINGERPRINT, MAX_RESULTS_PER_RUN } from '../../src/reporters/sarif-limits.js';
import type { Finding, Result } from '../../src/types.js';
import { cli, fc3, manyErrors, manyWarnings, schemaValidator, tempDir, write } from './helpers.js';

const validate = schemaValidator('sarif-2.1.0.json');
const key = (r: NonNullable<Log['runs'][0]['results']>[0]) =>
  `${r.ruleId}\u0000${r.locations![0].physicalLocation!.artifactLocation!.uri}\u0000${r.partialFingerprints![FINGERPRINT]}`;

let dir: string;
beforeAll(() => {
  dir = tempDir('sarif-limits');
  // thousands of findings over many files: errors, warnings, and triggers sharing one name
  for (let i = 0; i < 30; i++) write(dir, `e${i}/s.yaml`, manyErrors(60, `e${i}`));
  for (let i = 0; i < 10; i++) write(dir, `w${i}/s.yaml`, manyWarnings(60).replace(/bucket-/g, `w${i}-`));
  write(
    dir,
    'dup/s.yaml',
    fc3([
      { name: 'same', bucket: 'd1', prefix: 'a/' },
      { name: 'same', bucket: 'd2', prefix: 'b/' },
      { name: 'same', bucket: 'd3', prefix: 'c/' },
    ]),
  );
});

function sarif(): { log: Log; code: number; stderr: string } {
  const r = cli(['-f', 'sarif', '.'], { cwd: dir });
  return { log: JSON.parse(r.stdout), code: r.code, stderr: r.stderr };
}

describe('partial fingerprints', () => {
  it('every result of a run of thousands has one, and no two results share rule, file and fingerprint', () => {
    const { log, code } = sarif();
    expect(code).toBe(1);
    const results = log.runs[0].results!;
    expect(results.length).toBeGreaterThan(2400);
    for (const r of results)
      expect(r.partialFingerprints?.[FINGERPRINT], JSON.stringify(r.message)).toMatch(/^[0-9a-f]{32}(:\d+)?$/);
    expect(new Set(results.map(key)).size).toBe(results.length);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('numbers equal findings of one file (two duplicates of one trigger name: same rule, key and message)', () => {
    const dups = sarif().log.runs[0].results!.filter((r) => r.ruleId === 'duplicate-trigger-name');
    expect(dups).toHaveLength(2);
    expect(dups[0].message.text).toBe(dups[1].message.text);
    const [a, b] = dups.map((r) => r.partialFingerprints![FINGERPRINT]);
    expect(b).toBe(`${a}:2`);
  });

  it('stay the same when lines are inserted above the findings', () => {
    const before = sarif().log.runs[0].results!;
    for (const f of ['e0/s.yaml', 'w3/s.yaml', 'dup/s.yaml']) {
      const p = join(dir, f);
      writeFileSync(p, `# a comment\n# another one\n${readFileSync(p, 'utf8')}`);
    }
    const after = sarif().log.runs[0].results!;
    expect(after.map((r) => r.partialFingerprints![FINGERPRINT])).toEqual(
      before.map((r) => r.partialFingerprints![FINGERPRINT]),
    );
    const moved = after.filter(
      (r, i) =>
        r.locations![0].physicalLocation!.region!.startLine !==
        before[i].locations![0].physicalLocation!.region!.startLine,
    );
    expect(moved.length, 'the control: positions did move').toBeGreaterThan(100);
  });
});

/** A run with `n` findings, made from real ones (lint output) repeated over many lines. */
function bigResult(template: Finding[], n: number): Result {
  const findings: Finding[] = Array.from({ length: n }, (_, i) => {
    const t = template[i % template.length];
    return { ...t, line: t.line + i, endLine: t.endLine + i, message: `${t.message} #${i}` };
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return {
    files: [{ path: 's.yaml', format: 'serverless-devs-fc3', findings }],
    summary: { files: 1, errors, warnings, infos: n - errors - warnings },
    unrecognized: [],
    texts: new Map(),
  };
}

describe('the 25,000-results-per-run limit', () => {
  let template: Finding[];
  beforeAll(() => {
    const r = cli(['-f', 'json', 'e0', 'w0', 'dup'], { cwd: dir });
    // the JSON report leaves out the ends of related locations: give them one
    template = JSON.parse(r.stdout).files.flatMap((f: any) =>
      f.findings.map((x: any) => ({
        ...x,
        path: f.path,
        start: 0,
        end: 1,
        ...(x.related
          ? { related: x.related.map((rel: any) => ({ ...rel, endLine: rel.line, endColumn: rel.column + 1 })) }
          : {}),
      })),
    );
    expect(new Set(template.map((f) => f.severity))).toEqual(new Set(['error', 'warning']));
  });

  it('keeps a run of exactly 25,000 whole', () => {
    const log = toSarif(bigResult(template, MAX_RESULTS_PER_RUN), '/repo');
    expect(log.runs[0].results).toHaveLength(MAX_RESULTS_PER_RUN);
    expect(omittedNote(log)).toBeUndefined();
    expect(log.runs[0].invocations).toBeUndefined();
  });

  it('caps 30,000 findings at 25,000, most severe first, and says so in the log', () => {
    const res = bigResult(template, 30_000);
    const log = toSarif(res, '/repo');
    const run = log.runs[0];
    expect(run.results).toHaveLength(MAX_RESULTS_PER_RUN);
    const errors = res.files[0].findings.filter((f) => f.severity === 'error').length;
    expect(run.results!.filter((r) => r.level === 'error')).toHaveLength(errors); // every error kept
    expect(run.properties).toEqual({ totalResults: 30_000, omittedResults: 5_000 });
    expect(omittedNote(log)).toBe(
      '5000 of 30000 results left out: GitHub code scanning accepts at most 25,000 results per run; errors are kept first, then warnings, then infos. Every finding is in the other reports (--format json).',
    );
    expect(run.invocations![0].toolExecutionNotifications![0].level).toBe('warning');
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(new Set(run.results!.map(key)).size).toBe(MAX_RESULTS_PER_RUN);
  }, 60_000);

  it('keeps report order within a severity', () => {
    const f = (severity: Finding['severity'], line: number): Finding => ({
      ruleId: 'r',
      severity,
      message: 'm',
      path: 'a',
      line,
      column: 1,
      endLine: line,
      endColumn: 2,
      start: 0,
      end: 1,
    });
    const { kept, omitted } = capResults(
      [f('info', 1), f('warning', 2), f('error', 3), f('warning', 4), f('error', 5)],
      3,
    );
    expect(omitted).toBe(2);
    expect(kept.map((x) => `${x.severity}${x.line}`)).toEqual(['warning2', 'error3', 'error5']);
  });
});
