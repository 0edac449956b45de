// `npm run bench`: wall-clock medians and peak RSS of the real CLI, side by side in one run, as
// markdown tables with ratios to bare Node and growth per tenfold input (docs/architecture.md, "Budgets and bad input").
// Not a test: it prints numbers.
//
//   node bench/run.mjs                 the tables (about ten minutes on 2 busy CPUs)
//   node bench/run.mjs --runs 21       more runs per light case (heavy cases run a third as often)
//   node bench/run.mjs --code          only bare Node, the typical file and the handler-code cases
//   node bench/run.mjs --startup       only the start-up cases (bare Node, typical, real file, event, first runs)
//   node bench/run.mjs --worst         only bare Node and the worst-case inputs of issue #25 (bench/worst.mjs),
//                                      each with its 2 s budget, and the language server's keystroke latency
//                                      in a folder holding the slow files (bench/lsp-keystroke.mjs)
//   node bench/run.mjs --break-even    folders of 25…1,600 files, --concurrency off vs threads:
//                                      where worker threads start to pay (AUTO_WORKER_THRESHOLD)
//
// Runs are interleaved (round-robin over the cases, bench/measure.mjs) so a noisy machine slows
// every case alike. The CLI's V8 code caches live in a temporary folder of the run's own
// (TMPDIR), warmed by each case's unmeasured first run; the first-run cases empty theirs before
// every run. Spectral (@stoplight/spectral-cli) is installed on first run into bench/node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, OUT, typicalFile } from './generate.mjs';
import { growth, machine, measure } from './measure.mjs';
import { generateWorst } from './worst.mjs';
import { keystrokeLatency } from './lsp-keystroke.mjs';

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

const x = (a, b) => (a / b).toFixed(2);
const met = (ok) => (ok ? 'met' : 'NOT met');

