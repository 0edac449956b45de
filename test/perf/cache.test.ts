import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { lint } from '../../src/workflow/lint.js';
import { Cache, entryMac } from '../../src/engine/cache.js';
import { cacheSecret } from '../../src/engine/cache-key.js';
import type { LintOptions, Result } from '../../src/types.js';

// Two services on one bucket: b/s.yaml's trigger overlaps a/s.yaml's (a cross-file rule), and
// a/s.yaml has a leading-slash prefix (a file-scoped rule).
const A = `edition: 3.0.0
name: a
resources:
  fa:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: fa
      runtime: nodejs18
      handler: index.handler
      code: ./code
      triggers:
        - triggerName: ta
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:1:\${env('BUCKET', 'shared')}
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: {key: {prefix: in/, suffix: .jpg}}
        - triggerName: tslash
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:1:archive
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: {key: {prefix: /raw/, suffix: ''}}
`;
const B = `edition: 3.0.0
name: b
resources:
  fb:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: fb
      runtime: nodejs18
      handler: index.handler
      code: ./code
      triggers:
        - triggerName: tb
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:1:shared
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: {key: {prefix: in/photos/, suffix: ''}}
`;
const EXPECTED = ['a/s.yaml:24:36 prefix-leading-slash', 'b/s.yaml:18:36 trigger-overlap'];

let dir: string;
const CACHE = '.trigger-lint-cache';
const base = (): LintOptions => ({
  cwd: dir,
  env: {},
  cache: CACHE,
  concurrency: 'off',
  rules: { 'multipart-fanout': 'off' },
});
const run = (o: Partial<LintOptions> = {}) => lint(['.'], { ...base(), ...o });
const summary = (r: Result) =>
  r.files.flatMap((f) => f.findings.map((x) => `${x.path}:${x.line}:${x.column} ${x.ruleId}`)).sort();

/**
 * Plant a marker in the cached file-scoped findings of `path`: a run that reuses the entry (a
 * hit) reports the marker, a run that lints the file again (a miss) reports the real message.
 */
function plant(path: string): void {
  const file = join(dir, CACHE);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const e = data.entries[path];
  for (const list of Object.values(e.unit.reports) as { message: string }[][])
    for (const r of list) r.message = 'FROM CACHE';
  e.mac = entryMac(cacheSecret()!, path, e.key, e.unit); // signed as its writer would (test/security/cache.test.ts: a forged entry is a miss)
  writeFileSync(file, JSON.stringify(data));
}
const fromCache = (r: Result, path: string) =>
  r.files.find((f) => f.path === path)!.findings.some((f) => f.message === 'FROM CACHE');

beforeEach(() => {
  process.env.XDG_CACHE_HOME ??= mkdtempSync(join(tmpdir(), 'tl-cache-key-'));
  dir = mkdtempSync(join(tmpdir(), 'tl-cache-'));
  for (const [p, t] of [
    ['a/s.yaml', A],
    ['b/s.yaml', B],
  ] as const) {
    const d = join(dir, p.split('/')[0]);
    if (!existsSync(d)) mkdirSync(d);
    writeFileSync(join(dir, p), t);
  }
});

describe('--cache', () => {
  it('writes the cache file and gives the same findings as a run without it', async () => {
    const plain = await run({ cache: undefined });
    const first = await run();
    expect(existsSync(join(dir, CACHE))).toBe(true);
    const second = await run();
    expect(summary(first)).toEqual(summary(plain));
    expect(summary(second)).toEqual(summary(plain));
    expect(summary(plain)).toEqual(EXPECTED);
  });

  it('reuses an unchanged file (a hit) and still runs cross-file rules on its Model', async () => {
    await run();
    plant('a/s.yaml');
    const r = await run();
    expect(fromCache(r, 'a/s.yaml')).toBe(true);
    // the overlap between cached a/s.yaml and b/s.yaml is found on the merged Model
    expect(summary(r)).toContain(EXPECTED[1]);
  });

  it('lints a file again when its content changes', async () => {
    await run();
    plant('a/s.yaml');
    writeFileSync(join(dir, 'a/s.yaml'), A.replace('functionName: fa\n', 'functionName: fa2\n'));
    const r = await run();
    expect(fromCache(r, 'a/s.yaml')).toBe(false);
    expect(summary(r)).toContain(EXPECTED[0]);
  });

  it('lints every file again when the options change', async () => {
    await run();
    plant('a/s.yaml');
    const r = await run({ rules: { 'multipart-fanout': 'off', 'filter-wildcard': 'error' } });
    expect(fromCache(r, 'a/s.yaml')).toBe(false);
  });

  it('never caches a file linted with the process environment (--read-env), so no value of it is stored', async () => {
    await run();
    plant('a/s.yaml');
    const r = await run({ env: { BUCKET: 'other-secret-bucket' }, readEnv: true });
    expect(fromCache(r, 'a/s.yaml')).toBe(false);
    expect(summary(r)).not.toContain(EXPECTED[1]); // a/s.yaml now watches another bucket
    expect(readFileSync(join(dir, CACHE), 'utf8')).not.toContain('other-secret-bucket');
    // without the opt-in the environment is not read: the written default counts, and the entry is reused
    expect(summary(await run({ env: { BUCKET: 'other-secret-bucket' } }))).toContain(EXPECTED[1]);
  });

  it('discards a cache written by another version of trigger-lint', async () => {
    await run();
    const file = join(dir, CACHE);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries)).toEqual(['a/s.yaml', 'b/s.yaml']);
    const same = new Cache(file, JSON.parse(readFileSync(file, 'utf8')).version);
    const key = JSON.parse(readFileSync(file, 'utf8')).entries['a/s.yaml'].key;
    expect(same.get('a/s.yaml', key)).toBeDefined();
    expect(new Cache(file, '999.0.0').get('a/s.yaml', key)).toBeUndefined();
  });

  it('treats an unreadable cache file as empty', async () => {
    writeFileSync(join(dir, CACHE), '{ not json');
    const r = await run();
    expect(summary(r)).toEqual(EXPECTED);
    expect(JSON.parse(readFileSync(join(dir, CACHE), 'utf8')).tool).toBe('trigger-lint');
  });
});
