// Preloaded into every benchmarked Node process (`node -r bench/rusage.cjs …`): on exit, append
// the process's own CPU time and peak RSS (all threads) to the file named by TL_BENCH_RUSAGE.
'use strict';
const out = process.env.TL_BENCH_RUSAGE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('node:fs').writeFileSync(
      out,
      JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMB: u.maxRSS / 1024 }),
    );
  });
}
