// --format github: workflow-command annotations, escaped as GitHub specifies, and the automatic
// stylish + annotations output when running inside GitHub Actions with no --format.
import { describe, expect, it, beforeAll } from 'vitest';
import { escapeData, escapeProperty, annotation } from '../../src/reporters/github.js';
import type { Finding } from '../../src/types.js';
import { cli, fc3, tempDir, write } from './helpers.js';
import { executedCommands } from './action-run.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'prefix-leading-slash',
  severity: 'error',
  message: 'm',
  path: 's.yaml',
  line: 23,
  column: 21,
  endLine: 23,
  endColumn: 29,
  start: 0,
  end: 8,
  ...over,
});

describe('github escaping', () => {
  it('escapes %, CR and LF in the message (data) and nothing else', () => {
    expect(escapeData('50% off: a, b\r\nnext')).toBe('50%25 off: a, b%0D%0Anext');
  });
  it('escapes %, CR, LF, ":" and "," in properties', () => {
    expect(escapeProperty('dir,1/a:b%\n.yaml')).toBe('dir%2C1/a%3Ab%25%0A.yaml');
  });
  it('escapes "%" first, so an escape sequence in the text stays literal', () => {
    expect(escapeData('%0A')).toBe('%250A');
  });
  it('writes one workflow command per finding, in the documented shape', () => {
    expect(annotation(finding({ message: 'prefix "/source/" starts with "/"' }))).toBe(
      '::error file=s.yaml,line=23,col=21,endLine=23,endColumn=29,title=prefix-leading-slash::prefix "/source/" starts with "/"',
    );
    expect(annotation(finding({ severity: 'warning' }))).toMatch(/^::warning file=/);
    expect(annotation(finding({ severity: 'info' }))).toMatch(/^::notice file=/);
  });
  it('puts related locations on their own (escaped) lines', () => {
    const a = annotation(
      finding({
        related: [{ path: 's.yaml', line: 12, column: 9, endLine: 12, endColumn: 12, message: 'first here' }],
      }),
    );
    expect(a).toBe(
      '::error file=s.yaml,line=23,col=21,endLine=23,endColumn=29,title=prefix-leading-slash::m%0As.yaml:12:9: first here',
    );
    expect(a.split('\n')).toHaveLength(1);
  });
});

describe('--format github', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('github');
    // a path with "," and ":" and a prefix with "%", "," and ":" in it
    write(
      dir,
      'team,a:b/s.yaml',
      fc3([
        { name: 'sale', bucket: 'shop', prefix: '/50%,off:now/' },
        { name: 'glob', bucket: 'other', prefix: 'raw/*' },
      ]),
    );
  });

  it('annotates every finding with escaped file, position and message', () => {
    const r = cli(['-f', 'github', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    // the slash, the "%" (sent URL-encoded in event keys) and the "*" of the other trigger
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('title=prefix-leading-slash'))).toMatch(
      /^::error file=team%2Ca%3Ab\/s\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=prefix-leading-slash::prefix "\/50%25,off:now\/" starts with "\/"/,
    );
    const warnings = lines.filter((l) => l.includes('title=filter-wildcard'));
    expect(warnings).toHaveLength(2);
    for (const w of warnings)
      expect(w).toMatch(
        /^::warning file=team%2Ca%3Ab\/s\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=filter-wildcard::/,
      );
    expect(warnings.join('\n')).toContain('contains "%25"');
  });

  it('gives the same positions as the json report', () => {
    const json = JSON.parse(cli(['-f', 'json', '.'], { cwd: dir }).stdout);
    const gh = cli(['-f', 'github', '.'], { cwd: dir }).stdout.trimEnd().split('\n');
    json.files[0].findings.forEach((f: any, i: number) => {
      expect(gh[i]).toContain(
        `,line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${f.ruleId}::`,
      );
    });
  });

  it('prints nothing for a clean file', () => {
    const clean = tempDir('github-clean');
    write(clean, 's.yaml', fc3([{ name: 'ok', bucket: 'media', prefix: 'src/' }]));
    const r = cli(['-f', 'github', 's.yaml'], { cwd: clean });
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('inside GitHub Actions', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('github-auto');
    write(dir, 's.yaml', fc3([{ name: 'slash', bucket: 'b', prefix: '/in/' }]));
  });

  it('prints stylish and then the annotations when no --format is given', () => {
    const r = cli(['s.yaml'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    // the stylish report is framed by ::stop-commands:: so its user text runs no workflow command
    const m = /^::stop-commands::(\S+)\n([^]*)\n::\1::\n(::[^]*)$/.exec(r.stdout)!;
    expect(m).not.toBeNull();
    const [, , stylish, annotations] = m;
    expect(stylish).toMatch(/^s\.yaml:\d+:\d+: prefix "\/in\/" starts with "\/".*\[prefix-leading-slash\]/);
    expect(stylish).toMatch(/1 error, 0 warnings in 1 file$/);
    expect(annotations).toMatch(/^::error file=s\.yaml,line=\d+.*title=prefix-leading-slash::prefix "\/in\/"/);
    expect(executedCommands(r.stdout)).toHaveLength(1);
  });

  it('frames the report when a folder name starts a line with a workflow command', () => {
    const evil = tempDir('github-evil');
    write(evil, '::stop-commands::pwned/s.yaml', fc3([{ name: 'slash', bucket: 'b', prefix: '/in/' }]));
    const r = cli(['.'], { cwd: evil, env: { GITHUB_ACTIONS: 'true' } });
    const executed = executedCommands(r.stdout);
    expect(executed).toHaveLength(1);
    expect(executed[0]).toMatch(/^::error file=%3A%3Astop-commands%3A%3Apwned\/s\.yaml,/);
  });

  it('prints only what --format asks for', () => {
    const r = cli(['-f', 'json', 's.yaml'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(r.stdout).not.toContain('::error');
    expect(JSON.parse(r.stdout).summary.errors).toBe(1);
  });

  it('prints no annotations outside GitHub Actions', () => {
    const r = cli(['s.yaml'], { cwd: dir });
    expect(r.stdout).not.toContain('::error');
    expect(r.stdout).toContain('[prefix-leading-slash]');
  });
});
