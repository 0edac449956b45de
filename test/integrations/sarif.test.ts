// --format sarif: SARIF 2.1.0 that validates against the official schema and that GitHub code
// scanning can place: rule, level, message, region, related locations, rule metadata.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { RULES } from '../../rules/index.js';
import { repositoryUrl, helpUri, toSarif } from '../../src/reporters/sarif.js';
import { lintSources } from '../../src/workflow/lint.js';
import { parseSource } from '../../src/source/source.js';
import { absoluteLinks, plainText } from '../../src/reporters/rule-docs.js';
import { cli, fc3, manyErrors, schemaValidator, tempDir, write, ROOT } from './helpers.js';
import { initialisersRun } from '../perf/lazy.js';

const validate = schemaValidator('sarif-2.1.0.json');

let dir: string;
beforeAll(() => {
  dir = tempDir('sarif');
  // an overlap (related location), a warning, an error, in a sub-directory with a space in its name
  write(
    dir,
    'my app/s.yaml',
    fc3([
      { name: 'zip', bucket: 'archive', prefix: 'src/', suffix: '.zip' },
      { name: 'zip-again', bucket: 'archive', prefix: 'src/', suffix: '.zip' },
      { name: 'slash', bucket: 'other', prefix: '/in/' },
      { name: 'glob', bucket: 'third', prefix: 'raw/*' },
    ]),
  );
});

function sarifOf(args: string[]): { log: Log; json: any; code: number } {
  const s = cli(['-f', 'sarif', ...args], { cwd: dir });
  const j = cli(['-f', 'json', ...args], { cwd: dir });
  return { log: JSON.parse(s.stdout), json: JSON.parse(j.stdout), code: s.code };
}

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const { log, code } = sarifOf(['.']);
    expect(code).toBe(1);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
  });

  it('has one result per finding, with rule id, level, message and exact region', () => {
    const { log, json } = sarifOf(['.']);
    const findings = json.files.flatMap((f: any) => f.findings.map((x: any) => ({ ...x, path: f.path })));
    const results = log.runs[0].results!;
    expect(findings.length).toBeGreaterThanOrEqual(3);
    expect(results).toHaveLength(findings.length);
    results.forEach((r, i) => {
      const f = findings[i];
      expect(r.ruleId).toBe(f.ruleId);
      expect(r.level).toBe(f.severity === 'info' ? 'note' : f.severity);
      expect(r.message.text).toBe(f.message);
      const loc = r.locations![0].physicalLocation!;
      expect(loc.artifactLocation!.uri).toBe('my%20app/s.yaml');
      expect(loc.region).toEqual({
        startLine: f.line,
        startColumn: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
      });
      expect(log.runs[0].tool.driver.rules![r.ruleIndex!].id).toBe(r.ruleId);
    });
    expect(results.map((r) => r.level)).toContain('warning');
  });

  it('carries related locations with their messages', () => {
    const { log, json } = sarifOf(['.']);
    const overlap = json.files[0].findings.find((f: any) => f.ruleId === 'trigger-overlap');
    const result = log.runs[0].results!.find((r) => r.ruleId === 'trigger-overlap')!;
    expect(result.relatedLocations).toHaveLength(overlap.related.length);
    const rel = result.relatedLocations![0];
    expect(rel.message!.text).toBe(overlap.related[0].message);
    expect(rel.physicalLocation!.region!.startLine).toBe(overlap.related[0].line);
    expect(rel.physicalLocation!.region!.startColumn).toBe(overlap.related[0].column);
  });

  it('describes every rule with a short description, its docs page and its default level', () => {
    const { log } = sarifOf(['.']);
    const rules = log.runs[0].tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const r of rules) {
      const rule = RULES.find((x) => x.id === r.id)!;
      expect(r.shortDescription!.text).toBe(rule.description);
      expect(r.helpUri).toBe(`${repositoryUrl()}/blob/main/docs/rules/${r.id}.md`);
      expect(r.defaultConfiguration!.level).toBe(rule.severity === 'info' ? 'note' : rule.severity);
    }
  });

  it('gives every rule the full description and help of its docs page, with links that work outside the repository', () => {
    const { log } = sarifOf(['.']);
    for (const r of log.runs[0].tool.driver.rules!) {
      const page = readFileSync(join(ROOT, 'docs', 'rules', `${r.id}.md`), 'utf8');
      const first = page
        .split('## What it catches')[1]
        .trim()
        .split(/\n\s*\n/)[0];
      const words = plainText(first).replace(/\s+/g, ' ').split(' ').slice(0, 6).join(' ');
      expect(r.fullDescription!.text.replace(/\s+/g, ' '), r.id).toContain(words.replace(/:$/, ''));
      expect(r.fullDescription!.text.length, r.id).toBeLessThanOrEqual(1000);
      expect(r.help!.markdown, r.id).toContain('## What it catches');
      expect(r.help!.markdown!.startsWith(`# ${r.id}`), r.id).toBe(false);
      expect(r.help!.markdown, r.id).toContain(`Full page: ${helpUri(r.id)}`);
      for (const [, target] of r.help!.markdown!.matchAll(/\]\(([^)]+)\)/g))
        expect(target, `${r.id}: relative link`).toMatch(/^https:\/\//);
      expect(r.help!.text, r.id).not.toMatch(/\*\*/);
    }
  });

  it('makes relative docs links absolute and reads Markdown as plain text', () => {
    expect(
      absoluteLinks('see [schema](schema.md), [fc3](../formats/fc3.md), [top](#fix) and [x](https://x.org)', 'syntax'),
    ).toBe(
      `see [schema](${repositoryUrl()}/blob/main/docs/rules/schema.md), [fc3](${repositoryUrl()}/blob/main/docs/formats/fc3.md), [top](${helpUri('syntax')}#fix) and [x](https://x.org)`,
    );
    expect(plainText('**Default:** `0 0 * * * *` and *this* [page](https://x.org)')).toBe(
      'Default: 0 0 * * * * and this page (https://x.org)',
    );
  });

  it('links every rule to a docs page that exists in the repository', () => {
    for (const r of RULES) {
      const path = new URL(helpUri(r.id)).pathname.replace(/^\/[^/]+\/[^/]+\/blob\/main\//, '');
      expect(path).toBe(`docs/rules/${r.id}.md`);
      expect(existsSync(join(ROOT, path)), `${path} is missing`).toBe(true);
    }
  });

  it('holds every finding of a large run (200 errors), valid against the schema', () => {
    const big = tempDir('sarif-big');
    write(big, 's.yaml', manyErrors(200));
    const r = cli(['-f', 'sarif', 's.yaml'], { cwd: big });
    const log = JSON.parse(r.stdout) as Log;
    expect(r.code).toBe(1);
    expect(log.runs[0].results).toHaveLength(200);
    expect(validate(log)).toBe(true);
  });

  it('is valid for a clean run too: no results, every rule still described', () => {
    const clean = tempDir('sarif-clean');
    write(clean, 's.yaml', fc3([{ name: 'ok', bucket: 'media', prefix: 'src/' }]));
    const r = cli(['-f', 'sarif=out.sarif', 's.yaml'], { cwd: clean });
    expect(r.code).toBe(0);
    const log = JSON.parse(readFileSync(join(clean, 'out.sarif'), 'utf8')) as Log;
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules!.length).toBe(RULES.length);
  });
});

