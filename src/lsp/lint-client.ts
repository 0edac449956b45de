// Linting off the language server's main thread: one worker thread (dist/lsp-worker.js) lints a folder
// per request, so hover, code actions and completion answer while a lint runs. A newer lint of
// the same folder cancels the one in progress (the worker is ended and a fresh one started: the
// engine has no cancellation points, and a lint of a slow folder can take seconds). Running from
// sources (tests of src/), where no built worker exists, the lint runs in this thread as before.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lintFolder, type FolderSettings, type RunOutcome } from './lint-run.js';
import type { Buffer } from './workspace.js';
import { FolderFiles } from './workspace.js';
import type { LintAnswer, LintRequest } from './lint-worker.js';

type Worker = import('node:worker_threads').Worker;

/** What a cancelled lint resolves to: a newer lint of the folder publishes instead. */
export const CANCELLED = Symbol('cancelled');

export class LintClient {
  private worker?: Worker;
  private port?: import('node:worker_threads').MessagePort;
  private next = 0;
  private readonly pending = new Map<number, { root: string; resolve: (o: RunOutcome | typeof CANCELLED) => void }>();
  private readonly file: URL | undefined;

  constructor(private readonly log: (s: string) => void) {
    const url = new URL('./lsp-worker.js', import.meta.url);
    this.file = url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
  }

  /** Whether lints run on a worker thread (the built server). */
  get threaded(): boolean {
    return !!this.file;
  }

  /** Lint a folder; a later call for the same folder cancels this one (it resolves to CANCELLED). */
  lint(
    files: FolderFiles,
    rescan: boolean,
    buffers: Buffer[],
    settings: FolderSettings,
    env: Record<string, string | undefined>,
  ): Promise<RunOutcome | typeof CANCELLED> {
    if (!this.file) return lintFolder(files, buffers, settings, env, this.log);
    if ([...this.pending.values()].some((p) => p.root === files.root)) this.restart(); // cancel the lint in progress
    const id = ++this.next;
    const port = this.start();
    return new Promise((resolve) => {
      this.pending.set(id, { root: files.root, resolve });
      const req: LintRequest = { id, root: files.root, scan: files.scans, rescan, buffers, settings, env: { ...env } };
      port.postMessage(req);
    });
  }

  dispose(): void {
    this.restart(false);
  }

  private start(): import('node:worker_threads').MessagePort {
    if (this.port) return this.port;
    const { Worker, MessageChannel } = createRequire(import.meta.url)(
      'node:worker_threads',
    ) as typeof import('node:worker_threads');
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(this.file!, {
      workerData: { triggerLintLspWorker: true, port: port2 },
      transferList: [port2],
    });
    worker.unref();
    worker.on('error', (e) => {
      this.log(`trigger-lint: lint thread failed: ${e.stack ?? e.message}`);
      this.restart();
    });
    port1.on('message', (a: LintAnswer) => {
      const p = this.pending.get(a.id);
      if (!p) return;
      this.pending.delete(a.id);
      for (const s of a.log) this.log(s);
      p.resolve({
        files: new Map(a.files),
        open: new Set(a.open),
        sources: [],
        ...(a.error ? { error: a.error } : {}),
      });
    });
    this.worker = worker;
    this.port = port1;
    return port1;
  }

  /** End the worker; every lint in progress resolves to CANCELLED. */
  private restart(log = true): void {
    void log;
    for (const p of this.pending.values()) p.resolve(CANCELLED);
    this.pending.clear();
    this.port?.close();
    void this.worker?.terminate();
    this.worker = undefined;
    this.port = undefined;
  }
}
