// Which setting wins: rule defaults → extends → requireReason → rules → overrides → command
// line. Checked on real lint runs through runWorkflow (the layer the CLI uses).
import { describe, expect, it } from 'vitest';
import { runWorkflow, type WorkflowFlags } from '../../src/workflow/run.js';
import { presetRules } from '../../src/workflow/config/resolve.js';
import { RULES } from '../../rules/index.js';
import type { LintOptions } from '../../src/types.js';
import { fc3, project } from './project.js';

const WILD_AND_SLASH = fc3([{ name: 'a', prefix: '/in/*' }]);
/** The same mistakes on another bucket (so two files do not overlap each other). */
const WILD_AND_SLASH_2 = fc3([{ name: 'a', prefix: '/in/*', bucket: 'other' }]);

async function severities(
  files: Record<string, string>,
  paths: string[],
  base: LintOptions = {},
  flags: WorkflowFlags = {},
) {
  const dir = project(files);
  const out: string[] = [];
  const result = await runWorkflow(
    paths,
    { env: {}, ...base },
    { baseline: false, ...flags },
    { cwd: dir, env: {}, stdout: () => {}, stderr: () => {} },
  );
  for (const f of result.files) for (const x of f.findings) out.push(`${f.path} ${x.ruleId}=${x.severity}`);
  return { out: out.sort(), result };
}

