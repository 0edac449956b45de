// .trigger-lint.yaml: discovery from the linted file upward, validation with positions, and
// what each key does.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseConfig } from '../../src/workflow/config/load.js';
import { ConfigResolver, globMatches } from '../../src/workflow/config/resolve.js';
import { UsageError } from '../../src/source/errors.js';
import { project } from './project.js';

function configError(text: string): string {
  try {
    parseConfig(text, '/x/.trigger-lint.yaml', '.trigger-lint.yaml', '/x');
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('configuration file validation', () => {
  it('accepts every documented key', () => {
    const c = parseConfig(
      [
        'extends: strict',
        'rules:',
        '  filter-wildcard: off',
        '  prefix-leading-slash: warn',
        'overrides:',
        '  - files: "legacy/**"',
        '    rules: { trigger-overlap: warning }',
        'ignore: [vendor/]',
        'vars: { region: cn-shanghai }',
        'env: { STAGE: prod, PORT: 8080 }',
        'limits: { aliyun: 20 }',
        'requireReason: true',
      ].join('\n'),
      '/x/.trigger-lint.yaml',
      '.trigger-lint.yaml',
      '/x',
    );
    expect(c).toMatchObject({
      extends: 'strict',
      rules: { 'filter-wildcard': 'off', 'prefix-leading-slash': 'warning' },
      overrides: [{ files: ['legacy/**'], rules: { 'trigger-overlap': 'warning' } }],
      ignore: ['vendor/'],
      vars: { region: 'cn-shanghai' },
      env: { STAGE: 'prod', PORT: '8080' },
      limits: { aliyun: 20 },
      requireReason: true,
    });
  });

  it('treats an empty file as the defaults', () => {
    expect(parseConfig('', '/x/c', 'c', '/x')).toMatchObject({
      extends: 'recommended',
      rules: {},
      overrides: [],
      ignore: [],
    });
  });

  it('names an unknown rule with its line and column and a did-you-mean', () => {
    expect(configError('extends: recommended\nrules:\n  prefix-slash: off\n')).toBe(
      '.trigger-lint.yaml:3:3: unknown rule "prefix-slash" in rules; did you mean "prefix-leading-slash"?',
    );
  });

  it('names an unknown rule inside an override', () => {
    expect(configError('overrides:\n  - files: a/**\n    rules:\n      recursive-triger: off\n')).toBe(
      '.trigger-lint.yaml:4:7: unknown rule "recursive-triger" in overrides[0].rules; did you mean "recursive-trigger"?',
    );
  });

  it('points an unknown key at the key, with a did-you-mean', () => {
    expect(configError('rules: {}\nignores: [a]\n')).toBe(
      '.trigger-lint.yaml:2:1: unknown key "ignores" in the configuration; did you mean "ignore"?',
    );
    expect(configError('limits:\n  alyun: 20\n')).toBe(
      '.trigger-lint.yaml:2:3: unknown key "alyun" in limits; did you mean "aliyun"?',
    );
  });

  it('points a bad severity at the value', () => {
    expect(configError('rules:\n  syntax: erorr\n')).toBe(
      '.trigger-lint.yaml:2:11: unknown severity "erorr" for rule "syntax"; did you mean "error"?',
    );
  });

  it('rejects a bad preset, a wrong type, a missing key and a non-positive limit', () => {
    expect(configError('extends: strcit\n')).toBe(
      '.trigger-lint.yaml:1:10: unknown extends "strcit"; did you mean "strict"?',
    );
    expect(configError('ignore: vendor/\n')).toBe('.trigger-lint.yaml:1:9: ignore must be a list, not "vendor/"');
    expect(configError('overrides:\n  - files: a/**\n')).toBe('.trigger-lint.yaml:2:5: overrides[0] needs "rules"');
    expect(configError('limits: { aliyun: 0 }\n')).toBe(
      '.trigger-lint.yaml:1:19: limits.aliyun must be at least 1, not 0',
    );
  });

  it('reports YAML syntax errors with their position', () => {
    expect(configError('rules:\n  syntax: off\n  syntax: error\n')).toMatch(/^\.trigger-lint\.yaml:3:3: /);
  });

  it('rejects a configuration that is not a mapping', () => {
    expect(configError('- rules\n')).toMatch(/^\.trigger-lint\.yaml:1:1: a configuration file must be a mapping/);
  });
});

describe('configuration discovery', () => {
  it('uses the nearest configuration above the linted file', () => {
    const dir = project({
      '.trigger-lint.yaml': 'rules: { filter-wildcard: off }\n',
      'svc/a/.trigger-lint.yml': 'rules: { filter-wildcard: error }\n',
      'svc/a/s.yaml': '',
      'svc/b/s.yaml': '',
    });
    const r = new ConfigResolver(dir);
    expect(r.resolve(join(dir, 'svc/a/s.yaml')).rules['filter-wildcard']).toBe('error');
    expect(r.resolve(join(dir, 'svc/a/s.yaml')).file).toBe(join(dir, 'svc/a/.trigger-lint.yml'));
    expect(r.resolve(join(dir, 'svc/b/s.yaml')).rules['filter-wildcard']).toBe('off');
  });

  it('stops at the repository root (the folder holding .git)', () => {
    const outer = project({ '.trigger-lint.yaml': 'rules: { filter-wildcard: off }\n' });
    const repo = join(outer, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(join(repo, 's.yaml'), '');
    const e = new ConfigResolver(repo).resolve(join(repo, 's.yaml'));
    expect(e.file).toBeUndefined();
    expect(e.rules['filter-wildcard']).toBe('warning');
  });

  it('--config uses one file for every linted file; --no-config uses none', () => {
    const dir = project({
      '.trigger-lint.yaml': 'rules: { filter-wildcard: off }\n',
      'team.yaml': 'rules: { filter-wildcard: error }\n',
      's.yaml': '',
    });
    expect(new ConfigResolver(dir, { config: 'team.yaml' }).resolve(join(dir, 's.yaml')).rules['filter-wildcard']).toBe(
      'error',
    );
    expect(new ConfigResolver(dir, { config: false }).resolve(join(dir, 's.yaml')).rules['filter-wildcard']).toBe(
      'warning',
    );
    expect(() => new ConfigResolver(dir, { config: 'missing.yaml' }).resolve(join(dir, 's.yaml'))).toThrow(
      'missing.yaml: no such configuration file',
    );
  });
});

describe('configuration keys', () => {
  it('ignore globs are relative to the configuration folder; "dir/" means everything under it', () => {
    const dir = project({ '.trigger-lint.yaml': 'ignore: ["vendor/", "**/generated/*.yaml", "*.tmp.yaml"]\n' });
    const r = new ConfigResolver(dir);
    expect(r.resolve(join(dir, 'vendor/x/s.yaml')).ignored).toBe(true);
    expect(r.resolve(join(dir, 'a/generated/s.yaml')).ignored).toBe(true);
    expect(r.resolve(join(dir, 'deep/down/s.tmp.yaml')).ignored).toBe(true);
    expect(r.resolve(join(dir, 'app/s.yaml')).ignored).toBe(false);
  });

  it('a glob without "/" matches a file name in any folder', () => {
    expect(globMatches('a/b/s.yaml', 's.yaml')).toBe(true);
    expect(globMatches('a/b/s.yaml', 'a/s.yaml')).toBe(false);
  });

  it('vars go to the file; env fills in what the environment does not set (when it is read: --read-env)', () => {
    const dir = project({
      '.trigger-lint.yaml': 'vars: { bucket: real-bucket }\nenv: { REGION: cn-shanghai, STAGE: dev }\n',
    });
    const s = new ConfigResolver(dir, { readEnv: true }, { STAGE: 'prod' }).settings(join(dir, 's.yaml'));
    expect(s?.vars).toEqual({ bucket: 'real-bucket' });
    expect(s?.env).toEqual({ REGION: 'cn-shanghai', STAGE: 'prod' });
    // by default the process environment is not read: the configuration's env alone
    expect(new ConfigResolver(dir, {}, { STAGE: 'prod' }).settings(join(dir, 's.yaml'))?.env).toEqual({
      REGION: 'cn-shanghai',
      STAGE: 'dev',
    });
  });

  it('limits raise one vendor and keep the others at the facts table', () => {
    const dir = project({ '.trigger-lint.yaml': 'limits: { aliyun: 25 }\n' });
    const e = new ConfigResolver(dir).resolve(join(dir, 's.yaml'));
    expect(e.limits.aliyun).toBe(25);
    expect(e.limits.tencent).toBe(10);
  });
});
