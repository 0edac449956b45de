// The pre-commit hooks as a user installs them: a fresh git repository whose .pre-commit-config.yaml
// points at this repository's current commit, run with the real `pre-commit run` (which clones the
// commit and runs the `language: script` hook: the committed action/cli.cjs, no npm install). The
// first install is timed and its size printed (docs/integrations.md quotes them); the size, and
// that nothing was npm-installed, are checked. Both hooks share one PRE_COMMIT_HOME. Skipped only
// outside CI when pre-commit or git is missing.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, baseEnv, fc3, manyErrors, tempDir, write, CLEAN } from './helpers.js';
import { external } from '../external.js';

const preCommit = external('pre-commit', 'the pre-commit hook test (test/integrations/pre-commit.test.ts)');
const git = external('git', 'the pre-commit hook test (test/integrations/pre-commit.test.ts)');
const skip = preCommit.skip || git.skip;

function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: baseEnv(env),
    timeout: 900_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}`, error: r.error };
}

let home: string;
let rev: string;
beforeAll(() => {
  if (skip) return;
  preCommit.need();
  git.need();
  rev = sh('git', ['rev-parse', 'HEAD'], ROOT).out.trim();
  const committedHook = sh('git', ['cat-file', '-e', `${rev}:.pre-commit-hooks.yaml`], ROOT);
  if (committedHook.code !== 0)
    throw new Error('.pre-commit-hooks.yaml is not committed: pre-commit installs hooks from a commit');
  home = tempDir('pre-commit-home');
});

/** Bytes of the files under `dir` (symbolic links not followed). */
function sizeOf(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? sizeOf(p) : lstatSync(p).size;
  }
  return n;
}

/** Every node_modules folder under `dir`. */
function nodeModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    !e.isDirectory() ? [] : e.name === 'node_modules' ? [join(dir, e.name)] : nodeModules(join(dir, e.name)),
  );
}

/** A fresh git repository using the given hooks of this commit (the config docs/integrations.md shows). */
function userRepo(ids: string[]): string {
  const repo = tempDir('pre-commit-repo');
  expect(sh('git', ['init', '-q'], repo).code).toBe(0);
  writeFileSync(
    join(repo, '.pre-commit-config.yaml'),
    [
      'default_language_version:',
      '  node: system',
      'repos:',
      `  - repo: ${ROOT}`,
      `    rev: ${rev}`,
      '    hooks:',
      ...ids.map((id) => `      - id: ${id}`),
      '',
    ].join('\n'),
  );
  return repo;
}

describe.skipIf(skip)('pre-commit hook', () => {
  let repo: string;
  const run = () => sh('pre-commit', ['run', '--all-files', '--color', 'never'], repo, { PRE_COMMIT_HOME: home });

  beforeAll(() => {
    repo = userRepo(['trigger-lint']);
  });

  it('installs light: a clone of the repository, no npm install, under 20 MB (first and second run timed in the log)', () => {
    const t0 = performance.now();
    const installed = sh('pre-commit', ['install-hooks'], repo, { PRE_COMMIT_HOME: home });
    const first = (performance.now() - t0) / 1000;
    expect(installed.code, installed.out).toBe(0);
    const mb = sizeOf(home) / 2 ** 20;
    write(repo, 's.yaml', CLEAN);
    expect(sh('git', ['add', '-A'], repo).code).toBe(0);
    const t1 = performance.now();
    const again = run();
    const second = (performance.now() - t1) / 1000;
    console.log(
      `pre-commit first install (pre-commit install-hooks): ${first.toFixed(1)} s, ${mb.toFixed(1)} MB in PRE_COMMIT_HOME; a run with the hook installed: ${second.toFixed(1)} s`,
    );
    expect(again.out).toMatch(/trigger-lint\.+Passed/);
    expect(nodeModules(home), 'pre-commit npm-installed something').toEqual([]);
    expect(mb).toBeLessThanOrEqual(20);
  }, 900_000);

  it('fails with the finding on a bad s.yaml', () => {
    write(repo, 's.yaml', manyErrors(1));
    write(repo, 'fn/s.yml', fc3([{ name: 'glob', bucket: 'b', prefix: 'raw/*' }]));
    expect(sh('git', ['add', '-A'], repo).code).toBe(0);
    const r = run();
    expect(r.out).toMatch(/trigger-lint\.+Failed/);
    expect(r.out).toMatch(/s\.yaml:\d+:\d+: prefix "\/in-0\/" starts with "\/".*\[prefix-leading-slash\]/);
    expect(r.out).toMatch(/fn\/s\.yml:\d+:\d+: warning: prefix "raw\/\*"/);
    expect(r.code).toBe(1);
  }, 900_000);

  it('passes on a good one, skipping YAML files that are not trigger files', () => {
    write(repo, 's.yaml', CLEAN);
    // another bucket: the hook sees both files in one run, so the same trigger twice would overlap
    write(
      repo,
      'fn/s.yml',
      fc3([{ name: 'docs', bucket: 'papers', prefix: 'in/', suffix: '.pdf' }], { OUTPUT_PREFIX: 'out/' }),
    );
    write(
      repo,
      'infra/template.yaml',
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n',
    );
    write(repo, 'config.yaml', 'not: [a, trigger, file]\n');
    expect(sh('git', ['add', '-A'], repo).code).toBe(0);
    const r = run();
    expect(r.out).toMatch(/trigger-lint\.+Passed/);
    expect(r.code).toBe(0);
  }, 900_000);
});

describe.skipIf(skip)('pre-commit: staged files only, and trigger-lint-all for the whole repository', () => {
  // a/s.yaml and b/s.yaml are each clean, but their triggers overlap on one bucket
  const A = fc3([{ name: 'a', bucket: 'shared', prefix: 'in/', suffix: '.png' }], { OUTPUT_PREFIX: 'out/' }, 'fa');
  const B = fc3(
    [{ name: 'b', bucket: 'shared', prefix: 'in/photos/', suffix: '.png' }],
    { OUTPUT_PREFIX: 'out/' },
    'fb',
  );
  let repo: string;
  let run: () => ReturnType<typeof sh>;

  beforeAll(() => {
    repo = userRepo(['trigger-lint', 'trigger-lint-all']);
    run = () => sh('pre-commit', ['run', '--color', 'never'], repo, { PRE_COMMIT_HOME: home });
    write(repo, 'a/s.yaml', A);
    expect(sh('git', ['add', '-A'], repo).code).toBe(0);
    expect(
      sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'a', '--no-verify'], repo)
        .code,
    ).toBe(0);
    write(repo, 'b/s.yaml', B);
    expect(sh('git', ['add', 'b/s.yaml'], repo).code).toBe(0);
  }, 900_000);

  it('trigger-lint sees only the staged b/s.yaml and passes; trigger-lint-all sees both files and fails on the overlap', () => {
    const r = run();
    expect(r.out).toMatch(/^trigger-lint\.+Passed$/m);
    expect(r.out).toMatch(/^trigger-lint \(whole repository\)\.+Failed$/m);
    expect(r.out).toMatch(/b\/s\.yaml:\d+:\d+: .*overlap.*\[trigger-overlap\]/);
    expect(r.out).toMatch(/trigger "b" overlaps trigger "a" \(a\/s\.yaml:\d+\) on bucket "shared"/);
    expect(r.code).toBe(1);
  }, 900_000);

  it('with --all-files, the plain hook sees both files too', () => {
    const r = sh('pre-commit', ['run', 'trigger-lint', '--all-files', '--color', 'never'], repo, {
      PRE_COMMIT_HOME: home,
    });
    expect(r.out).toMatch(/^trigger-lint\.+Failed$/m);
    expect(r.out).toMatch(/\[trigger-overlap\]/);
    expect(r.code).toBe(1);
  }, 900_000);
});
