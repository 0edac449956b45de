// `trigger-lint rule <id>` prints the rule's documentation page (docs/rules/<id>.md) as it is, in
// the terminal, as `ruff rule` does; `trigger-lint rule` lists every rule. The built CLI, spawned.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './run.js';
import { ROOT, tempDir } from '../integrations/helpers.js';
import { RULES } from '../../rules/index.js';

describe('trigger-lint rule', () => {
  it("prints each rule's page: what it reports, why, its examples, from docs/rules/<id>.md", () => {
    for (const r of RULES) {
      const run = cli(['rule', r.id], { cwd: tempDir('rule-cwd') });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(readFileSync(join(ROOT, 'docs', 'rules', `${r.id}.md`), 'utf8'));
      expect(run.stdout).toMatch(new RegExp(`^# ${r.id}\\n`));
      expect(run.stdout).toContain('## What it catches');
      expect(run.stdout).toContain('## Why it matters');
    }
  }, 120_000);

  it('without an id, lists every rule with its default severity and description', () => {
    const run = cli(['rule']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    for (const r of RULES)
      expect(
        lines.find((l) => l.startsWith(`${r.id} `)),
        r.id,
      ).toMatch(
        new RegExp(
          `^${r.id} +(${r.defaultOff ? 'off' : r.severity}) .*${r.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
        ),
      );
    expect(run.stdout).toContain("trigger-lint rule <id> prints a rule's page");
  });

  it('an unknown id exits 2 with one line and the closest id', () => {
    const run = cli(['rule', 'region-mismach']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('trigger-lint: unknown rule "region-mismach"; did you mean "region-mismatch"?\n');
    const far = cli(['rule', 'zzzzzzzz']);
    expect(far.stderr).toBe('trigger-lint: unknown rule "zzzzzzzz"; trigger-lint rule lists them\n');
  });

  it('two ids or a flag are usage errors; --help explains the command; a misspelt "rule" is suggested', () => {
    expect(cli(['rule', 'syntax', 'schema']).stderr).toBe(
      'trigger-lint: rule takes one rule id, got 2: syntax schema\n',
    );
    expect(cli(['rule', '--json']).code).toBe(2);
    expect(cli(['rule', '--help']).stdout).toMatch(/^Usage: trigger-lint rule \[id\]\n/);
    expect(cli(['rul'], { cwd: tempDir('rule-typo') }).stderr).toContain('did you mean "trigger-lint rule"?');
  });
});
