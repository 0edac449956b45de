// Attack 1 of issue #24: `${env('X')}` / `${env:X}` must not leak the process environment into
// any output. By default the environment is not read at all (the default written in the file,
// else unknown); with the opt-in (--read-env, `readEnv: true`, the Action's `read-env` input) a
// value read from it is shown as its reference and never stored in the cache.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, write } from '../integrations/helpers.js';
import { runAction } from '../integrations/action-run.js';

const CANARY = 'canary-7d2e9f41';
const SECRETS = { SECRET_PREFIX: CANARY, SECRET_BUCKET: `${CANARY}-bucket` };

/** Serverless Devs: `${env('X')}` in a prefix a message quotes, and `${env('X', 'default')}`. */
const FC3 = `edition: 3.0.0
name: app
resources:
  f:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: f
      runtime: nodejs18
      handler: index.handler
      code: ./code
      triggers:
        - triggerName: secret
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:\${env('SECRET_BUCKET')}
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: "/\${env('SECRET_PREFIX')}/", suffix: .png } }
        - triggerName: fallback
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:other
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: "/\${env('SECRET_PREFIX', 'written-default')}/", suffix: .png } }
`;

/** Serverless Framework (AWS): `${env:X}`. */
const SLS = `service: app
provider:
  name: aws
  region: us-east-1
functions:
  f:
    handler: index.handler
    events:
      - s3:
          bucket: \${env:SECRET_BUCKET}
          event: s3:ObjectCreated:*
          rules:
            - prefix: /\${env:SECRET_PREFIX}/
`;

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'];

function workspace(config?: string): string {
  const ws = tempDir('sec-env');
  write(ws, 'app/s.yaml', FC3);
  write(ws, 'sls/serverless.yml', SLS);
  if (config !== undefined) write(ws, '.trigger-lint.yaml', config);
  return ws;
}

/** Every output of a CLI run in each format, with --cache, and the cache file. */
function everyOutput(ws: string, extra: string[] = []): { text: string; codes: number[] } {
  let text = '';
  const codes: number[] = [];
  for (const f of FORMATS) {
    const r = cli(['--cache', '-f', f, ...extra, '.'], { cwd: ws, env: SECRETS });
    text += r.stdout + r.stderr;
    codes.push(r.code);
  }
  const cache = join(ws, '.trigger-lint-cache');
  if (existsSync(cache)) text += readFileSync(cache, 'utf8');
  return { text, codes };
}

describe('the process environment (default: not read)', () => {
  it('appears in no output format and not in the cache; a written default still counts', () => {
    const ws = workspace();
    const { text } = everyOutput(ws);
    expect(text).not.toContain(CANARY);
    expect(text).toContain('prefix "/written-default/" starts with "/"');
    // the references without a default are unknown: no finding quotes them
    expect(text).not.toMatch(/prefix "\/\$\{env\('SECRET_PREFIX'\)\}\/"/);
  });

  it('is not read by `event sample --from`', () => {
    const ws = workspace();
    const r = cli(['event', 'sample', '--from', 'app/s.yaml', '--trigger', 'secret'], { cwd: ws, env: SECRETS });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(CANARY);
  });

  it("is not read by the Action, even when the repository's configuration asks (readEnv: true)", () => {
    const ws = workspace('readEnv: true\n');
    const r = runActionWith(ws, {});
    expect(r.stdout + r.summary + JSON.stringify(r.outputs)).not.toContain(CANARY);
    expect(r.stdout).not.toContain("${env('SECRET_PREFIX')}/\" starts with");
  });
});

describe('--read-env (opt-in)', () => {
  it('resolves the references but shows each value as its reference, in every format, and caches nothing of it', () => {
    const ws = workspace();
    const { text, codes } = everyOutput(ws, ['--read-env']);
    expect(codes.every((c) => c === 1)).toBe(true);
    expect(text).not.toContain(CANARY);
    expect(text).toContain('prefix "/${env(\'SECRET_PREFIX\')}/" starts with "/"');
  });

  it('is also turned on by the configuration key readEnv: true (the CLI trusts the local configuration)', () => {
    const ws = workspace('readEnv: true\n');
    const r = cli(['-f', 'json', '.'], { cwd: ws, env: SECRETS });
    expect(r.stdout).not.toContain(CANARY);
    expect(r.stdout).toContain("${env('SECRET_PREFIX')}");
    expect(cli(['-f', 'json', '--read-env', '.'], { cwd: workspace(), env: SECRETS }).stdout).toContain(
      "${env('SECRET_PREFIX')}",
    );
  });

  it('is turned on in the Action only by its read-env input, and then shows references only', () => {
    const ws = workspace();
    const r = runActionWith(ws, { 'read-env': 'true' });
    expect(r.code).toBe(1);
    expect(r.stdout + r.summary).not.toContain(CANARY);
    expect(r.stdout).toContain("${env('SECRET_PREFIX')}");
  });
});

/** The Action with the secrets in its environment (as a job's `env:` puts them there). */
function runActionWith(ws: string, inputs: Record<string, string>) {
  const before = { ...process.env };
  Object.assign(process.env, SECRETS);
  try {
    return runAction(ws, inputs);
  } finally {
    for (const k of Object.keys(SECRETS)) if (before[k] === undefined) delete process.env[k];
  }
}
