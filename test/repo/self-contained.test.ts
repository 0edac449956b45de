// The repository stands on its own: nothing the tests, benchmarks or scripts read lives outside
// it. Every real file a test reads is a verbatim copy inside the repository, listed with its
// origin in the SOURCES.md of its folder.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers.js';

function walk(dir: string, keep: (p: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'generated' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

const CODE = /\.(ts|mts|cts|js|mjs|cjs|sh)$/;
const DATA = new Set([
  join(ROOT, 'test', 'corpus', 'configs'),
  join(ROOT, 'test', 'corpus', 'events'),
  join(ROOT, 'test', 'reference'),
]);
const sources = ['test', 'bench', 'scripts', 'src', 'rules', '.ci']
  .flatMap((d) =>
    walk(join(ROOT, d), (p) => (CODE.test(p) || d === '.ci') && ![...DATA].some((x) => p.startsWith(x + '/'))),
  )
  .concat([join(ROOT, 'vitest.config.ts'), join(ROOT, 'package.json')]);

/** Spellings of a path that leaves the repository: the shared build folder, absolute work paths, ROOT/.. */
const ESCAPES: [RegExp, string][] = [
  [
    /\.\.\/shared\b|['"]shared['"]\s*,\s*['"](corpus|reference|seeds|research)['"]/,
    'the shared folder beside the repository',
  ],
  [/\/work\/(shared|main)\b/, 'an absolute path of the build machine'],
  [/join\(\s*ROOT\s*,\s*['"]\.\.['"]/, 'a path above the repository root'],
  [/new URL\(\s*['"](\.\.\/){3,}/, 'a path above the repository root'],
];

describe('the repository stands on its own', () => {
  it('finds the sources it checks', () => {
    expect(sources.length).toBeGreaterThan(100);
  });

  it('no test, benchmark or script reads a path outside the repository', () => {
    const offences: string[] = [];
    for (const file of sources) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [re, what] of ESCAPES)
          if (re.test(line)) offences.push(`${relative(ROOT, file)}:${i + 1}: ${what}: ${line.trim()}`);
      });
    }
    expect(offences).toEqual([]);
  });

  for (const dir of [...DATA]) {
    it(`${relative(ROOT, dir)}: every file is listed in a SOURCES.md with repository, commit and licence`, () => {
      const files = walk(dir, (p) => !p.endsWith('SOURCES.md'));
      expect(files.length).toBeGreaterThan(0);
      const listings = walk(dir, (p) => p.endsWith('SOURCES.md')).map((p) => ({
        dir: join(p, '..'),
        text: readFileSync(p, 'utf8'),
      }));
      expect(listings.length).toBeGreaterThan(0);
      for (const l of listings)
        expect(l.text, `${relative(ROOT, l.dir)}/SOURCES.md names licences`).toMatch(/licen[cs]e/i);
      const missing = files.filter((f) => {
        const l = listings.filter((x) => f.startsWith(x.dir + '/')).sort((a, b) => b.dir.length - a.dir.length)[0];
        if (!l) return true;
        const name = relative(l.dir, f).split('/').pop()!;
        return !l.text.includes(name);
      });
      expect(missing.map((f) => relative(ROOT, f))).toEqual([]);
    });
  }
});
