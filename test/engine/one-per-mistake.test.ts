// One finding per mistake (issue #27, point 2): over every fixture and every corpus file, with
// every rule on, no two findings share the file, the exact range and the rule-independent cause
// (the message up to its first ": " or "; "). An HTTP trigger's `authType: anonymus` was an
// http-trigger and a schema finding at the same column: now the more specific one is kept.
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/workflow/lint.js';
import { causeOf } from '../../src/engine/one-per-mistake.js';
import { RULES } from '../../rules/index.js';
import type { LintOptions, RuleSetting } from '../../src/types.js';
import { corpusFiles, fixtureGroups, read, rel, ROOT } from '../helpers.js';

const ALL_ON: LintOptions = {
  env: {},
  cwd: ROOT,
  rules: Object.fromEntries(RULES.map((r): [string, RuleSetting] => [r.id, r.severity])),
};

describe('one finding per mistake', () => {
  it('no two findings share (file, range, cause) on any fixture or corpus file', async () => {
    const groups = [...fixtureGroups(), ...corpusFiles().map((f) => ({ name: rel(f), files: [f] }))];
    const twins: string[] = [];
    let findings = 0;
    for (const g of groups) {
      const r = await lint(
        g.files.map((f) => ({ path: rel(f), text: read(f) })),
        ALL_ON,
      );
      for (const file of r.files) {
        const seen = new Map<string, string>();
        for (const f of file.findings) {
          findings++;
          const k = `${f.start}-${f.end} ${causeOf(f.message)}`;
          if (seen.has(k))
            twins.push(`${f.path}:${f.line}:${f.column}: ${seen.get(k)} and ${f.ruleId}: ${causeOf(f.message)}`);
          else seen.set(k, f.ruleId);
        }
      }
    }
    expect(findings).toBeGreaterThan(300);
    expect(twins).toEqual([]);
  }, 120_000);

  it('an HTTP trigger typo is one finding, the more specific one', async () => {
    const text = read(`${ROOT}/fixtures/http-trigger/fc3-methods.yaml`);
    const r = await lint([{ path: 's.yaml', text }], ALL_ON);
    const at = r.files[0].findings.filter((f) => f.message.startsWith('unknown authType "anonymus"'));
    expect(at.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'http-trigger',
        'unknown authType "anonymus": Function Compute has "anonymous", "function", "jwt"; did you mean "anonymous"?',
      ],
    ]);
  });

  it('a rule turned off leaves the other one reporting', async () => {
    const text = read(`${ROOT}/fixtures/http-trigger/fc3-methods.yaml`);
    const r = await lint([{ path: 's.yaml', text }], { ...ALL_ON, rules: { ...ALL_ON.rules, 'http-trigger': 'off' } });
    expect(
      r.files[0].findings.filter((f) => f.message.startsWith('unknown authType "anonymus"')).map((f) => f.ruleId),
    ).toEqual(['schema']);
  });
});
