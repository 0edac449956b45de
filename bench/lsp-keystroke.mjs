// Keystroke latency of the language server in a folder holding slow files (issue #25), for
// `npm run bench:lsp` and `npm run bench`: the folder holds the worst-case files of
// bench/worst.mjs (nested references, this repository's src/ as handler code) and a typical
// s.yaml being edited. Per run, a fresh server: open the file, then didChange → hover answered
// while that lint runs (budget ≤ 50 ms), and didChange → the edit's publishDiagnostics (budget
// ≤ 300 ms). Medians over the runs.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateWorst } from './worst.mjs';
import { median } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'trigger-lint.js');
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** The slow folder, written to bench/out/lsp-slow/; returns it and the edited file. */
function slowFolder() {
  const slowRoot = join(root, 'bench', 'out', 'lsp-slow');
  rmSync(slowRoot, { recursive: true, force: true });
  const worst = generateWorst(join(root, 'bench', 'out', 'worst'));
  mkdirSync(slowRoot, { recursive: true });
  for (const d of ['sls-self', 'devs-vars', 'ros-sub', 'sam-src-1'])
    cpSync(join(worst, d), join(slowRoot, d), { recursive: true });
  const edited = join(slowRoot, 'edited', 's.yaml');
  mkdirSync(dirname(edited), { recursive: true });
  writeFileSync(edited, readFileSync(join(root, 'examples', 's.yaml'), 'utf8'));
  return { slowRoot, edited };
}

async function keystroke(slowRoot, edited) {
  const text = readFileSync(edited, 'utf8');
  const editedUri = pathToFileURL(edited).href;
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: slowRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let onPublish;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri === editedUri) onPublish?.(p);
  });
  conn.listen();
  const folder = pathToFileURL(slowRoot).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'slow' }],
    capabilities: {},
    initializationOptions: { debounceMs: 0 },
  });
  await conn.sendNotification('initialized', {});
  const published = (v) =>
    new Promise((resolve) => {
      onPublish = (p) => {
        if (p.version === v) resolve(p);
      };
    });
  let p = published(1);
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: editedUri, languageId: 'yaml', version: 1, text },
  });
  await p;
  const t = now();
  p = published(2);
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: editedUri, version: 2 },
    contentChanges: [{ text: `${text}\n` }],
  });
  await conn.sendRequest('textDocument/hover', {
    textDocument: { uri: editedUri },
    position: { line: 0, character: 0 },
  });
  const hover = now() - t;
  await p;
  const edit = now() - t;
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await new Promise((r) => child.on('exit', r));
  conn.dispose();
  return { hover, edit };
}

/** `runs` fresh servers after one warm-up (the bundle must be built): medians of hover and edit latency. */
export async function keystrokeLatency(runs) {
  const { slowRoot, edited } = slowFolder();
  await keystroke(slowRoot, edited); // warm-up
  const hovers = [];
  const edits = [];
  for (let i = 0; i < runs; i++) {
    const r = await keystroke(slowRoot, edited);
    hovers.push(r.hover);
    edits.push(r.edit);
  }
  return { runs, hover: median(hovers), edit: median(edits) };
}
