// Attacks 4–7 of issue #24, run through the bundled Action under a runner's environment (and
// the CLI where it writes files): workflow commands injected by folder names and a lone CR,
// terminal escapes, reports written through committed symlinks, the repository's configuration
// ignored by the Action, Markdown rendered from YAML text in the job summary.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fc3, tempDir, write, CLEAN } from '../integrations/helpers.js';
import { executedCommands, runAction } from '../integrations/action-run.js';

const BAD = fc3([{ name: 'slash', bucket: 'media', prefix: '/in/' }]);
/** An annotation the Action means to write: one per finding, titled by its rule. */
const INTENDED = /^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/;

describe('workflow commands in the log', () => {
  it('folder names with "\\n::error" and "\\n::stop-commands::" and a comment with a lone CR start no command', () => {
    const ws = tempDir('sec-inject');
    write(ws, 'a\n::error title=forged::pwned/s.yaml', BAD);
    write(ws, 'b\n::stop-commands::pwned/s.yaml', BAD);
    write(ws, 'c/s.yaml', BAD.replace('prefix: "/in/"', 'prefix: "/in/" # note\r::error title=forged::cr'));
    const r = runAction(ws, { 'fail-on': 'never' });
    expect(r.code).toBe(0);
    const executed = executedCommands(r.stdout);
    for (const c of executed) expect(c).toMatch(INTENDED); // the folder names stay inside file=…, %-escaped
    // every finding's annotation still runs: nothing stopped the commands after it
    expect(executed).toHaveLength(Number(r.outputs.errors) + Number(r.outputs.warnings));
    expect(executed.length).toBeGreaterThanOrEqual(3);
    // the report itself shows the newline and the CR escaped
    expect(r.stdout).toContain('a\\n::error title=forged::pwned/s.yaml:');
    expect(r.stdout).toContain('# note\\r::error title=forged::cr');
  });

  it('ESC/OSC sequences from a comment are shown escaped in terminal snippets', () => {
    const ws = tempDir('sec-esc');
    write(ws, 's.yaml', BAD.replace('prefix: "/in/"', 'prefix: "/in/" # \u001b]52;c;cHduZWQ=\u0007\u001b[2K'));
    const r = cli(['s.yaml'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('# \\e]52;c;cHduZWQ=\\x07\\e[2K');
  });
});

describe('one-line errors', () => {
  it('show control characters of a path escaped (exit 2)', () => {
    const ws = tempDir('sec-err');
    mkdirSync(join(ws, 'empty\u001b[2K\rx'));
    const r = cli(['empty\u001b[2K\rx'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^trigger-lint: no trigger file found in empty\\e\[2K\\rx /);
    expect(r.stderr).not.toMatch(/[\u001b\r]/);
  });
});

describe('reports are never written through a symlink', () => {
  it('the Action refuses a SARIF path that is a committed symlink (exit 2), and the target is untouched', () => {
    const ws = tempDir('sec-sarif');
    const outside = tempDir('sec-sarif-target');
    write(ws, 's.yaml', CLEAN);
    writeFileSync(join(outside, 'victim'), 'original\n');
    symlinkSync(join(outside, 'victim'), join(ws, 'report.sarif'));
    const r = runAction(ws, { sarif: 'report.sarif' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      '::error title=trigger-lint::report.sarif is a symbolic link; refusing to write the report through it',
    );
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('original\n');
  });

  it('the Action refuses a SARIF path under a committed symlinked folder that leads outside the workspace', () => {
    const ws = tempDir('sec-sarif-dir');
    const outside = tempDir('sec-sarif-dir-target');
    write(ws, 's.yaml', CLEAN);
    symlinkSync(outside, join(ws, 'out'));
    const r = runAction(ws, { sarif: 'out/new/report.sarif' });
    expect(r.code).toBe(2);
    expect(existsSync(join(outside, 'new'))).toBe(false);
  });

  it('the CLI refuses -o through a symlink (exit 2), and the target is untouched', () => {
    const ws = tempDir('sec-o');
    const outside = tempDir('sec-o-target');
    write(ws, 's.yaml', BAD);
    writeFileSync(join(outside, 'victim'), 'original\n');
    symlinkSync(join(outside, 'victim'), join(ws, 'report.txt'));
    const r = cli(['-o', 'report.txt', 's.yaml'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'trigger-lint: report.txt is a symbolic link; refusing to write the report through it (remove the link or choose another path)\n',
    );
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('original\n');
  });
});

describe("the Action reads the repository's configuration like the CLI", () => {
  it('honours .trigger-lint.yaml (rules, ignore) and the baseline: same outcome as the CLI', () => {
    const ws = tempDir('sec-config');
    write(ws, 'app/s.yaml', BAD);
    write(ws, 'skip/s.yaml', BAD);
    write(ws, 'old/s.yaml', fc3([{ name: 'glob', bucket: 'c', prefix: 'raw/*' }]));
    write(ws, '.trigger-lint.yaml', 'rules:\n  prefix-leading-slash: warning\nignore: [skip/]\n');
    expect(cli(['--baseline-write', 'old'], { cwd: ws }).code).toBe(0);
    const local = cli(['-f', 'json', '.'], { cwd: ws });
    const r = runAction(ws);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(JSON.parse(local.stdout).summary).toMatchObject({ errors: 0, warnings: 1 });
    expect(r.summary).not.toContain('skip/s.yaml');
    expect(r.summary).not.toContain('old/s.yaml');
  });

  it('honours code: false (the handler code is not read) and a config input naming another file', () => {
    const ws = tempDir('sec-config-code');
    const from = join(process.cwd(), 'fixtures', 'recursive-trigger', 'code-oss2-python');
    write(ws, 'app/s.yaml', readFileSync(join(from, 's.yaml'), 'utf8'));
    write(ws, 'app/code/loop.py', readFileSync(join(from, 'code', 'loop.py'), 'utf8'));
    expect(runAction(ws).stdout).toContain('loop.py:19 bucket.put_object');
    write(ws, '.trigger-lint.yaml', 'code: false\n');
    expect(runAction(ws).stdout).not.toContain('loop.py');
    mkdirSync(join(ws, 'ci'));
    write(ws, 'ci/lint.yaml', 'rules:\n  recursive-trigger: off\n');
    const r = runAction(ws, { config: 'ci/lint.yaml' });
    expect(r.stdout).not.toContain('[recursive-trigger]');
  });
});

describe('the job summary', () => {
  it('renders Markdown from a prefix inert: no link, no image, no HTML', () => {
    const ws = tempDir('sec-md');
    const prefix = '/[click](https://evil.example/x)![i](https://evil.example/i.png?t=1)<img src=x>*b*_u_`c`|/';
    write(ws, 's.yaml', fc3([{ name: 'md', bucket: 'media', prefix }]));
    const r = runAction(ws);
    expect(r.code).toBe(1);
    const row = r.summary.split('\n').find((l) => l.includes('prefix-leading-slash |'))!;
    expect(row).toBeDefined();
    expect(row).not.toMatch(/(^|[^\\])\[click\]|(^|[^\\])!\[|<img|https:\/\//);
    expect(row).toContain('\\[click\\]\\(https\\://evil.example/x\\)\\!\\[i\\]');
    expect(row).toContain('&lt;img src=x&gt;\\*b\\*\\_u\\_\\`c\\`\\|/');
  });
});
