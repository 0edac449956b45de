// The pre-commit hook as a user installs it: a fresh git repository whose .pre-commit-config.yaml
// points at this repository's current commit, run with the real `pre-commit run --all-files`
// (which clones the commit, `npm install`s it — our `prepare` script builds it — and runs the
// hook). Slow: it installs the package. Skipped only outside CI when pre-commit is missing.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, baseEnv, fc3, manyErrors, tempDir, write, CLEAN } from './helpers.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = !hasPreCommit && !process.env.CI;
if (skip) console.warn('pre-commit integration test skipped: the `pre-commit` binary is not installed (apt-get install pre-commit); it always runs in CI');

function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: baseEnv(env), timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}`, error: r.error };
}

describe.skipIf(skip)('pre-commit hook', () => {
  let repo: string;
  let home: string;
  const run = () => sh('pre-commit', ['run', '--all-files', '--color', 'never'], repo, { PRE_COMMIT_HOME: home });

  beforeAll(() => {
    const rev = sh('git', ['rev-parse', 'HEAD'], ROOT).out.trim();
    const committedHook = sh('git', ['cat-file', '-e', `${rev}:.pre-commit-hooks.yaml`], ROOT);
    if (committedHook.code !== 0) throw new Error('.pre-commit-hooks.yaml is not committed: pre-commit installs hooks from a commit');
    home = tempDir('pre-commit-home');
    repo = tempDir('pre-commit-repo');
    expect(sh('git', ['init', '-q'], repo).code).toBe(0);
    // the config a user pastes from docs/integrations.md, pointing at this commit
    writeFileSync(join(repo, '.pre-commit-config.yaml'), [
      'default_language_version:',
      '  node: system',
      'repos:',
      `  - repo: ${ROOT}`,
      `    rev: ${rev}`,
      '    hooks:',
      '      - id: trigger-lint',
      '',
    ].join('\n'));
  });

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
    write(repo, 'fn/s.yml', fc3([{ name: 'docs', bucket: 'papers', prefix: 'in/', suffix: '.pdf' }], { OUTPUT_PREFIX: 'out/' }));
    write(repo, 'infra/template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n');
    write(repo, 'config.yaml', 'not: [a, trigger, file]\n');
    expect(sh('git', ['add', '-A'], repo).code).toBe(0);
    const r = run();
    expect(r.out).toMatch(/trigger-lint\.+Passed/);
    expect(r.code).toBe(0);
  }, 900_000);
});
