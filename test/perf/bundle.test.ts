import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers.js';
import { initialisersRun, readableBundle } from './lazy.js';

// dist/ is built by `npm test` (and `npm pack`, and the first run of the CLI in a checkout); these tests fail when it is
// stale, and pin what the common path (`trigger-lint s.yaml`, stylish) evaluates at start-up.
const DIST = join(ROOT, 'dist');
const TREE_SITTER = 'node_modules/web-tree-sitter/web-tree-sitter.cjs';

describe('the CLI bundle', () => {
  it('is up to date: a fresh build of the sources gives the same files', async () => {
    const { bundle } = await import(pathToFileURL(join(ROOT, 'scripts', 'build.mjs')).href);
    const fresh = mkdtempSync(join(tmpdir(), 'tl-dist-'));
    await bundle(fresh);
    const files = (d: string) =>
      readdirSync(d, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(d, join(e.parentPath, e.name)))
        .sort();
    expect(files(DIST)).toEqual(files(fresh));
    for (const f of files(fresh)) {
      expect(
        readFileSync(join(DIST, f)).equals(readFileSync(join(fresh, f))),
        `dist/${f} is stale: run npm run build`,
      ).toBe(true);
    }
  }, 120_000);

  it('is one file for the CLI, with no import of other files of the package', () => {
    const text = readFileSync(join(DIST, 'cli.cjs'), 'utf8');
    expect(text).not.toMatch(/require\(["']\.\.?\//);
  });

  it('evaluates stylish but no other reporter, no SARIF/JUnit/GitHub and no event command when linting a file', async () => {
    const run = await initialisersRun(['examples/s.yaml']);
    expect(run.get('src/reporters/stylish.ts'), 'the positive control: stylish is loaded lazily and did run').toBe(1);
    for (const lazy of [
      'src/reporters/sarif.ts',
      'src/reporters/junit.ts',
      'src/reporters/github.ts',
      'src/reporters/json.ts',
      'src/events/cli.ts',
      'src/generated/events.js',
      'src/graph/cli.ts',
      'src/graph/build.ts',
      'src/graph/svg.ts',
      'src/lsp/index.ts',
      'src/lsp/server.ts',
    ]) {
      expect(run.has(lazy), `${lazy} is not a lazily loaded module any more`).toBe(true);
      expect(run.get(lazy), `${lazy} ran at start-up`).toBe(0);
    }
  }, 120_000);

  it('loads no parser for handler code when no function with a storage trigger has code on disk', async () => {
    // examples/s.yaml has OSS triggers whose code folders are not in the repository
    const run = await initialisersRun(['examples/s.yaml']);
    expect(run.has(TREE_SITTER), 'web-tree-sitter is bundled as a lazily required package').toBe(true);
    expect(run.get(TREE_SITTER), 'the parser runtime was loaded').toBe(0);
  }, 120_000);

  it('loads the parser when a function with a storage trigger has its handler code (the positive control)', async () => {
    const run = await initialisersRun(['fixtures/recursive-trigger/code-oss2-python/s.yaml']);
    expect(run.get(TREE_SITTER)).toBe(1);
    expect(
      (await initialisersRun(['--no-code', 'fixtures/recursive-trigger/code-oss2-python/s.yaml'])).get(TREE_SITTER),
      '--no-code',
    ).toBe(0);
  }, 120_000);

  it('loads the parser runtime for Terraform only when a .tf file is linted', async () => {
    expect((await initialisersRun(['--no-code', 'examples/s.yaml'])).get(TREE_SITTER), 'a YAML-only run').toBe(0);
    expect(
      (await initialisersRun(['--no-code', 'fixtures/notification-overwrite/aws-two-resources.tf'])).get(TREE_SITTER),
      'a .tf file',
    ).toBe(1);
  }, 120_000);

  it('evaluates SARIF only when asked for it', async () => {
    const run = await initialisersRun(['-f', 'sarif', 'examples/s.yaml']);
    expect(run.get('src/reporters/sarif.ts')).toBe(1);
    expect(run.get('src/reporters/stylish.ts')).toBe(0);
  }, 120_000);

  it('compiles no JSON Schema at start-up: the validators are ajv standalone code, without the Ajv compiler', async () => {
    const text = readFileSync(await readableBundle(), 'utf8');
    expect(text).toMatch(/^\/\/ src\/generated\/config\.js$/m);
    expect(text.match(/^\/\/ node_modules\/ajv\/dist\/(core|ajv|compile\/index)\.js$/gm)).toBeNull();
  }, 120_000);

  it('starts through a V8 code cache, and runs the same without it', () => {
    const args = [join(ROOT, 'bin', 'trigger-lint.js'), 'examples/s.yaml'];
    const cached = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const plain = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TRIGGER_LINT_NO_COMPILE_CACHE: '1' },
    });
    expect(cached.status).toBe(1);
    expect(plain.status).toBe(1);
    expect(cached.stdout).toBe(plain.stdout);
  });
});
