// The gates `npm run lint` puts before the tests in .ci/run (issue #28), each shown failing on a
// deliberate violation: the same tools with the repository's own configuration files, run on a
// small temporary tree (node_modules linked to the repository's) — a folder import against the
// written direction (dependency-cruiser), dead code (knip), a lint error (ESLint, type-aware) —
// and passing on the same tree without it. The last test runs the layering check on the real tree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers.js';

let dir: string;

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
function remove(path: string): void {
  rmSync(join(dir, path), { force: true });
}
function run(bin: string, args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', bin), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}
const depcruise = () =>
  run('dependency-cruiser/bin/dependency-cruise.mjs', ['src', 'rules', '--config', '.dependency-cruiser.cjs']);
const knip = () => run('knip/bin/knip.js', ['--no-progress', '--no-config-hints']);
const eslint = () => run('eslint/bin/eslint.js', ['--max-warnings', '0', 'src', 'rules']);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trigger-lint-gates-'));
  for (const f of ['.dependency-cruiser.cjs', 'eslint.config.js', 'tsconfig.json'])
    copyFileSync(join(ROOT, f), join(dir, f));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  write({
    'package.json': JSON.stringify({ name: 'gates', type: 'module', private: true }),
    'knip.json': JSON.stringify({ entry: ['src/index.ts!'], project: ['src/**/*.ts!', 'rules/**/*.ts!'] }),
    'src/types.ts': 'export interface Location { start: number; end: number }\n',
    'src/model/model.ts':
      "import type { Location } from '../types.js';\n\nexport const origin = (): Location => ({ start: 0, end: 0 });\n",
    'src/code/values.ts':
      "import { origin } from '../model/model.js';\n\nexport const start = (): number => origin().start;\n",
    'src/index.ts':
      "import { start } from './code/values.js';\nimport { rules } from '../rules/index.js';\n\nexport const main = (): number => start() + rules.length;\n",
    'rules/index.ts': "import { origin } from '../src/model/model.js';\n\nexport const rules = [origin];\n",
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the layering check (dependency-cruiser)', () => {
  it('passes on a tree whose imports point down, and fails on src/model importing src/code', () => {
    const clean = depcruise();
    expect(clean.out).toContain('no dependency violations found');
    expect(clean.code).toBe(0);
    write({
      'src/model/uses-code.ts':
        "import { start } from '../code/values.js';\n\nexport const again = (): number => start();\n",
    });
    const r = depcruise();
    remove('src/model/uses-code.ts');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('layer-model: src/model/uses-code.ts → src/code/values.ts');
  }, 120_000);
});

describe('the dead-code check (knip)', () => {
  it('passes on a tree without dead code, and fails on an unused file and an unused export', () => {
    expect(knip()).toMatchObject({ code: 0 });
    write({ 'src/orphan.ts': 'export const nobody = 1;\n', 'src/code/extra.ts': '' });
    write({
      'src/code/values.ts':
        "import { origin } from '../model/model.js';\n\nexport const start = (): number => origin().start;\nexport const unread = 2;\n",
    });
    const r = knip();
    remove('src/orphan.ts');
    remove('src/code/extra.ts');
    write({
      'src/code/values.ts':
        "import { origin } from '../model/model.js';\n\nexport const start = (): number => origin().start;\n",
    });
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/Unused files[\s\S]*src\/orphan\.ts/);
    expect(r.out).toMatch(/Unused exports[\s\S]*unread/);
  }, 120_000);
});

describe('the lint check (ESLint, type-aware)', () => {
  it('passes on a clean tree, and fails on a floating promise', () => {
    expect(eslint()).toMatchObject({ code: 0 });
    write({ 'src/floating.ts': 'export function go(): void {\n  Promise.resolve(1);\n}\n' });
    const r = eslint();
    remove('src/floating.ts');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('@typescript-eslint/no-floating-promises');
  }, 300_000);
});

describe('the repository', () => {
  it('follows the written layering', () => {
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        'src',
        'rules',
        '--config',
        '.dependency-cruiser.cjs',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stdout + r.stderr).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  }, 120_000);
});
