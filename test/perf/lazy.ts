// What the CLI really evaluates on a run: build the CLI bundle unminified (same sources, same
// module graph as dist/cli.cjs), run it under V8 coverage, and count how often each bundled
// module's initialiser ran. esbuild wraps every module reached by a dynamic import() in
// `var init_x = __esm({ "src/…/x.ts"() { … } })` (a CommonJS package in `__commonJS`); an
// initialiser that never ran is a module the run never loaded.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers.js';

let built: string | undefined;

/** An unminified build of the CLI in a temp folder (built once per test file). */
export async function readableBundle(): Promise<string> {
  if (built) return built;
  const { bundle } = await import(pathToFileURL(join(ROOT, 'scripts', 'build.mjs')).href);
  const out = mkdtempSync(join(tmpdir(), 'tl-readable-'));
  await bundle(out, { minify: false });
  built = join(out, 'cli.cjs');
  return built;
}

interface FnCoverage {
  functionName: string;
  ranges: { startOffset: number; endOffset: number; count: number }[];
}

/** Source path → how many times its module initialiser ran, for one CLI run. */
export async function initialisersRun(args: string[]): Promise<Map<string, number>> {
  const file = await readableBundle();
  const text = readFileSync(file, 'utf8');
  const covDir = mkdtempSync(join(tmpdir(), 'tl-cov-'));
  const runner = `require(${JSON.stringify(file)}).main(${JSON.stringify(args)}).then((c) => { process.exitCode = c; })`;
  const r = spawnSync(process.execPath, ['-e', runner], {
    cwd: ROOT,
    env: { ...process.env, NODE_V8_COVERAGE: covDir, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (r.status === null || r.status > 1) throw new Error(`CLI run failed: ${r.stderr}`);
  const url = pathToFileURL(file).href;
  const fns: FnCoverage[] = [];
  for (const f of readdirSync(covDir)) {
    const data = JSON.parse(readFileSync(join(covDir, f), 'utf8')) as {
      result: { url: string; functions: FnCoverage[] }[];
    };
    for (const s of data.result) if (s.url === url) fns.push(...s.functions);
  }
  const counts = new Map<string, number>();
  // ES modules (`init_x = __esm(…)`) and CommonJS packages bundled in (`require_x = __commonJS(…)`)
  for (const m of text.matchAll(
    /var (?:init|require)_\w+ = __(?:esm|commonJS2?)\(\{\n\s+"([^"]+)"\((?:exports, module)?\) \{/g,
  )) {
    const key = m[1];
    const offset = m.index + m[0].indexOf(`"${key}"`);
    const fn = fns.find((f) => f.ranges[0].startOffset === offset);
    counts.set(key, fn ? fn.ranges[0].count : 0);
  }
  return counts;
}
