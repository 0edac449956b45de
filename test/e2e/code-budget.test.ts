// End-to-end: the handler-code budget is set from the command line (`--code-budget-ms`,
// `--code-budget-run-ms`) and from `.trigger-lint.yaml` (`codeBudget`); the command line wins;
// a budget reached is an `incomplete-analysis` info finding naming the flag, never exit 2; a bad
// value is a usage error (exit 2) naming the flag or the key.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run.js';

const S_YAML = `edition: 3.0.0
name: budget
resources:
  slow:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: slow
      runtime: python3.10
      handler: index.handler
      code: ./h
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:photos
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: in/, suffix: '' } }
`;

// a handler that loops on its bucket, then 3,000 statements in a loop: tens of milliseconds to read
const HANDLER = `import oss2, json
def handler(event, context):
    e = json.loads(event)['events'][0]
    b = oss2.Bucket(None, 'x', e['oss']['bucket']['name'])
    b.put_object('in/' + e['oss']['object']['key'], b'')
    spin()

def spin():
    for i in range(10):
${'        x = i + 1\n'.repeat(3000)}`;

const STOPPED = 'info: handler code not fully read for function "slow"';
const REMEDY = 'raise the code budget (--code-budget-ms, codeBudget in .trigger-lint.yaml) [incomplete-analysis]';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-code-budget-'));
  mkdirSync(join(dir, 'h'));
  writeFileSync(join(dir, 's.yaml'), S_YAML);
  writeFileSync(join(dir, 'h', 'index.py'), HANDLER);
});

function withConfig(text: string | undefined) {
  const p = join(dir, '.trigger-lint.yaml');
  if (text === undefined) rmSync(p, { force: true });
  else writeFileSync(p, text);
}

describe('the handler-code budget on the command line and in .trigger-lint.yaml', () => {
  it('by default the whole handler is read: the loop, no info finding', () => {
    withConfig(undefined);
    const r = cli(['s.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[recursive-trigger]');
    expect(r.stdout).not.toContain(STOPPED);
  });

  it('--code-budget-ms 1 stops reading the function: an info finding naming the flag, not exit 2', () => {
    withConfig(undefined);
    const r = cli(['s.yaml', '--code-budget-ms', '1'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain(`s.yaml:4:3: ${STOPPED}`);
    expect(r.stdout).toContain(REMEDY);
  });

  it("--code-budget-run-ms 1 stops the run's reading: the same info finding", () => {
    withConfig(undefined);
    const r = cli(['s.yaml', '--code-budget-run-ms', '1'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain(`s.yaml:4:3: ${STOPPED}`);
  });

  it('codeBudget in .trigger-lint.yaml sets it; --print-config shows it; the command line wins over it', () => {
    withConfig('codeBudget:\n  functionMs: 1\n');
    const fromConfig = cli(['s.yaml'], { cwd: dir });
    expect(fromConfig.stdout).toContain(`s.yaml:4:3: ${STOPPED}`);
    expect(cli(['--print-config', 's.yaml'], { cwd: dir }).stdout).toContain('codeBudget:\n  functionMs: 1\n');
    const cliWins = cli(['s.yaml', '--code-budget-ms', '60000'], { cwd: dir });
    expect(cliWins.code).toBe(1);
    expect(cliWins.stdout).not.toContain(STOPPED);
    expect(cliWins.stdout).toContain('[recursive-trigger]');
  });

  it('a bad flag value or config value is a usage error naming it (exit 2)', () => {
    withConfig(undefined);
    for (const v of ['0', '-5', '1.5', 'soon']) {
      const r = cli(['s.yaml', '--code-budget-ms', v], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `trigger-lint: --code-budget-ms expects a whole number of milliseconds of at least 1, got "${v}"; for example --code-budget-ms 5000\n`,
      );
    }
    withConfig('codeBudget:\n  functionMs: 0\n');
    expect(cli(['s.yaml'], { cwd: dir }).stderr).toBe(
      'trigger-lint: .trigger-lint.yaml:2:15: codeBudget.functionMs must be at least 1, not 0\n',
    );
    withConfig('codeBudget:\n  functionMS: 10\n');
    expect(cli(['s.yaml'], { cwd: dir }).stderr).toBe(
      'trigger-lint: .trigger-lint.yaml:2:3: unknown key "functionMS" in codeBudget; did you mean "functionMs"?\n',
    );
  });
});
