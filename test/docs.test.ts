// The docs are for people outside this repository: every source they cite is one a reader can
// open (a public URL or a file of this repository, never a private research note or "seed"
// document), every repository path they name exists, and every format has its page.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers.js';
import { FORMATS, OTHER_FORMATS } from '../src/formats/index.js';
import { RULES } from '../rules/index.js';

function files(dir: string, ext: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : e.name.endsWith(ext) ? [p] : [];
  });
}

/** Made by the build or the benchmark, not committed (.gitignore). */
const GENERATED = ['bench/out', 'bench/node_modules', 'dist', 'src/generated'];
const DOCS = ['README.md', ...files('docs', '.md')];
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

describe('the docs', () => {
  it('cite nothing a reader cannot open: no private notes, seed documents or design file', () => {
    const unopenable =
      /\.\.\/shared\/|\bshared\/(corpus|research|seeds)\b|\bseed (`|documents?\b|tutorial\b)|\bseeds?\b `?\d{3}|DESIGN\.md/;
    for (const file of [...DOCS, ...files('schemas', '.json')]) {
      read(file)
        .split('\n')
        .forEach((line, i) => expect(line, `${file}:${i + 1}`).not.toMatch(unopenable));
    }
  });

  it('name only repository paths that exist', () => {
    const prefixes = /^(test|src|schemas|docs|rules|fixtures|examples|bench|scripts|action)\//;
    for (const file of DOCS) {
      for (const [, path] of read(file).matchAll(/`([^`\s]+)`/g)) {
        if (!prefixes.test(path) || /[<>*{}]/.test(path)) continue;
        const clean = path.replace(/[:#].*$/, '').replace(/\/$/, '');
        // other repositories' paths are cited too (funcraft's `src/lib/trigger.js`, a plugin's
        // `docs/trigger.md`): check paths into folders this repository has, and its own src/ files
        const parts = clean.split('/');
        const ours =
          parts.length > 2
            ? existsSync(join(ROOT, parts[0], parts[1]))
            : !['docs', 'examples'].includes(parts[0]) && (parts[0] !== 'src' || clean.endsWith('.ts'));
        if (!ours || GENERATED.some((g) => clean === g || clean.startsWith(`${g}/`))) continue;
        expect(existsSync(join(ROOT, clean)), `${file} names ${path}, which does not exist`).toBe(true);
      }
    }
  });

  it('link relative pages that exist', () => {
    for (const file of DOCS) {
      for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target) || target.startsWith('#')) continue;
        const p = join(ROOT, file, '..', target.replace(/#.*$/, ''));
        expect(existsSync(p), `${file} links ${target}`).toBe(true);
      }
    }
  });

  it('give every format a page under docs/formats/, linked from the README', () => {
    const readme = read('README.md');
    for (const f of [...FORMATS, ...OTHER_FORMATS]) {
      expect(existsSync(join(ROOT, 'docs', 'formats', `${f.id}.md`)), `docs/formats/${f.id}.md`).toBe(true);
      expect(readme, f.id).toContain(`[\`${f.id}\`](docs/formats/${f.id}.md)`);
    }
    expect(
      files('docs/formats', '.md')
        .map((p) => relative('docs/formats', p).replace(/\.md$/, ''))
        .sort(),
    ).toEqual([...FORMATS, ...OTHER_FORMATS].map((f) => f.id).sort());
  });

  it('end every format page and every vendor-facing rule page with public sources (https links)', () => {
    for (const p of files('docs/formats', '.md')) expect(read(p), p).toMatch(/^Sources?:[\s\S]*https:\/\//m);
    // rules about a vendor's behaviour cite the vendor; the workflow rules are trigger-lint's own
    const own = new Set(['disable-reason', 'unused-disable', 'undefined-variable', 'syntax', 'duplicate-trigger-name']);
    for (const r of RULES) {
      if (own.has(r.id)) continue;
      expect(read(`docs/rules/${r.id}.md`), r.id).toMatch(/https:\/\//);
    }
  });
});
