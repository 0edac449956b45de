// The language server's lint thread (started from dist/lsp-worker.js by lint-client.ts): one lint of a
// folder per message, with the folder's parsed files kept between runs as in the main thread.
// Answers what the server publishes (findings and format per file, the open buffers, the error).
import type { MessagePort } from 'node:worker_threads';
import { lintFolder, type FileOutcome, type FolderSettings } from './lint-run.js';
import { FolderFiles, type Buffer } from './workspace.js';

export interface LintRequest {
  id: number;
  root: string;
  scan: boolean;
  /** The folder's files changed on disk (created, deleted): scan it again. */
  rescan: boolean;
  buffers: Buffer[];
  settings: FolderSettings;
  env: Record<string, string | undefined>;
}

export interface LintAnswer {
  id: number;
  files: [string, FileOutcome][];
  open: string[];
  error?: string;
  log: string[];
}

export function serveLints(port: MessagePort): void {
  const folders = new Map<string, FolderFiles>();
  const serve = async (req: LintRequest) => {
    let files = folders.get(req.root);
    if (!files) folders.set(req.root, (files = new FolderFiles(req.root, req.scan)));
    if (req.rescan) files.rescan();
    const log: string[] = [];
    const outcome = await lintFolder(files, req.buffers, req.settings, req.env, (s) => log.push(s));
    const answer: LintAnswer = {
      id: req.id,
      files: [...outcome.files],
      open: [...outcome.open],
      ...(outcome.error ? { error: outcome.error } : {}),
      log,
    };
    port.postMessage(answer);
  };
  port.on('message', (req: LintRequest) => {
    void serve(req);
  });
}
