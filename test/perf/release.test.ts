// Memory on the single-thread path: each file's yaml Document lives only while that file's own
// work runs (parse → Model → file-scoped rules), as on a worker thread. What the run keeps of a
// file is its text (snippets), line index, diagnostics, Model and file-scoped findings — plain
// data that holds no yaml node and no closure over one.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDocument, isNode } from 'yaml';
import { readInputs } from '../../src/engine/lint.js';
import { lintSources } from '../../src/workflow/lint.js';
import { prepare } from '../../src/engine/workers.js';
import { RULES } from '../../rules/index.js';
import type { LintOptions, Result } from '../../src/types.js';
import { corpusFiles, fixtureGroups, read, rel } from '../helpers.js';

/** Every object reachable from `root` that is a yaml node or Document, or a function, by path. */
function yamlHeld(root: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[root, '$']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'function') {
      out.push(`${path} (function)`);
      continue;
    }
    if (!v || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (isNode(v) || isDocument(v)) {
      out.push(path);
      continue;
    }
    const entries: [string, unknown][] =
      v instanceof Map
        ? [...v].map(([k, x]) => [String(k), x])
        : v instanceof Set
          ? [...v].map((x, i) => [String(i), x])
          : Object.entries(v);
    for (const [k, x] of entries) stack.push([x, `${path}.${k}`]);
  }
  return out;
}

const inputs = () =>
  [
    ...corpusFiles(),
    ...fixtureGroups()
      .flatMap((g) => g.files)
      .filter((f) => f.includes('/syntax/') || f.includes('/schema/')),
  ].map((f) => ({ path: rel(f), text: read(f) }));
const flat = (r: Result) => JSON.stringify(r.files);

describe('the single-thread path keeps no yaml Document', () => {
  const options: LintOptions = { env: {}, concurrency: 'off' };

  it('per-file work leaves Models and findings that hold no yaml node, and Sources without documents', () => {
    const { sources, named } = readInputs(inputs(), options);
    const prebuilt = prepare(sources, options, named, RULES);
    expect(prebuilt.models.size).toBe(sources.length);
    expect(yamlHeld(prebuilt)).toEqual([]);
    expect(sources.filter((s) => s.docs.length > 0).map((s) => s.path)).toEqual([]);
    const fileModels = [...prebuilt.models.values()].flatMap((m) => m.files);
    expect(fileModels.length).toBeGreaterThan(30); // the corpus files were really built
    expect(fileModels.filter((fm) => fm.schemaTargets)).toEqual([]);
  });

  it('the run itself ends with Sources that hold no yaml node', () => {
    const { sources, named } = readInputs(inputs(), options);
    const result = lintSources(sources, options, named);
    expect(result.summary.errors).toBeGreaterThan(0);
    expect(yamlHeld(sources.map((s) => ({ ...s, lineCounter: undefined })))).toEqual([]);
  });

  it('a second lint of the same Sources (as --fix does) parses them again and finds the same, diagnostics not doubled', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-release-'));
    try {
      // not UTF-8 (a read-time diagnostic) and a duplicate key (a parse-time one)
      writeFileSync(
        join(dir, 's.yaml'),
        Buffer.concat([Buffer.from('edition: 3.0.0\nname: a\nname: b\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      );
      for (const extra of [{}, { cache: join(dir, 'cache') }]) {
        const opts: LintOptions = { ...options, ...extra, cwd: dir };
        const { sources, named } = readInputs([join(dir, 's.yaml'), ...inputs()], opts);
        const first = lintSources(sources, opts, named);
        const second = lintSources(sources, opts, named);
        expect(flat(second)).toBe(flat(first));
        expect(
          first.files
            .find((f) => f.path === 's.yaml')!
            .findings.filter((f) => f.ruleId === 'syntax')
            .map((f) => f.message.split(' ').slice(0, 2).join(' ')),
        ).toEqual(['duplicate key', 'file is']);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
