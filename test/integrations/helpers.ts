// Shared by the integration tests: run the real CLI and the bundled Action, generate trigger
// files, validate against the reference JSON Schemas (test/reference/schemas, copied verbatim).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { ROOT } from '../helpers.js';

export { ROOT };
export const BIN = join(ROOT, 'bin', 'trigger-lint.js');
export const ACTION = join(ROOT, 'action', 'index.js');
export const SCHEMAS = join(ROOT, 'test', 'reference', 'schemas');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A clean environment: no CI variables leak in from the machine running the tests. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('GITHUB_') || k.startsWith('INPUT_') || k === 'RUNNER_TEMP') continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

export function node(script: string, args: string[], opts: { cwd: string; env?: Record<string, string> }): Run {
  const r = spawnSync(process.execPath, [script, ...args], {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: baseEnv(opts.env),
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const cli = (args: string[], opts: { cwd: string; env?: Record<string, string> }): Run => node(BIN, args, opts);

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `tl-${prefix}-`));
}

export function write(dir: string, path: string, text: string): string {
  const p = join(dir, path);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

export interface TriggerSpec {
  name: string;
  bucket: string;
  prefix: string;
  suffix?: string;
  events?: string[];
}

/** An fc3 s.yaml with one function and the given OSS triggers (and optional env vars). */
export function fc3(triggers: TriggerSpec[], env: Record<string, string> = {}, fn = 'f'): string {
  const lines = [
    'edition: 3.0.0',
    'name: app',
    'resources:',
    `  ${fn}:`,
    '    component: fc3',
    '    props:',
    '      region: cn-hangzhou',
    `      functionName: ${fn}`,
    '      runtime: nodejs18',
    '      handler: index.handler',
    '      code: ./code',
  ];
  if (Object.keys(env).length) {
    lines.push('      environmentVariables:');
    for (const [k, v] of Object.entries(env)) lines.push(`        ${k}: ${JSON.stringify(v)}`);
  }
  lines.push('      triggers:');
  for (const t of triggers) {
    lines.push(
      `        - triggerName: ${t.name}`,
      '          triggerType: oss',
      `          sourceArn: acs:oss:cn-hangzhou:123:${t.bucket}`,
      '          triggerConfig:',
      `            events: [${(t.events ?? ['oss:ObjectCreated:PutObject']).join(', ')}]`,
      `            filter: { key: { prefix: ${JSON.stringify(t.prefix)}, suffix: ${JSON.stringify(t.suffix ?? '.png')} } }`,
    );
  }
  return lines.join('\n') + '\n';
}

/** n triggers on n buckets, each with a prefix starting with "/": n prefix-leading-slash errors. */
export function manyErrors(n: number, bucket = 'bucket'): string {
  return fc3(Array.from({ length: n }, (_, i) => ({ name: `t${i}`, bucket: `${bucket}-${i}`, prefix: `/in-${i}/` })));
}

/** n triggers on n buckets, each with a "*" in the prefix: n filter-wildcard warnings. */
export function manyWarnings(n: number): string {
  return fc3(Array.from({ length: n }, (_, i) => ({ name: `t${i}`, bucket: `bucket-${i}`, prefix: `in-${i}/*` })));
}

export const CLEAN = fc3([{ name: 'images', bucket: 'media', prefix: 'src/', suffix: '.png' }], {
  PROCESSED_DIR: 'dst/',
});

/** A validator for one of the reference schemas (all draft-07). */
export function schemaValidator(file: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')));
}
