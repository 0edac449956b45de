// `npm run fuzz [-- --count N --seed S --start I --only I --replay DIR --out DIR]`: the fuzz loop
// on a worker thread, watched from the main thread (an input that hangs past HANG_MS is
// reported and the run goes on after it). Prints the counts and the rate; exits 1 on any
// problem, with each reproducer printed and saved under --out (default fuzz-failures/).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { existsSync, mkdirSync, writeFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint } from '../../src/index.js';
import { FORMATS } from '../../src/formats/index.js';
import { RULES } from '../../rules/index.js';
import { applyFixes } from '../../src/workflow/fix.js';
import {
  fuzz,
  instrument,
  loadCorpus,
  makeCase,
  reportInternal,
  runCase,
  SLOW_MS,
  type Case,
  type Counts,
  type FuzzApi,
} from './harness.js';
import type { Problem } from './check.js';

const api: FuzzApi = { lint, FORMATS, RULES, applyFixes };
/** An input still running after this long is a hang: the worker is stopped and restarted after it. */
const HANG_MS = 60_000;

interface Args {
  count: number;
  seed: number;
  start: number;
  only?: number;
  replay?: string;
  out: string;
  root: string;
}

function parseArgs(argv: string[], root: string): Args {
  const args: Args = { count: 100_000, seed: 1, start: 0, out: join(root, 'fuzz-failures'), root };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    const num = (v: string | undefined) => {
      if (v === undefined || !/^\d+$/.test(v)) throw new Error(`${flag} needs a non-negative integer, got ${v}`);
      return Number(v);
    };
    if (flag === '--count' || flag === '-n') args.count = num(value());
    else if (flag === '--seed') args.seed = num(value());
    else if (flag === '--start') args.start = num(value());
    else if (flag === '--only') args.only = num(value());
    else if (flag === '--replay') args.replay = value();
    else if (flag === '--out') args.out = value();
    else
      throw new Error(
        `unknown argument ${argv[i]} (known: --count N, --seed S, --start I, --only I, --replay DIR, --out DIR)`,
      );
  }
  return args;
}

type Message = { type: 'start'; index: number } | { type: 'problem'; c: Case; problems: Problem[] } | { type: 'done' };

/** Save a reproducer: the input files, and problem.txt with what went wrong and how to replay it. */
function save(args: Args, c: Case, problems: Problem[]): string {
  const dir = join(args.out, `seed${args.seed}-input${c.index}`);
  mkdirSync(dir, { recursive: true });
  for (const i of c.inputs) writeFileSync(join(dir, i.path.replace(/[\\/]/g, '__')), i.text);
  // the exact texts (a lone surrogate does not survive a UTF-8 file): what --replay reads
  writeFileSync(join(dir, 'inputs.json'), JSON.stringify(c.inputs));
  writeFileSync(
    join(dir, 'problem.txt'),
    [
      `from: ${c.from}`,
      `operators: ${c.ops.join(', ') || '(none)'}`,
      `options: ${JSON.stringify(c.options)}`,
      `replay: npm run fuzz -- --seed ${args.seed} --only ${c.index}   (or: npm run fuzz -- --replay ${relative(args.root, dir)})`,
      '',
      ...problems.map((p) => `[${p.kind}] ${p.detail}`),
      '',
    ].join('\n'),
  );
  return dir;
}

function print(args: Args, c: Case, problems: Problem[]): void {
  const dir = save(args, c, problems);
  process.stdout.write(`\ninput ${c.index} (${c.from}; ${c.ops.join(', ') || 'unmutated'}):\n`);
  for (const p of problems) process.stdout.write(`  [${p.kind}] ${p.detail.split('\n').slice(0, 6).join('\n    ')}\n`);
  process.stdout.write(
    `  reproducer: ${relative(args.root, dir)}/ (replay: npm run fuzz -- --seed ${args.seed} --only ${c.index})\n`,
  );
}

