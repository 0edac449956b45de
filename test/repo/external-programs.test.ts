// The test suite on a machine with only Node and npm: every test file that needs a program outside
// npm (it asks test/external.ts) is run here by vitest with an EMPTY PATH. Without CI, each one
// must pass with its program's tests skipped and one line naming the Debian package; with CI set,
// each must fail (CI runs everything, a missing program is an error there).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers.js';
import { PROGRAMS, findProgram, type ProgramName } from '../external.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Test files using test/external.ts, with the programs each asks for. */
const USERS = walk(join(ROOT, 'test'))
  .filter((f) => f.endsWith('.test.ts') && !f.endsWith('external-programs.test.ts'))
  .map((f) => ({ file: relative(ROOT, f).replace(/\\/g, '/'), text: readFileSync(f, 'utf8') }))
  .filter((f) => /from '\.\.\/external\.js'/.test(f.text))
  .map((f) => ({
    file: f.file,
    programs: [...f.text.matchAll(/external\('([\w-]+)'/g)].map((m) => m[1] as ProgramName),
  }));

interface JsonReport {
  testResults: { name: string; status: string; assertionResults: { status: string; fullName: string }[] }[];
}

/** vitest on the given files with an empty PATH (node is run by its absolute path), CI as given. */
function vitest(files: string[], ci: boolean) {
  const out = join(ROOT, 'node_modules', '.vitest-external');
  const report = join(out, `report-${ci ? 'ci' : 'local'}-${process.pid}.json`);
  const env: Record<string, string> = {
    PATH: '',
    HOME: process.env.HOME ?? '/tmp',
    TMPDIR: process.env.TMPDIR ?? '/tmp',
    NO_COLOR: '1',
  };
  if (ci) env.CI = 'true';
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      ...files,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const byFile = new Map<string, string[]>();
  for (const t of (JSON.parse(readFileSync(report, 'utf8')) as JsonReport).testResults) {
    byFile.set(relative(ROOT, t.name).replace(/\\/g, '/'), [
      `file:${t.status}`,
      ...t.assertionResults.map((a) => a.status),
    ]);
  }
  return { code: r.status, log: `${r.stdout}${r.stderr}`, byFile };
}

describe('tests that need a program outside npm', () => {
  it('are found, and each names programs test/external.ts knows', () => {
    expect(USERS.map((u) => u.file).sort()).toEqual(
      expect.arrayContaining([
        'test/editors/neovim.test.ts',
        'test/e2e/color.test.ts',
        'test/integrations/pre-commit.test.ts',
        'test/playground/playground.test.ts',
      ]),
    );
    for (const u of USERS) {
      expect(u.programs.length, u.file).toBeGreaterThan(0);
      for (const p of u.programs) expect(Object.keys(PROGRAMS), `${u.file}: ${p}`).toContain(p);
    }
  });

  it('finds nothing with an empty PATH (the detection reads PATH, not a fixed location)', () => {
    for (const name of Object.keys(PROGRAMS) as ProgramName[])
      expect(findProgram(name, { PATH: '' }), name).toBeUndefined();
  });

  describe('with an empty PATH', () => {
    let local: ReturnType<typeof vitest>;
    let ci: ReturnType<typeof vitest>;
    beforeAll(() => {
      local = vitest(
        USERS.map((u) => u.file),
        false,
      );
      ci = vitest(
        USERS.map((u) => u.file),
        true,
      );
    }, 600_000);

    it('and CI unset, each skips what needs the program, says so in one line naming the package, and fails nothing', () => {
      expect(local.code, local.log).toBe(0);
      for (const u of USERS) {
        const statuses = local.byFile.get(u.file) ?? [];
        expect(
          statuses.filter((s) => !['passed', 'skipped', 'pending', 'file:passed'].includes(s)),
          u.file,
        ).toEqual([]);
        expect(
          statuses.filter((s) => s === 'skipped' || s === 'pending').length,
          `${u.file} skipped nothing`,
        ).toBeGreaterThan(0);
        for (const p of u.programs) {
          expect(local.log).toMatch(
            new RegExp(
              `skipped: .*\\(${u.file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\).*apt-get install ${PROGRAMS[p].pkg}`,
            ),
          );
        }
      }
    });

    it('and CI set, each fails', () => {
      expect(ci.code).not.toBe(0);
      for (const u of USERS) {
        const statuses = ci.byFile.get(u.file) ?? [];
        expect(
          statuses.some((s) => s === 'failed' || s === 'file:failed'),
          `${u.file} did not fail under CI without its program: ${statuses.join(' ')}`,
        ).toBe(true);
      }
    });
  });
});
