// `npm run bench`: wall-clock medians and peak RSS of the real CLI, side by side in one run, as a
// markdown table with ratios to bare Node (DESIGN.md §6 budgets). Not a test: it prints numbers.
//
//   node bench/run.mjs                 the table (about two minutes)
//   node bench/run.mjs --runs 21       more runs per light case (heavy cases run a third as often)
//   node bench/run.mjs --code          only bare Node, the typical file and the handler-code cases
//   node bench/run.mjs --break-even    folders of 25…1,600 files, --concurrency off vs threads:
//                                      where worker threads start to pay (AUTO_WORKER_THRESHOLD)
//
// Runs are interleaved (round-robin over the cases) so a noisy machine slows every case alike.
// Spectral (@stoplight/spectral-cli) is installed on first run into bench/node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, cpus, totalmem, tmpdir, release } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, OUT, typicalFile } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 11;
const CLI = join(root, 'bin', 'trigger-lint.js');

function ensureBuilt() {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

function ensureSpectral() {
  const bin = join(here, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
  if (!existsSync(bin)) {
    console.error('installing @stoplight/spectral-cli into bench/node_modules (first run only)…');
    const r = spawnSync('npm', ['install', '--prefix', here, '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(bin)) return undefined;
  }
  return bin;
}

/**
 * One run of a Node process: wall time measured here; CPU time (all threads) and peak RSS
 * reported by the process itself through the preloaded bench/rusage.cjs. CPU time is the
 * steadier number on a shared machine; the budgets are judged on wall time.
 */
function once(cmd, argv, cwd, env = {}) {
  const rusage = join(tmpdir(), `tl-bench-rusage-${process.pid}.json`);
  rmSync(rusage, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, ['-r', join(here, 'rusage.cjs'), ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26, env: { ...process.env, ...env, TL_BENCH_RUSAGE: rusage, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status === null || r.status > 1) throw new Error(`${argv.join(' ')} failed (${r.status ?? r.signal}): ${String(r.stderr).slice(0, 400)}`);
  const u = JSON.parse(readFileSync(rusage, 'utf8'));
  return { ms, cpu: u.cpuMs, rss: u.maxRssMB };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function measure(cases, runs) {
  for (const c of cases) { c.times = []; c.cpus = []; c.rss = []; c.prepare?.(); once(...c.run); } // warm-up (OS file cache)
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      if (i >= Math.ceil(runs / (c.heavy ? 3 : 1))) continue;
      c.prepare?.();
      const { ms, cpu, rss } = once(...c.run);
      c.times.push(ms);
      c.cpus.push(cpu);
      c.rss.push(rss);
    }
  }
  for (const c of cases) {
    c.median = median(c.times);
    c.cpu = median(c.cpus);
    c.peak = Math.max(...c.rss);
  }
}

function machine() {
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout?.split('\n')[1]?.trim().split(/\s+/)[1];
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} CPUs (nproc), ${free ?? `${Math.round(totalmem() / 2 ** 30)}Gi`} RAM, Linux ${release()}, Node ${process.version}`;
}

function table() {
  ensureBuilt();
  generate();
  const spectral = ensureSpectral();
  const node = process.execPath;
  const tl = (...a) => [node, [CLI, ...a], OUT];
  const cacheFile = join(mkdtempSync(join(tmpdir(), 'tl-bench-')), 'cache');
  const typical = join('typical', 's.yaml');
  const cases = [
    { name: 'bare Node (`node -e ""`)', run: [node, ['-e', ''], OUT], base: true },
    { name: 'trigger-lint, typical s.yaml (5 triggers)', run: tl(typical), budget: (c, b) => `≤ 2× bare: ${c.median / b <= 2 ? 'met' : 'NOT met'}` },
    // the first run after an install or upgrade, before bin/trigger-lint.js has a V8 code cache
    { name: 'trigger-lint, typical s.yaml, first run (no code cache)', run: [...tl(typical), { TRIGGER_LINT_NO_COMPILE_CACHE: '1' }] },
    ...(spectral ? [{ name: 'Spectral, same file, two-rule ruleset', run: [node, [spectral, 'lint', typical, '--ruleset', join(here, 'spectral', '.spectral.yaml')], OUT] }] : []),
    { name: 'trigger-lint, one file, 2,000 triggers', run: tl('big-2000'), heavy: true, id: 'k2' },
    { name: 'trigger-lint, one file, 20,000 triggers', run: tl('big-20000'), heavy: true, id: 'k20', budget: (c, _b, all) => { const r = c.median / all.find((x) => x.id === 'k2').median; return `${r.toFixed(1)}× the 2,000 case (≤ 10×): ${r <= 10 ? 'met' : 'NOT met'}`; } },
    // handler code (issue #12): what reading it costs, side by side with the same folder without it
    { name: 'folder of 200 functions with handler code (Python, Node.js)', run: tl('code-200'), id: 'code', budget: (c, _b, all) => { const r = c.median / all.find((x) => x.id === 'nocode').median; return `${r.toFixed(2)}× the same folder with \`--no-code\` (≤ 3×): ${r <= 3 ? 'met' : 'NOT met'}`; } },
    { name: 'same folder, `--no-code`', run: tl('code-200', '--no-code'), id: 'nocode' },
    { name: 'folder of 2,000 files, `--concurrency off`', run: tl('folder-2000', '--concurrency', 'off'), heavy: true, mem: true },
    { name: 'folder of 2,000 files, worker threads (`--concurrency 2`)', run: tl('folder-2000', '--concurrency', '2'), heavy: true, mem: true },
    { name: 'folder of 2,000 files, `--cache`, cold (writes it)', run: tl('folder-2000', '--concurrency', 'off', '--cache-location', cacheFile), prepare: () => rmSync(cacheFile, { force: true }), heavy: true, mem: true },
    { name: 'folder of 2,000 files, `--cache`, warm', run: tl('folder-2000', '--cache-location', cacheFile), heavy: true, mem: true, prepare: () => { if (!existsSync(cacheFile)) once(...tl('folder-2000', '--cache-location', cacheFile)); } },
  ];
  const picked = args.includes('--code') ? cases.filter((c) => c.base || c.id === 'code' || c.id === 'nocode' || c.name.startsWith('trigger-lint, typical')) : cases;
  cases.length = 0;
  cases.push(...picked);
  measure(cases, RUNS);
  const bare = cases.find((c) => c.base).median;
  const bareCpu = cases.find((c) => c.base).cpu;
  const out = [];
  out.push(`Machine: ${machine()}`);
  out.push(`Runs: ${RUNS} per light case, ${Math.ceil(RUNS / 3)} per heavy case, interleaved; medians. CPU = user + system time of all threads; peak RSS = max over runs.`, '');
  out.push('| case | wall (median) | × bare Node | CPU (median) | CPU × bare | peak RSS | budget |', '|---|---:|---:|---:|---:|---:|---|');
  for (const c of cases) {
    let budget = c.budget ? c.budget(c, bare, cases) : '';
    if (c.mem) budget = `< 300 MB: ${c.peak < 300 ? 'met' : 'NOT met'}`;
    out.push(`| ${c.name} | ${c.median.toFixed(0)} ms | ${(c.median / bare).toFixed(2)} | ${c.cpu.toFixed(0)} ms | ${(c.cpu / bareCpu).toFixed(2)} | ${c.peak.toFixed(0)} MB | ${budget} |`);
  }
  rmSync(dirname(cacheFile), { recursive: true, force: true });
  return out.join('\n');
}

/** Folders of n files linted with --concurrency off and with threads: the smallest n where threads win. */
function breakEven() {
  ensureBuilt();
  const sizes = [25, 50, 100, 200, 400, 800, 1600];
  const dir = join(OUT, 'break-even');
  rmSync(dir, { recursive: true, force: true });
  for (const n of sizes) {
    for (let i = 0; i < n; i++) {
      const p = join(dir, String(n), `svc-${i}`);
      mkdirSync(p, { recursive: true });
      writeFileSync(join(p, 's.yaml'), typicalFile(i));
    }
  }
  const threads = String(availableParallelism());
  const cases = sizes.flatMap((n) => [
    { n, mode: 'off', run: [process.execPath, [CLI, String(n), '--concurrency', 'off'], dir] },
    { n, mode: 'threads', run: [process.execPath, [CLI, String(n), '--concurrency', threads], dir] },
  ]);
  measure(cases, RUNS);
  const out = [`Machine: ${machine()}`, '', `| files | --concurrency off (wall) | --concurrency ${threads} (wall) | threads / off | CPU off | CPU threads |`, '|---:|---:|---:|---:|---:|---:|'];
  for (const n of sizes) {
    const off = cases.find((c) => c.n === n && c.mode === 'off');
    const thr = cases.find((c) => c.n === n && c.mode === 'threads');
    out.push(`| ${n} | ${off.median.toFixed(0)} ms | ${thr.median.toFixed(0)} ms | ${(thr.median / off.median).toFixed(2)} | ${off.cpu.toFixed(0)} ms | ${thr.cpu.toFixed(0)} ms |`);
  }
  return out.join('\n');
}

console.log(args.includes('--break-even') ? breakEven() : table());