describe('SARIF artifact URIs', () => {
  it('are written for any path an API caller passes, an unpaired surrogate included (U+FFFD in its place)', () => {
    const text =
      'edition: 3.0.0\nresources:\n  f:\n    component: fc3\n    props:\n      region: cn-hangzhou\n      functionName: f\n      triggers:\n        - triggerName: t\n          triggerType: oss\n          sourceArn: acs:oss:cn-hangzhou:1:b\n          triggerConfig: { events: [oss:ObjectCreated:*], filterr: {} }\n';
    const result = lintSources(
      [parseSource('in\uD800/s a.yaml', text)],
      { code: false },
      new Set(['in\uD800/s a.yaml']),
    );
    expect(result.files[0].findings.length).toBeGreaterThan(0);
    const uris = toSarif(result, ROOT).runs[0].results!.map(
      (r) => r.locations![0].physicalLocation!.artifactLocation!.uri,
    );
    expect(new Set(uris)).toEqual(new Set(['in%EF%BF%BD/s%20a.yaml']));
  });
});

describe('repository URL for helpUri', () => {
  it('reads the forms package.json allows', () => {
    expect(repositoryUrl('github:acme/trigger-lint')).toBe('https://github.com/acme/trigger-lint');
    expect(repositoryUrl('acme/trigger-lint')).toBe('https://github.com/acme/trigger-lint');
    expect(repositoryUrl({ type: 'git', url: 'git+https://github.com/acme/trigger-lint.git' })).toBe(
      'https://github.com/acme/trigger-lint',
    );
    expect(repositoryUrl({ type: 'git', url: 'git://github.com/acme/x.git' })).toBe('https://github.com/acme/x');
  });
  it('falls back to the canonical repository when package.json has none', () => {
    expect(repositoryUrl(undefined)).toBe('https://github.com/trigger-lint/trigger-lint');
    expect(repositoryUrl({ type: 'git' })).toBe('https://github.com/trigger-lint/trigger-lint');
  });
});

describe('lazy loading', () => {
  it('the stylish path does not load the SARIF reporter', async () => {
    const run = await initialisersRun(['examples/s.yaml']);
    expect(run.get('src/reporters/stylish.ts')).toBe(1);
    expect(run.get('src/reporters/sarif.ts')).toBe(0);
  }, 120_000);
});