async function replay(args: Args): Promise<number> {
  const dir = args.replay!;
  const inputs: { path: string; text: string }[] = existsSync(join(dir, 'inputs.json'))
    ? JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'))
    : readdirSync(dir)
        .filter((n) => n !== 'problem.txt' && statSync(join(dir, n)).isFile())
        .map((n) => ({ path: n.replace(/__/g, '/'), text: readFileSync(join(dir, n), 'utf8') }));
  let options = {};
  try {
    options = JSON.parse(/^options: (.*)$/m.exec(readFileSync(join(dir, 'problem.txt'), 'utf8'))?.[1] ?? '{}');
  } catch {
    /* no problem.txt */
  }
  instrument(api, reportInternal);
  const problems = await runCase(api, { index: -1, from: dir, ops: [], inputs, options });
  for (const p of problems) process.stdout.write(`[${p.kind}] ${p.detail}\n`);
  process.stdout.write(problems.length ? `${problems.length} problem(s)\n` : 'no problem\n');
  return problems.length ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const root = process.cwd();
  const args = parseArgs(argv, root);
  if (args.replay) return replay(args);
  if (args.only !== undefined) {
    args.start = args.only;
    args.count = 1;
  }
  const t0 = performance.now();
  const total: Counts = { inputs: 0, exception: 0, internal: 0, position: 0, slow: 0 };
  let next = args.start;
  const end = args.start + args.count;
  process.stdout.write(`fuzz: seed ${args.seed}, inputs ${args.start}..${end - 1}\n`);
  const tally = (c: Case, problems: Problem[]) => {
    for (const kind of new Set(problems.map((p) => p.kind))) total[kind]++;
    print(args, c, problems);
  };
  while (next < end) {
    // one worker at a time; a hang ends it, is counted as slow, and the next worker starts after it
    const hung = await new Promise<number | undefined>((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), {
        workerData: { fuzzWorker: true, root, seed: args.seed, start: next, count: end - next },
      });
      let current = next;
      let since = performance.now();
      const watchdog = setInterval(() => {
        if (performance.now() - since > HANG_MS) {
          clearInterval(watchdog);
          void worker.terminate();
          resolve(current);
        }
      }, 1000);
      worker.on('message', (m: Message) => {
        if (m.type === 'start') {
          current = m.index;
          since = performance.now();
          total.inputs++;
          if (total.inputs % 10_000 === 0) process.stdout.write(`  … ${total.inputs} inputs\n`);
        } else if (m.type === 'problem') tally(m.c, m.problems);
        else {
          clearInterval(watchdog);
          resolve(undefined);
        }
      });
      worker.on('error', (e) => {
        clearInterval(watchdog);
        reject(e);
      });
    });
    if (hung === undefined) break;
    tally(makeCase(loadCorpus(root), api, args.seed, hung), [
      { kind: 'slow', detail: `still running after ${HANG_MS} ms: stopped` },
    ]);
    next = hung + 1;
  }
  const secs = (performance.now() - t0) / 1000;
  const problems = total.exception + total.internal + total.position + total.slow;
  process.stdout.write(
    [
      '',
      `inputs:             ${total.inputs} (${(total.inputs / secs).toFixed(0)}/s, ${secs.toFixed(1)} s)`,
      `escaped exceptions: ${total.exception}`,
      `internal errors:    ${total.internal}`,
      `impossible positions: ${total.position}`,
      `over ${SLOW_MS / 1000} s:           ${total.slow}`,
      problems ? `FAIL: ${problems} problem(s); reproducers in ${relative(root, args.out)}/` : 'ok',
      '',
    ].join('\n'),
  );
  return problems ? 1 : 0;
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`fuzz: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
} else if ((workerData as { fuzzWorker?: boolean } | null)?.fuzzWorker) {
  const { root, seed, start, count } = workerData as { root: string; seed: number; start: number; count: number };
  const post = (m: Message) => parentPort!.postMessage(m);
  void fuzz({
    api,
    corpus: loadCorpus(root),
    seed,
    start,
    count,
    onStart: (index) => post({ type: 'start', index }),
    onProblem: (c, problems) => post({ type: 'problem', c, problems }),
  }).then(() => post({ type: 'done' }));
}
