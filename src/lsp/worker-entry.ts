// The language server's lint thread entry (dist/lsp-worker.js, started by lint-client.ts). A file of
// its own, so the server's bundle never loads node:worker_threads unless it starts the thread.
import { isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import { serveLints } from './lint-worker.js';

if (!isMainThread && (workerData as { triggerLintLspWorker?: boolean } | null)?.triggerLintLspWorker) {
  serveLints((workerData as { port: MessagePort }).port);
}
