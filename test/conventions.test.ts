// Project conventions (docs/architecture.md, "Tests"): every rule has a file named after its id, a registry
// entry in sorted order, a docs page, and fixtures with at least one valid and one invalid
// case; `fixable` is true exactly when a fixture exercises a fix.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../rules/index.js';
import { fixtureCases, read, ROOT } from './helpers.js';

const ruleFiles = readdirSync(join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

describe('rule conventions', () => {
  it('registers every rule file exactly once, sorted by id', () => {
    expect(RULES.map((r) => r.id)).toEqual([...ruleFiles].sort());
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a lower-case kebab id, a description and a default severity', () => {
        expect(rule.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
        expect(rule.description.length).toBeGreaterThan(10);
        expect(['error', 'warning', 'info']).toContain(rule.severity);
      });

      it('has a docs page that names it', () => {
        const page = join(ROOT, 'docs', 'rules', `${rule.id}.md`);
        expect(existsSync(page), `docs/rules/${rule.id}.md`).toBe(true);
        expect(read(page)).toContain(`# ${rule.id}`);
      });

      it('has at least one valid and one invalid fixture', () => {
        const cases = fixtureCases(join(ROOT, 'fixtures', rule.id));
        expect(cases.filter((c) => c.name.startsWith('valid')).length, 'valid fixture').toBeGreaterThan(0);
        expect(cases.filter((c) => !c.name.startsWith('valid')).length, 'invalid fixture').toBeGreaterThan(0);
      });

      it('is fixable exactly when a fixture exercises a fix', () => {
        const dir = join(ROOT, 'fixtures', rule.id);
        const fixed = existsSync(dir) && walk(dir).some((f) => f.endsWith('.fixed.yaml'));
        expect(!!rule.fixable).toBe(fixed);
      });
    });
  }
});

describe('README', () => {
  const readme = read(join(ROOT, 'README.md'));
  it('links every rule to its docs page', () => {
    for (const rule of RULES) expect(readme, rule.id).toContain(`(docs/rules/${rule.id}.md)`);
  });
  it('has a Quick start with one sh block of exactly two commands: install + lint the example, then the tests', () => {
    const section = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
    );
    const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].trim().split('\n'));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toEqual(['npm ci && node bin/trigger-lint.js examples/', 'npm test']);
  });
  it('names every format id the tool knows', async () => {
    const { FORMATS } = await import('../src/formats/index.js');
    for (const f of FORMATS) expect(readme, f.id).toContain(`\`${f.id}\``);
  });
});
