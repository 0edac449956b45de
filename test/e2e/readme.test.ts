// The README shows the tool's real output: the sample finding is what the CLI prints on the
// bundled example, the Usage block is `--help` verbatim, the JSON example has the real shape, and
// the hook ids it names exist.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli } from './run.js';
import { ROOT } from '../helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The fenced blocks of the README with their info string and the text before them. */
function blocks(): { lang: string; body: string; before: string }[] {
  const out: { lang: string; body: string; before: string }[] = [];
  const re = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(README); m; m = re.exec(README))
    out.push({ lang: m[1], body: m[2], before: README.slice(Math.max(0, m.index - 300), m.index) });
  return out;
}

/** The shape of a JSON value: object keys (sorted) and array element shapes, not the values. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shape((v as Record<string, unknown>)[k])]),
    );
  return typeof v;
}

describe('the README', () => {
  it('shows a finding exactly as `node bin/trigger-lint.js examples/` prints it', () => {
    const sample = blocks().find((b) => b.lang === '' && b.body.startsWith('examples/s.yaml:'));
    expect(sample, 'the sample block').toBeDefined();
    const r = cli(['examples/']);
    expect(r.code).toBe(1);
    const printed = r.stdout.split('\n\n');
    expect(printed, 'the sample is one whole block of the real output').toContain(sample!.body.replace(/\n$/, ''));
  });

  it('shows `trigger-lint --help` verbatim as its Usage', () => {
    const usage = blocks().find((b) => b.lang === '' && b.body.startsWith('Usage: trigger-lint'));
    expect(usage).toBeDefined();
    expect(usage!.body).toBe(cli(['--help']).stdout);
  });

  it('shows the JSON report with the shape the CLI really prints', () => {
    const doc = blocks().find((b) => b.lang === 'json' && b.body.includes('"version": 1'));
    expect(doc).toBeDefined();
    const documented = JSON.parse(doc!.body);
    // a file with a finding that has a related location: two overlapping triggers
    const r = cli(['-f', 'json', 'examples/']);
    const real = JSON.parse(r.stdout);
    const withRelated = real.files[0].findings.find((f: { related?: unknown[] }) => f.related?.length);
    expect(withRelated, 'the example has a finding with a related location').toBeDefined();
    expect(shape({ ...real, files: [{ ...real.files[0], findings: [withRelated] }] })).toEqual(shape(documented));
  });

  it('names only pre-commit hook ids that .pre-commit-hooks.yaml defines', () => {
    const ids = new Set(
      parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')).map((h: { id: string }) => h.id),
    );
    const config = blocks().find((b) => b.lang === 'yaml' && b.body.includes('repos:'));
    expect(config).toBeDefined();
    const named = [...config!.body.matchAll(/- id: ([\w-]+)/g)].map((m) => m[1]);
    expect(named).toEqual(['trigger-lint', 'trigger-lint-all']);
    for (const id of named) expect(ids.has(id), id).toBe(true);
  });

  it('keeps one sh block of exactly two commands in its Quick start', () => {
    const quick = README.slice(
      README.indexOf('## Quick start'),
      README.indexOf('\n## ', README.indexOf('## Quick start') + 1),
    );
    const sh = [...quick.matchAll(/^```sh\n([\s\S]*?)^```$/gm)];
    expect(sh).toHaveLength(1);
    expect(sh[0][1].trim().split('\n')).toEqual(['npm ci && node bin/trigger-lint.js examples/', 'npm test']);
  });
});
