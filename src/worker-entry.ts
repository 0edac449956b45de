// The worker thread's entry (dist/worker.js, started by runWorkers in src/engine/workers.ts): analyse
// each batch of jobs, answer on the port, and wake the main thread. A file of its own, so the CLI
// bundle never loads node:worker_threads unless it starts threads. It sits beside src/cli.ts and
// src/index.ts, not in src/engine: it is where the rule list is handed to the engine in a thread.
import { isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import { analyse, type Job } from './engine/workers.js';
import { RULES } from '../rules/index.js';
import type { LintOptions } from './types.js';

export { threadStats } from './engine/workers.js';

if (!isMainThread && (workerData as { triggerLintWorker?: boolean } | null)?.triggerLintWorker) {
  const { options, port, signal } = workerData as { options: LintOptions; port: MessagePort; signal: Int32Array };
  port.on('message', (jobs: Job[]) => {
    let answer: { units?: string; error?: string };
    try {
      answer = { units: JSON.stringify(jobs.map((j) => analyse(j, options, RULES).unit)) };
    } catch (e) {
      answer = { error: (e as Error).message };
    }
    port.postMessage(answer);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}