describe('configuration precedence', () => {
  it('without a configuration the rules keep their defaults', async () => {
    const { out } = await severities({ 's.yaml': WILD_AND_SLASH }, ['s.yaml']);
    expect(out).toEqual(['s.yaml filter-wildcard=warning', 's.yaml prefix-leading-slash=error']);
  });

  it('extends: strict turns warnings into errors and turns on the rules that are off by default', async () => {
    const strict = presetRules('strict');
    for (const r of RULES) expect(strict[r.id]).toBe(r.severity === 'warning' ? 'error' : r.severity);
    const { out } = await severities({ '.trigger-lint.yaml': 'extends: strict\n', 's.yaml': WILD_AND_SLASH }, [
      's.yaml',
    ]);
    expect(out).toEqual(['s.yaml filter-wildcard=error', 's.yaml prefix-leading-slash=error']);
  });

  it('rules override the preset', async () => {
    const { out } = await severities(
      {
        '.trigger-lint.yaml': 'extends: strict\nrules: { filter-wildcard: warning, prefix-leading-slash: off }\n',
        's.yaml': WILD_AND_SLASH,
      },
      ['s.yaml'],
    );
    expect(out).toEqual(['s.yaml filter-wildcard=warning']);
  });

  it('overrides apply to matching files only, after rules', async () => {
    const { out } = await severities(
      {
        '.trigger-lint.yaml':
          'rules: { prefix-leading-slash: warning }\noverrides:\n  - files: legacy/**\n    rules: { prefix-leading-slash: off, filter-wildcard: off }\n',
        'app/s.yaml': WILD_AND_SLASH,
        'legacy/s.yaml': WILD_AND_SLASH_2,
      },
      ['.'],
    );
    expect(out).toEqual(['app/s.yaml filter-wildcard=warning', 'app/s.yaml prefix-leading-slash=warning']);
  });

  it('a later override wins over an earlier one', async () => {
    const { out } = await severities(
      {
        '.trigger-lint.yaml':
          'overrides:\n  - files: "*.yaml"\n    rules: { filter-wildcard: off }\n  - files: s.yaml\n    rules: { filter-wildcard: error }\n',
        's.yaml': WILD_AND_SLASH,
      },
      ['s.yaml'],
      { rules: {} },
    );
    expect(out).toEqual(['s.yaml filter-wildcard=error', 's.yaml prefix-leading-slash=error']);
  });

  it('--rule on the command line wins over the file and its overrides', async () => {
    const { out } = await severities(
      {
        '.trigger-lint.yaml':
          'rules: { filter-wildcard: off }\noverrides:\n  - files: s.yaml\n    rules: { prefix-leading-slash: off }\n',
        's.yaml': WILD_AND_SLASH,
      },
      ['s.yaml'],
      { rules: { 'filter-wildcard': 'error', 'prefix-leading-slash': 'warning' } },
    );
    expect(out).toEqual(['s.yaml filter-wildcard=error', 's.yaml prefix-leading-slash=warning']);
  });

  it('a rule off in the run but on for one file still runs, for that file only', async () => {
    const { out } = await severities(
      {
        'a/.trigger-lint.yaml': 'rules: { filter-wildcard: error }\n',
        'a/s.yaml': WILD_AND_SLASH,
        'b/s.yaml': WILD_AND_SLASH_2,
      },
      ['.'],
      { rules: { 'prefix-leading-slash': 'off' } },
    );
    expect(out).toEqual(['a/s.yaml filter-wildcard=error', 'b/s.yaml filter-wildcard=warning']);
  });

  it('requireReason in the file turns on disable-reason; an explicit rule setting wins over it', async () => {
    const text = fc3([{ name: 'a', prefix: '/in/', tail: '# trigger-lint-disable-line prefix-leading-slash' }]);
    expect(
      (await severities({ '.trigger-lint.yaml': 'requireReason: true\n', 's.yaml': text }, ['s.yaml'])).out,
    ).toEqual(['s.yaml disable-reason=error']);
    expect(
      (
        await severities(
          { '.trigger-lint.yaml': 'requireReason: true\nrules: { disable-reason: warning }\n', 's.yaml': text },
          ['s.yaml'],
        )
      ).out,
    ).toEqual(['s.yaml disable-reason=warning']);
    expect((await severities({ 's.yaml': text }, ['s.yaml'], {}, { requireReason: true })).out).toEqual([
      's.yaml disable-reason=error',
    ]);
  });

  it("vars from the configuration override the file's own vars", async () => {
    const text = fc3([{ name: 'a', prefix: '${vars.prefix}' }]).replace(
      'name: app\n',
      'name: app\nvars:\n  prefix: /from-file/\n',
    );
    expect((await severities({ 's.yaml': text }, ['s.yaml'])).out).toEqual(['s.yaml prefix-leading-slash=error']);
    expect(
      (await severities({ '.trigger-lint.yaml': 'vars: { prefix: uploads/ }\n', 's.yaml': text }, ['s.yaml'])).out,
    ).toEqual([]);
  });

  it('env from the configuration resolves ${env(...)} references', async () => {
    const text = fc3([{ name: 'a', prefix: "${env('PREFIX')}" }]);
    expect((await severities({ 's.yaml': text }, ['s.yaml'])).out).toEqual([]);
    expect(
      (await severities({ '.trigger-lint.yaml': 'env: { PREFIX: /in/ }\n', 's.yaml': text }, ['s.yaml'])).out,
    ).toEqual(['s.yaml prefix-leading-slash=error']);
  });

  it('limits raise the per-bucket quota', async () => {
    const eleven = fc3(Array.from({ length: 11 }, (_, i) => ({ name: `t${i}`, prefix: `p${i}/`, bucket: 'shared' })));
    expect((await severities({ 's.yaml': eleven }, ['s.yaml'], { rules: { 'recursive-trigger': 'off' } })).out).toEqual(
      ['s.yaml bucket-trigger-limit=error'],
    );
    expect(
      (
        await severities({ '.trigger-lint.yaml': 'limits: { aliyun: 20 }\n', 's.yaml': eleven }, ['s.yaml'], {
          rules: { 'recursive-trigger': 'off' },
        })
      ).out,
    ).toEqual([]);
  });

  it('ignored files are left out of the run and listed', async () => {
    const { out, result } = await severities(
      {
        '.trigger-lint.yaml': 'ignore: [legacy/]\n',
        'legacy/s.yaml': WILD_AND_SLASH,
        'app/s.yaml': fc3([{ name: 'a', prefix: 'in/' }]),
      },
      ['.'],
    );
    expect(out).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(['app/s.yaml']);
    expect(result.ignored).toEqual(['legacy/s.yaml']);
  });
});
