// Every finding of every fixture and every corpus file, as the JSON the engine returns, pinned in
// one golden file (test/golden/all-findings.json). Performance work on the parser, the engine's
// memory or the bundle must leave every byte of it alone. Every rule runs (default-off ones
// too, at their default severity), with and without the per-file work path (`--cache`), and the
// whole corpus is also linted as one run so cross-file rules see every file at once.
// Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden` and review the diff.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/workflow/lint.js';
import { RULES } from '../../rules/index.js';
import type { LintOptions, Result, RuleSetting } from '../../src/types.js';
import { corpusFiles, fixtureGroups, read, rel, ROOT } from '../helpers.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'all-findings.json');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const ALL_ON: LintOptions = { env: {}, rules: Object.fromEntries(RULES.map((r): [string, RuleSetting] => [r.id, r.severity])) };

const inputs = (files: string[]) => files.map((f) => ({ path: rel(f), text: read(f) }));
const plain = (r: Result) => ({ files: r.files, summary: r.summary, unrecognized: r.unrecognized });

async function collect(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const tmp = mkdtempSync(join(tmpdir(), 'tl-golden-'));
  try {
    let n = 0;
    const groups = [...fixtureGroups(), ...corpusFiles().map((f) => ({ name: rel(f), files: [f] }))];
    for (const g of groups) {
      const direct = plain(await lint(inputs(g.files), { ...ALL_ON, cwd: ROOT }));
      const cached = plain(await lint(inputs(g.files), { ...ALL_ON, cwd: ROOT, cache: join(tmp, `c${n++}`) }));
      expect(cached, `${g.name}: the per-file (cache) path differs from the direct path`).toEqual(direct);
      out[g.name] = direct;
    }
    out['corpus, one run'] = plain(await lint(inputs(corpusFiles()), { env: {}, cwd: ROOT }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

describe('findings of every fixture and corpus file', () => {
  it('are byte-identical to test/golden/all-findings.json', async () => {
    const actual = `${JSON.stringify(await collect(), null, 1)}\n`;
    if (UPDATE) writeFileSync(GOLDEN, actual);
    if (!existsSync(GOLDEN)) throw new Error('missing test/golden/all-findings.json: run UPDATE_GOLDEN=1 npx vitest run test/golden and review it');
    expect(actual).toBe(read(GOLDEN));
  }, 300_000);
});
