// The fixture harness (docs/architecture.md, "Tests"): every rule's folder under fixtures/ holds valid cases
// (valid*.yaml: no finding of that rule) and invalid ones whose every finding is announced by
// a `# expect: <rule-id>` comment on the line where it starts. Only the rule under test runs.
// Golden stylish output (<case>.out) pins the wording; fixable rules pin <case>.fixed.yaml.
// Regenerate goldens with `npm run golden`; a missing golden fails.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../rules/index.js';
import stylish from '../src/reporters/stylish.js';
import { applyFixes } from '../src/workflow/fix.js';
import { loadParsers } from '../src/code/parser.js';
import { loadTerraform } from '../src/engine/terraform.js';
import { fixtureCases, lintTexts, only, read, readExpectations, rel, ROOT } from './helpers.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

// handler code (fixtures/recursive-trigger/*/code/) is read once the parser runtime is up; .tf
// fixtures once the Terraform format is loaded
beforeAll(async () => {
  await loadParsers();
  await loadTerraform();
});

function golden(path: string, actual: string) {
  if (UPDATE) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${rel(path)}: run npm run golden and review it`);
  expect(actual).toBe(read(path));
}

for (const rule of RULES) {
  describe(`rule ${rule.id}`, () => {
    const dir = join(ROOT, 'fixtures', rule.id);
    for (const c of fixtureCases(dir)) {
      it(c.name, () => {
        const files: Record<string, string> = {};
        for (const f of c.files) files[rel(f)] = read(f);
        const result = lintTexts(files, only(rule.id));
        const findings = result.files.flatMap((f) => f.findings);
        for (const f of findings) expect(f.ruleId).toBe(rule.id);
        const isValid = c.name.startsWith('valid');
        if (isValid) {
          expect(findings.map((f) => `${f.path}:${f.line}: ${f.message}`)).toEqual([]);
          return;
        }
        const expected = Object.entries(files).flatMap(([p, t]) => readExpectations(p, t));
        for (const e of expected)
          if (!RULES.some((r) => r.id === e.ruleId))
            throw new Error(`${e.path}:${e.line}: unknown rule in expect marker: ${e.ruleId}`);
        const mine = expected.filter((e) => e.ruleId === rule.id);
        // JSON templates cannot hold a comment: their findings are pinned by the golden output alone
        const json = c.files.every((f) => f.endsWith('.json'));
        if (json)
          expect(
            findings.length,
            `${c.name}: an invalid JSON fixture needs a finding (pinned in its .out)`,
          ).toBeGreaterThan(0);
        else
          expect(
            mine.length,
            `${c.name}: an invalid fixture needs at least one "# expect: ${rule.id}" marker`,
          ).toBeGreaterThan(0);
        const got = findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`).sort();
        const want = mine.map((e) => `${e.path}:${e.line} ${e.ruleId}`).sort();
        if (!json) expect(got).toEqual(want);
        for (const e of mine.filter((x) => x.severity)) {
          const f = findings.find((x) => x.path === e.path && x.line === e.line && x.severity === e.severity);
          expect(f, `${e.path}:${e.line}: expected severity ${e.severity}`).toBeDefined();
        }
        const base = c.files.length === 1 ? c.files[0].replace(/\.(ya?ml|tf|json)$/, '') : join(dir, c.name, 'case');
        golden(`${base}.out`, stylish(result, { color: false, cwd: ROOT }));
        if (c.files.length === 1 && findings.some((f) => f.fix?.length)) {
          const [p] = Object.keys(files);
          golden(
            `${base}.fixed.${p.endsWith('.tf') ? 'tf' : p.endsWith('.json') ? 'json' : 'yaml'}`,
            applyFixes(files[p], findings).text,
          );
        }
      });
    }
  });
}
