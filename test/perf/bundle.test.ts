import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers.js';

// dist/ is built at install time (`prepare`) and by `npm test`; these tests fail when it is
// stale, and pin what the common path (`trigger-lint s.yaml`, stylish) loads at start-up.
const DIST = join(ROOT, 'dist');
const ENTRIES = ['cli.js', 'index.js', 'worker.js'];

/** Files a module loads statically (import … from / import "…"), transitively, within one folder. */
function staticGraph(dir: string, entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s*"\.\/([^"]+)"|^\s*import\s*"\.\/([^"]+)"/gm)) stack.push(m[1] ?? m[2]);
  }
  return seen;
}

/** The source files esbuild put into a chunk (it marks each with a `// path` comment). */
function sourcesOf(dir: string, files: Iterable<string>): string[] {
  const out: string[] = [];
  for (const f of files) for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/^\/\/ ((?:src|rules|node_modules)\/\S+)$/gm)) out.push(m[1]);
  return out;
}

describe('the CLI bundle', () => {
  it('is up to date: a fresh build of the sources gives the same entry files', async () => {
    const { bundle } = await import(pathToFileURL(join(ROOT, 'scripts', 'build.mjs')).href);
    const fresh = mkdtempSync(join(tmpdir(), 'tl-dist-'));
    await bundle(fresh);
    for (const entry of ENTRIES) {
      // chunk names are content hashes, so equal entries mean equal chunks all the way down
      expect(readFileSync(join(DIST, entry), 'utf8'), `dist/${entry} is stale: run npm run build`).toBe(readFileSync(join(fresh, entry), 'utf8'));
      for (const f of staticGraph(fresh, entry)) expect(readdirSync(DIST)).toContain(f);
    }
  }, 120_000);

  it('loads no reporter but stylish lazily, and never SARIF, JUnit, GitHub or the event command at start-up', () => {
    const loaded = sourcesOf(DIST, staticGraph(DIST, 'cli.js'));
    expect(loaded).toContain('src/lint.ts');
    for (const lazy of ['src/reporters/sarif.ts', 'src/reporters/junit.ts', 'src/reporters/github.ts', 'src/reporters/stylish.ts', 'src/reporters/json.ts', 'src/events/cli.ts', 'src/generated/events.js']) {
      expect(loaded, `${lazy} is loaded at start-up`).not.toContain(lazy);
    }
  });

  it('compiles no JSON Schema at start-up: the validators are ajv standalone code, without the Ajv compiler', () => {
    const loaded = sourcesOf(DIST, staticGraph(DIST, 'cli.js'));
    expect(loaded.filter((p) => p.startsWith('src/generated/')).length).toBeGreaterThan(0);
    expect(loaded.filter((p) => /^node_modules\/ajv\/dist\/(core|ajv|compile\/index)\.js$/.test(p))).toEqual([]);
  });
});
