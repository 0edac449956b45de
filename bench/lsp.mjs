// `npm run bench:lsp`: how fast the language server answers, side by side with bare Node in one
// run (the budgets of issue #13: initialize under 200 ms, diagnostics of a typical file within
// 300 ms of didOpen). Not a test: it prints medians. A fresh server process per run:
//   start      spawn → `initialize` answered (includes Node start-up and loading the bundle)
//   didOpen    didOpen of examples/s.yaml → its publishDiagnostics
//   didChange  didChange → publishDiagnostics, debounce set to 0 (the lint itself)
//   bare node  spawn `node -e ''` → exit, for scale
//   keystroke  (issue #25) in a folder that also holds the worst-case files of bench/worst.mjs
//              (nested references, this repository's src/ as handler code): didChange → hover
//              answered while that lint runs (budget ≤ 50 ms), and didChange → the edit's
//              publishDiagnostics (budget ≤ 300 ms)
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { keystrokeLatency } from './lsp-keystroke.mjs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'trigger-lint.js');
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 11;
const file = join(root, 'examples', 's.yaml');
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function once() {
  const t0 = now();
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let onPublish;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri === uri) onPublish?.(p);
  });
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(join(root, 'examples')).href,
    workspaceFolders: [{ uri: pathToFileURL(join(root, 'examples')).href, name: 'examples' }],
    capabilities: {},
    initializationOptions: { debounceMs: 0 },
  });
  const start = now() - t0;
  await conn.sendNotification('initialized', {});
  const published = (v) =>
    new Promise((resolve) => {
      onPublish = (p) => {
        if (p.version === v) resolve(p);
      };
    });
  let t = now();
  let p = published(1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const diags = (await p).diagnostics.length;
  const open = now() - t;
  t = now();
  p = published(2);
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: `${text}\n` }],
  });
  await p;
  const change = now() - t;
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await new Promise((r) => child.on('exit', r));
  conn.dispose();
  return { start, open, change, diags };
}

function bare() {
  const t = now();
  spawnSync(process.execPath, ['-e', '']);
  return now() - t;
}

const spawnSyncBuild = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (spawnSyncBuild.status !== 0) throw new Error('build failed');
await once(); // warm-up: OS file cache and the V8 code cache of the bundle
const rows = { start: [], open: [], change: [], bare: [] };
let diags = 0;
for (let i = 0; i < RUNS; i++) {
  const r = await once();
  rows.start.push(r.start);
  rows.open.push(r.open);
  rows.change.push(r.change);
  rows.bare.push(bare());
  diags = r.diags;
}
const b = median(rows.bare);
console.log(
  `trigger-lint lsp --stdio, examples/s.yaml (${diags} diagnostics), ${RUNS} runs, medians, Node ${process.version}\n`,
);
console.log('| | ms | budget |');
console.log('|---|---:|---|');
console.log(
  `| spawn → initialize answered | ${median(rows.start).toFixed(0)} (${(median(rows.start) / b).toFixed(1)} × bare node) | < 200 |`,
);
console.log(`| didOpen → publishDiagnostics | ${median(rows.open).toFixed(0)} | < 300 |`);
console.log(`| didChange → publishDiagnostics (debounce 0) | ${median(rows.change).toFixed(0)} | |`);
console.log(`| bare \`node -e ''\` | ${b.toFixed(0)} | |`);

const ks = await keystrokeLatency(Math.max(3, Math.ceil(RUNS / 3)));
console.log(
  `\nKeystroke latency in a folder that also holds the worst-case files (bench/worst.mjs: nested references, this repository's src/ as handler code), ${ks.runs} runs, medians:\n`,
);
console.log('| | ms | budget |');
console.log('|---|---:|---|');
console.log(
  `| didChange → hover answered while the folder's lint runs | ${ks.hover.toFixed(0)} | ≤ 50: ${ks.hover <= 50 ? 'met' : 'NOT met'} |`,
);
console.log(
  `| didChange → the edit's publishDiagnostics (debounce 0, whole folder linted) | ${ks.edit.toFixed(0)} | ≤ 300: ${ks.edit <= 300 ? 'met' : 'NOT met'} |`,
);
