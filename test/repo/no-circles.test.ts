// No import circles in src/ and rules/ (issue #15): madge builds the import graph of the
// TypeScript sources — type-only imports included, `.js` specifiers resolved to the `.ts` files
// through tsconfig.json — and must find no circle. The fixture under test/repo/circle has one on
// purpose: it shows the same check does find a circle written the way src/ is written.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import madge from 'madge';
import { ROOT } from '../helpers.js';

async function graph(paths: string[]) {
  return madge(
    paths.map((p) => join(ROOT, p)),
    { baseDir: ROOT, fileExtensions: ['ts'], tsConfig: join(ROOT, 'tsconfig.json') },
  );
}

describe('import graph', () => {
  it('finds the deliberate circle of the fixture (a.ts → b.ts → a.ts, one side type-only)', async () => {
    const res = await graph(['test/repo/circle']);
    expect(res.obj()).toEqual({
      'test/repo/circle/a.ts': ['test/repo/circle/b.ts'],
      'test/repo/circle/b.ts': ['test/repo/circle/a.ts'],
    });
    expect(res.circular()).toEqual([['test/repo/circle/a.ts', 'test/repo/circle/b.ts']]);
  });

  it('has no circle in src/ and rules/', async () => {
    const res = await graph(['src', 'rules']);
    const modules = Object.keys(res.obj());
    // the graph really covers the code: every stage folder and the rules, with their imports resolved
    for (const f of [
      'src/cli.ts',
      'src/engine/lint.ts',
      'src/engine/workers.ts',
      'src/model/model.ts',
      'src/types.ts',
      'rules/index.ts',
    ])
      expect(modules).toContain(f);
    expect(res.obj()['src/engine/lint.ts']).toContain('src/engine/workers.ts');
    // madge's resolver does not read package.json `exports`: an npm dependency that has no `main`
    // (vscode-languageserver) is skipped; such a package cannot close a circle in src/. Every
    // import of the project's own files must resolve.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    const own = res.warnings().skipped.filter(
      (s) =>
        !deps.includes(
          s
            .split('/')
            .slice(0, s.startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    );
    expect(own).toEqual([]);
    expect(res.circular()).toEqual([]);
  });
});
