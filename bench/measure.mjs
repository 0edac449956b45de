// Measuring whole processes on a shared machine: one run = one Node process (wall time measured
// here; CPU time of all threads and peak RSS reported by the process itself through the
// preloaded bench/rusage.cjs); runs interleaved round-robin over the cases, the order reversed
// every other round so no case always follows the same neighbour; medians.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, totalmem, tmpdir, release } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * One run of `cmd argv` in `cwd`; `opts.exit`: the exit code expected besides 0 and 1 (a refusal
 * is exit 2); `opts.stdin`: a file opened as its standard input (e.g. /dev/zero).
 */
export function once(cmd, argv, cwd, env = {}, opts = {}) {
  const rusage = join(tmpdir(), `tl-bench-rusage-${process.pid}.json`);
  rmSync(rusage, { force: true });
  const stdin = opts.stdin ? openSync(opts.stdin, 'r') : 'ignore';
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, ['-r', join(here, 'rusage.cjs'), ...argv], {
    cwd,
    stdio: [stdin, 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env, TL_BENCH_RUSAGE: rusage, NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (typeof stdin === 'number') closeSync(stdin);
  if (r.status === null || (r.status > 1 && r.status !== opts.exit))
    throw new Error(`${argv.join(' ')} failed (${r.status ?? r.signal}): ${String(r.stderr).slice(0, 400)}`);
  const u = JSON.parse(readFileSync(rusage, 'utf8'));
  return { ms, cpu: u.cpuMs, rss: u.maxRssMB };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Light cases run `runs` times, heavy ones a third as often; each case once first, unmeasured (file cache, code caches). */
export function measure(cases, runs) {
  for (const c of cases) {
    c.times = [];
    c.cpus = [];
    c.rss = [];
    c.prepare?.();
    once(...c.run);
  }
  for (let i = 0; i < runs; i++) {
    for (const c of i % 2 ? [...cases].reverse() : cases) {
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

export function machine() {
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout?.split('\n')[1]?.trim().split(/\s+/)[1];
  let load = '';
  try {
    load = `, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;
  } catch {
    /* not Linux */
  }
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} CPUs (nproc), ${free ?? `${Math.round(totalmem() / 2 ** 30)}Gi`} RAM, Linux ${release()}, Node ${process.version}${load}`;
}

/** Growth of `b` over `a` for `factor` times the input, and the same growth scaled to a tenfold input. */
export function growth(a, b, factor) {
  const r = b / a;
  return { ratio: r, perTenfold: r ** (1 / Math.log10(factor)) };
}
