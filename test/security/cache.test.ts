// Attack 3 of issue #24: a `.trigger-lint-cache` committed (or restored) by a stranger. Its key
// is computable from the file's content, so an attacker can write an entry for the very file
// the victim lints. Entries are authenticated with a secret in the user's cache folder: a
// forged entry is a miss; `--fix` never applies an edit read from a cache; a malformed entry
// (even one signed by this machine) is a miss, never an internal error.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fc3, tempDir, write } from '../integrations/helpers.js';
import { lint } from '../../src/workflow/lint.js';
import { entryMac } from '../../src/engine/cache.js';
import { cacheSecret } from '../../src/engine/cache-key.js';

const BAD = fc3([{ name: 'slash', bucket: 'media', prefix: '/in/' }]); // one prefix-leading-slash error, fixable
const CACHE = '.trigger-lint-cache';

/** The attacker lints the file on their own machine (their own cache secret) and edits the entry. */
function forge(ws: string, edit: (unit: any) => void): void {
  const attacker = tempDir('sec-attacker-home');
  expect(cli(['--cache', 's.yaml'], { cwd: ws, env: { XDG_CACHE_HOME: attacker } }).code).toBe(1);
  const data = JSON.parse(readFileSync(join(ws, CACHE), 'utf8'));
  for (const e of Object.values<any>(data.entries)) edit(e.unit);
  writeFileSync(join(ws, CACHE), JSON.stringify(data));
}

const victim = () => ({ XDG_CACHE_HOME: tempDir('sec-victim-home') });

describe('a forged cache', () => {
  it('with no findings for a file with an error changes nothing: the error is reported (exit 1)', () => {
    const ws = tempDir('sec-cache');
    write(ws, 's.yaml', BAD);
    forge(ws, (u) => {
      u.reports = {};
    });
    const r = cli(['--cache', 's.yaml'], { cwd: ws, env: victim() });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[prefix-leading-slash]');
  });

  it('with a fix holding attacker-chosen bytes changes nothing: --cache --fix applies only the real fix', () => {
    const ws = tempDir('sec-cache-fix');
    write(ws, 's.yaml', BAD);
    forge(ws, (u) => {
      for (const list of Object.values<any[]>(u.reports))
        for (const rep of list) rep.fix = { start: 0, end: 0, text: 'PWNED: true\n' };
    });
    const env = victim();
    const r = cli(['--cache', '--fix', 's.yaml'], { cwd: ws, env });
    expect(r.code).toBe(0);
    const fixed = readFileSync(join(ws, 's.yaml'), 'utf8');
    expect(fixed).not.toContain('PWNED');
    expect(fixed).toBe(BAD.replace('"/in/"', '"in/"'));
  });

  it('that is malformed is a miss, not an internal error', () => {
    const ws = tempDir('sec-cache-bad');
    write(ws, 's.yaml', BAD);
    forge(ws, (u) => {
      u.files = 'not a list';
      u.reports = { 'prefix-leading-slash': 7 };
    });
    const r = cli(['--cache', 's.yaml'], { cwd: ws, env: victim() });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stdout).toContain('[prefix-leading-slash]');
  });
});

describe('an entry signed by this machine', () => {
  it.each([
    [
      'a report without a location',
      (u: any) => {
        u.reports['prefix-leading-slash'] = [{ message: 3 }];
      },
    ],
    [
      'a Model that is not an object',
      (u: any) => {
        u.files = [42];
      },
    ],
  ])('with %s is a miss (schema-checked), and the run gives the real findings', async (_name, spoil) => {
    process.env.XDG_CACHE_HOME ??= tempDir('sec-cache-home');
    const ws = tempDir('sec-cache-signed');
    write(ws, 's.yaml', BAD);
    const opts = { cwd: ws, cache: CACHE, concurrency: 'off' as const };
    const first = await lint(['s.yaml'], opts);
    const data = JSON.parse(readFileSync(join(ws, CACHE), 'utf8'));
    const e = data.entries['s.yaml'];
    spoil(e.unit);
    e.mac = entryMac(cacheSecret()!, 's.yaml', e.key, e.unit);
    writeFileSync(join(ws, CACHE), JSON.stringify(data));
    const again = await lint(['s.yaml'], opts);
    expect(again.summary).toEqual(first.summary);
    expect(again.files[0].findings.map((f) => f.message)).toEqual(first.files[0].findings.map((f) => f.message));
  });
});