async function table() {
  ensureBuilt();
  const worstOnly = args.includes('--worst');
  if (!worstOnly) generate(); // the worst cases write their own inputs
  const spectral = worstOnly ? undefined : ensureSpectral();
  const node = process.execPath;
  const scratch = mkdtempSync(join(tmpdir(), 'tl-bench-'));
  const warm = join(scratch, 'code-cache');
  const cold = join(scratch, 'code-cache-first-run');
  mkdirSync(warm);
  const tl = (...a) => [node, [CLI, ...a], OUT, { TMPDIR: warm }];
  const firstRun = (...a) => ({
    run: [node, [CLI, ...a], OUT, { TMPDIR: cold }],
    prepare: () => {
      rmSync(cold, { recursive: true, force: true });
      mkdirSync(cold);
    },
  });
  const cacheFile = join(scratch, 'lint-cache');
  const typical = join('typical', 's.yaml');
  const real = join('real-fc3', 's.yaml');
  const startup = (c, b) => `≤ 2× bare: ${met(c.median / b <= 2)}`;
  const ratioTo = (id, max) => (c, _b, all) => {
    const r = c.median / all.find((y) => y.id === id).median;
    return `${r.toFixed(2)}× the ${all.find((y) => y.id === id).short} case (≤ ${max}×): ${met(r <= max)}`;
  };
  let cases = [
    { name: 'bare Node (`node -e ""`)', run: [node, ['-e', ''], OUT], base: true },
    { name: 'trigger-lint, typical s.yaml (5 triggers)', run: tl(typical), budget: startup },
    { name: 'trigger-lint, real fc3 file (327 lines, test/corpus)', run: tl(real), budget: startup },
    {
      name: 'trigger-lint event validate, real OSS event',
      run: tl('event', 'validate', join('event', 'oss.json')),
      budget: startup,
    },
    // the first run after an install or upgrade: no code cache yet, so it compiles the bundle and writes one
    { name: 'typical s.yaml, first run (compiles, writes the code cache)', ...firstRun(typical) },
    { name: 'real fc3 file, first run (compiles, writes the code cache)', ...firstRun(real) },
    ...(spectral
      ? [
          {
            name: 'Spectral, typical file, two-rule ruleset',
            run: [node, [spectral, 'lint', typical, '--ruleset', join(here, 'spectral', '.spectral.yaml')], OUT],
          },
        ]
      : []),
    // handler code (issue #12): what reading it costs, side by side with the same folder without it
    {
      name: 'folder of 200 functions with handler code (Python, Node.js)',
      run: tl('code-200'),
      id: 'code',
      budget: (c, _b, all) => {
        const r = c.median / all.find((y) => y.id === 'nocode').median;
        return `${r.toFixed(2)}× the same folder with \`--no-code\` (≤ 3×): ${met(r <= 3)}`;
      },
    },
    { name: 'same folder, `--no-code`', run: tl('code-200', '--no-code'), id: 'nocode' },
    { name: 'one file, 2,000 triggers', run: tl('big-2000'), heavy: true, id: 'k2', short: '2,000', n: 2000 },
    {
      name: 'one file, 20,000 triggers',
      run: tl('big-20000'),
      heavy: true,
      id: 'k20',
      short: '20,000',
      n: 20000,
      budget: ratioTo('k2', 10),
    },
    {
      name: 'one file, 50,000 triggers',
      run: tl('big-50000'),
      heavy: true,
      id: 'k50',
      n: 50000,
      budget: ratioTo('k20', 2.8),
    },
    {
      name: 'folder of 2,000 files, `--concurrency off`',
      run: tl('folder-2000', '--concurrency', 'off'),
      heavy: true,
      mem: 300,
      id: 'f2',
      n: 2000,
    },
    {
      name: 'folder of 10,000 files, `--concurrency off`',
      run: tl('folder-10000', '--concurrency', 'off'),
      heavy: true,
      mem: 450,
      id: 'f10',
      n: 10000,
    },
    { name: 'Terraform module of 100 .tf files', run: tl('tf-100'), heavy: true, id: 't1', short: '100-file', n: 100 },
    {
      name: 'Terraform module of 1,000 .tf files',
      run: tl('tf-1000'),
      heavy: true,
      id: 't10',
      n: 1000,
      budget: ratioTo('t1', 12),
    },
    {
      name: 'folder of 2,000 files, worker threads (`--concurrency 2`)',
      run: tl('folder-2000', '--concurrency', '2'),
      heavy: true,
      mem: 300,
    },
    {
      name: 'folder of 2,000 files, `--cache`, cold (writes it)',
      run: tl('folder-2000', '--concurrency', 'off', '--cache-location', cacheFile),
      prepare: () => rmSync(cacheFile, { force: true }),
      heavy: true,
      mem: 300,
    },
    {
      name: 'folder of 2,000 files, `--cache`, warm',
      run: tl('folder-2000', '--cache-location', cacheFile),
      heavy: true,
      mem: 300,
      prepare: () => {
        if (!existsSync(cacheFile))
          spawnSync(...tl('folder-2000', '--cache-location', cacheFile).slice(0, 2), {
            cwd: OUT,
            env: { ...process.env, TMPDIR: warm },
          });
      },
    },
    // worst cases (issue #25, bench/worst.mjs): small inputs whose cost used to be exponential or quadratic; ≤ 2 s wall each
    ...worstCases(tl, ratioTo),
  ];
  const startupOnly = args.includes('--startup');
  const all = cases;
  // a filtered copy; never empty `cases` in place: without a flag `picked` is that same array
  const picked = worstOnly
    ? all.filter((c) => c.base || c.worst)
    : args.includes('--code')
      ? all.filter((c) => c.base || c.id === 'code' || c.id === 'nocode' || c.name.startsWith('trigger-lint, typical'))
      : startupOnly
        ? all.filter((c) => c.base || c.budget === startup || c.name.includes('first run'))
        : all;
  cases = picked;
  measure(cases, RUNS);
  const baseCase = cases.find((c) => c.base);
  const [bare, bareCpu] = [baseCase.median, baseCase.cpu];
  const out = [`Machine: ${machine()}`];
  out.push(
    `Runs: ${RUNS} per light case, ${Math.ceil(RUNS / 3)} per heavy case, interleaved (order reversed every other round); medians. CPU = user + system time of all threads; peak RSS = max over runs.`,
    '',
  );
  out.push(
    '| case | wall (median) | × bare Node | CPU (median) | CPU × bare | peak RSS | budget |',
    '|---|---:|---:|---:|---:|---:|---|',
  );
  for (const c of cases) {
    let budget = c.budget ? c.budget(c, bare, cases) : '';
    if (c.mem) budget = [c.worst ? budget : '', `≤ ${c.mem} MiB: ${met(c.peak <= c.mem)}`].filter(Boolean).join('; ');
    out.push(
      `| ${c.name} | ${c.median.toFixed(0)} ms | ${x(c.median, bare)} | ${c.cpu.toFixed(0)} ms | ${x(c.cpu, bareCpu)} | ${c.peak.toFixed(0)} MiB | ${budget} |`,
    );
  }
  if (cases.some((c) => c.worst)) {
    // the language server in a folder holding the slow files (bench/lsp-keystroke.mjs), in the same table
    const ks = await keystrokeLatency(Math.max(3, Math.ceil(RUNS / 3)));
    out.push(
      `| language server, folder holding the slow files: didChange → hover answered during the lint (${ks.runs} runs) | ${ks.hover.toFixed(0)} ms | | | | | ≤ 50 ms: ${met(ks.hover <= 50)} |`,
      `| language server, same folder: didChange → the edit's diagnostics published (${ks.runs} runs) | ${ks.edit.toFixed(0)} ms | | | | | ≤ 300 ms: ${met(ks.edit <= 300)} |`,
    );
  }
  if (cases.some((c) => c.id === 'k2')) {
    out.push(
      '',
      'Growth with the input (linear: 10× per tenfold; wall and CPU medians of the pair above, side by side):',
      '',
    );
    out.push(
      '| from → to | input × | wall × | wall per tenfold | CPU × | CPU per tenfold | peak RSS × |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
  }
  const byId = (id) => cases.find((c) => c.id === id);
  for (const [a, b] of [
    ['k2', 'k20'],
    ['k20', 'k50'],
    ['k2', 'k50'],
    ['f2', 'f10'],
    ['t1', 't10'],
  ]) {
    const [ca, cb] = [byId(a), byId(b)];
    if (!ca || !cb) continue;
    const f = cb.n / ca.n;
    const w = growth(ca.median, cb.median, f);
    const u = growth(ca.cpu, cb.cpu, f);
    out.push(
      `| ${ca.name} → ${cb.n.toLocaleString('en')} | ${f.toFixed(1)} | ${w.ratio.toFixed(2)} | ${w.perTenfold.toFixed(1)} | ${u.ratio.toFixed(2)} | ${u.perTenfold.toFixed(1)} | ${x(cb.peak, ca.peak)} |`,
    );
  }
  rmSync(scratch, { recursive: true, force: true });
  return out.join('\n');
}

/** The worst-case rows: each ≤ 2 s wall (the code folder ≤ 3 s per function), 10 functions sharing a handler ≤ 1.5× one. */
function worstCases(tl, ratioTo) {
  generateWorst(join(OUT, 'worst'));
  const within = (ms) => (c) => `≤ ${ms / 1000} s: ${met(c.median <= ms)}`;
  const w = (p) => join('worst', p);
  return [
    {
      name: '1 KB serverless.yml, 14 levels of ${self:custom.v<i>} ×4',
      run: tl(w('sls-self/serverless.yml')),
      worst: true,
      budget: within(2000),
    },
    {
      name: '1 KB s.yaml, 14 levels of ${vars.v<i>} ×4',
      run: tl(w('devs-vars/s.yaml')),
      worst: true,
      budget: within(2000),
    },
    {
      name: '1 KB ROS template, 12 nested Fn::Sub ×4',
      run: tl(w('ros-sub/template.yml')),
      worst: true,
      budget: within(2000),
    },
    {
      name: '190 KB s.yaml, flow sequences nested 500 deep, a repeated key (fuzz input 13523)',
      run: tl(w('brackets/s.yaml')),
      worst: true,
      budget: within(2000),
    },
    {
      name: '1,000 identical triggers on one bucket (JSON output)',
      run: tl(w('overlap-1000/s.yaml'), '-f', 'json'),
      worst: true,
      budget: within(2000),
    },
    {
      name: '2,000 identical triggers on one bucket (JSON output)',
      run: tl(w('overlap-2000/s.yaml'), '-f', 'json'),
      worst: true,
      budget: within(2000),
    },
    {
      name: "SAM CodeUri = this repository's src/, 1 function",
      run: tl(w('sam-src-1/template.yaml')),
      worst: true,
      id: 'src1',
      short: 'one-function',
      budget: within(3000),
    },
    {
      name: "SAM CodeUri = this repository's src/, 3 functions",
      run: tl(w('sam-src-3/template.yaml')),
      worst: true,
      budget: within(9000),
    },
    {
      name: '10 functions sharing one 36 KB handler',
      run: tl(w('shared-10/s.yaml')),
      worst: true,
      budget: (c, _b, all) => {
        const r = c.median / all.find((y) => y.id === 'shared1').median;
        return `${r.toFixed(2)}× one function (≤ 1.5×): ${met(r <= 1.5)}`;
      },
    },
    { name: '1 function with the same 36 KB handler', run: tl(w('shared-1/s.yaml')), worst: true, id: 'shared1' },
    {
      name: 'a Python handler importing a chain of 500 local modules',
      run: tl(w('chain-500/s.yaml')),
      worst: true,
      budget: within(2000),
    },
    {
      name: '798-byte .trigger-lint.yaml with brace globs in `ignore`, 11 files',
      run: tl(w('globs')),
      worst: true,
      budget: within(2000),
    },
    {
      name: '`event validate`, 6 KB one-line event with many errors',
      run: tl('event', 'validate', w('events/cos-6k.json')),
      worst: true,
      budget: within(2000),
    },
    {
      name: '`event validate`, 60 KB one-line event with many errors',
      run: tl('event', 'validate', w('events/cos-60k.json')),
      worst: true,
      budget: within(2000),
    },
    {
      name: '`event validate`, 100,000-deep JSON',
      run: tl('event', 'validate', w('events/deep.json')),
      worst: true,
      budget: within(2000),
    },
    ...(spawnSync('mkfifo', ['--version']).status === 0
      ? [
          {
            name: 'a named FIFO on the command line (exit 2)',
            run: [...tl(w('fifo/s.yaml')), { exit: 2 }],
            prepare: () => {
              rmSync(join(OUT, 'worst', 'fifo'), { recursive: true, force: true });
              mkdirSync(join(OUT, 'worst', 'fifo'));
              spawnSync('mkfifo', [join(OUT, 'worst', 'fifo', 's.yaml')]);
            },
            worst: true,
            budget: within(2000),
          },
        ]
      : []),
    {
      name: '/dev/zero on the command line (exit 2)',
      run: [...tl('/dev/zero'), { exit: 2 }],
      worst: true,
      budget: within(2000),
    },
    {
      name: 'stdin from /dev/zero (`-`, read up to the 32 MB cap; exit 2)',
      run: [...tl('-'), { exit: 2, stdin: '/dev/zero' }],
      worst: true,
      budget: within(2000),
    },
    {
      name: '`--concurrency 100000`, folder of 300 files (capped at the CPUs)',
      run: tl(w('folder-300'), '--concurrency', '100000'),
      worst: true,
      mem: 300,
      budget: (c, b, all) => `${within(2000)(c)}; ${ratioTo('f300', 1.5)(c, b, all)}`,
    },
    {
      name: 'the same folder of 300 files, `--concurrency off`',
      run: tl(w('folder-300'), '--concurrency', 'off'),
      worst: true,
      id: 'f300',
      short: '`--concurrency off`',
      budget: within(2000),
    },
  ];
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
  const out = [
    `Machine: ${machine()}`,
    '',
    `| files | --concurrency off (wall) | --concurrency ${threads} (wall) | threads / off | CPU off | CPU threads |`,
    '|---:|---:|---:|---:|---:|---:|',
  ];
  for (const n of sizes) {
    const off = cases.find((c) => c.n === n && c.mode === 'off');
    const thr = cases.find((c) => c.n === n && c.mode === 'threads');
    out.push(
      `| ${n} | ${off.median.toFixed(0)} ms | ${thr.median.toFixed(0)} ms | ${(thr.median / off.median).toFixed(2)} | ${off.cpu.toFixed(0)} ms | ${thr.cpu.toFixed(0)} ms |`,
    );
  }
  return out.join('\n');
}

console.log(args.includes('--break-even') ? breakEven() : await table());
