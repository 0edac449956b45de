// The job summary of a large repository stays under GitHub's 1 MiB step-summary limit — the
// by-file table included — and says what it left out; its columns count errors, warnings and
// infos apart.
import { describe, expect, it, beforeAll } from 'vitest';
import { fc3, tempDir, write } from './helpers.js';
import { runAction, type ActionRun } from './action-run.js';
import { summaryMarkdown, SUMMARY_BUDGET } from '../../src/action/summary.js';
import type { Finding, Result } from '../../src/types.js';

const MiB = 1024 * 1024;
const FILES = 2_000;
/** A path as deep as a monorepo's: the by-file table alone would pass 1 MiB uncapped (6,000 rows). */
const path = (i: number) =>
  `services/payments-platform/svc-${String(i).padStart(4, '0')}/deploy/serverless-devs/s.yaml`;

/** One file: an error (leading slash), a warning (wildcard) and an info (multipart fan-out). */
function service(i: number): string {
  return fc3(
    [
      { name: 'upload', bucket: `in-${i}`, prefix: `/incoming-${i}/`, events: ['oss:ObjectCreated:*'] },
      { name: 'glob', bucket: `raw-${i}`, prefix: `raw-${i}/*` },
    ],
    {},
    `fn-${i}`,
  );
}

describe('the job summary of a repository with 2,000 trigger files', () => {
  let r: ActionRun;
  beforeAll(() => {
    const ws = tempDir('action-big');
    for (let i = 0; i < FILES; i++) write(ws, path(i), service(i));
    write(
      ws,
      'clean/s.yaml',
      fc3([{ name: 'ok', bucket: 'fine', prefix: 'src/', suffix: '.png' }], { PROCESSED_DIR: 'dst/' }),
    );
    r = runAction(ws, { 'fail-on': 'never' });
  }, 300_000);

  it('lints everything and reports every count in the outputs', () => {
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ errors: String(FILES), warnings: String(FILES) });
    expect(r.summary).toContain(`**${FILES} errors, ${FILES} warnings, ${FILES} infos in ${FILES + 1} files**`);
  });

  it('is under 1 MiB in UTF-8 bytes, by-file table included', () => {
    const bytes = Buffer.byteLength(r.summary);
    expect(bytes).toBeLessThanOrEqual(SUMMARY_BUDGET);
    expect(bytes).toBeLessThan(MiB);
    expect(bytes, 'the summary uses the room it has').toBeGreaterThan(SUMMARY_BUDGET * 0.8);
  });

  it('says how many by-file rows and findings it left out, and that the log has them', () => {
    const rows = r.summary.split('\n').filter((l) => l.startsWith('| `services/'));
    const more = /The summary is limited to 1 MiB: (\d+) more rows \((\d+) files\) are in the step log\./.exec(
      r.summary,
    );
    expect(more).not.toBeNull();
    expect(rows.length + Number(more![1])).toBe(3 * FILES); // three rules per file
    const findings = r.summary.split('\n').filter((l) => /^\| (error|warning|info) \| /.test(l));
    const left = /The summary is limited to 1 MiB: (\d+) more findings are in the step log\./.exec(r.summary);
    expect(left).not.toBeNull();
    expect(findings.length + Number(left![1])).toBe(3 * FILES);
    expect(findings.length).toBeGreaterThan(1000);
    expect(r.summary).toContain('1 file without findings.');
  });

  it('counts warnings and infos in their own columns', () => {
    expect(r.summary).toMatch(/^\| File \| Rule \| Errors \| Warnings \| Infos \|$/m);
    expect(r.summary).toMatch(
      /^\| `services\/payments-platform\/svc-0000\/deploy\/serverless-devs\/s\.yaml` \| \[filter-wildcard\]\([^)]+\) \| 0 \| 1 \| 0 \|$/m,
    );
    expect(r.summary).toMatch(
      /^\| `services\/payments-platform\/svc-0000\/deploy\/serverless-devs\/s\.yaml` \| \[multipart-fanout\]\([^)]+\) \| 0 \| 0 \| 1 \|$/m,
    );
    expect(r.summary).toMatch(
      /^\| `services\/payments-platform\/svc-0000\/deploy\/serverless-devs\/s\.yaml` \| \[prefix-leading-slash\]\([^)]+\) \| 1 \| 0 \| 0 \|$/m,
    );
  });

  it('leaves the graph out before any finding', () => {
    expect(r.summary).not.toContain('```mermaid');
    expect(r.summary).toMatch(/### Triggers\n\nThe trigger graph (is too large to draw here|is left out)/);
  });
});

describe('the summary budget', () => {
  const finding = (i: number, message: string): Finding => ({
    ruleId: 'schema',
    severity: 'error',
    message,
    path: `f${i}.yaml`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    start: 0,
    end: 1,
  });
  function result(n: number, message: string): Result {
    const files = Array.from({ length: n }, (_, i) => ({
      path: `f${i}.yaml`,
      format: 'serverless-devs-fc3',
      findings: [finding(i, message)],
    }));
    return { files, summary: { files: n, errors: n, warnings: 0, infos: 0 }, unrecognized: [], texts: new Map() };
  }
  it('measures bytes, not characters: multi-byte messages stay within it', () => {
    const text = summaryMarkdown({
      result: result(400, '触发器不能正常触发 — ✓'.repeat(20)),
      failOn: 'error',
      failed: true,
      budget: 64 * 1024,
    });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(64 * 1024);
    expect(text).toMatch(/more findings are in the step log/);
  });
  it('keeps a small run whole, graph and all', () => {
    const text = summaryMarkdown({
      result: result(3, 'm'),
      failOn: 'error',
      failed: true,
      graph: 'flowchart LR\n  a --> b',
    });
    expect(text).not.toMatch(/limited to 1 MiB/);
    expect(text).toContain('```mermaid\nflowchart LR\n  a --> b\n```');
    expect(text.split('\n').filter((l) => l.startsWith('| error |'))).toHaveLength(3);
  });
});
