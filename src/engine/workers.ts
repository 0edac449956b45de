// Per-file work, done once per file and shareable: parse → detect → build the Model → run the
// file-scoped rules (`scope: 'file'`). A "unit" is that work's result. Units come from the
// cache (`--cache`), from worker threads (`--concurrency`), or are computed in this thread;
// then the engine merges every unit's Model and runs the run-scoped (cross-file) rules on it
// in the main thread, so a cross-file overlap between two files handled by different workers
// (or one cached, one not) is still found.
//
// The worker's side is src/worker-entry.ts (dist/worker.js). The rules are passed in: the engine
// imports no rule (docs/architecture.md, "Folders and their dependencies").
import type { MessagePort, Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { projectRoot, refusal } from '../source/containment.js';
import { availableParallelism } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSource, type Source, type SyntaxDiagnostic } from '../source/source.js';
import { LineIndex } from '../source/line-index.js';
import { buildModel, fileRuleSetting, type Prebuilt } from './build.js';
import type { Rule } from './rule.js';
import type { FileModel } from '../model/model.js';
import type { FileSettings, LintOptions, Report } from '../types.js';
import { decodeFileModel, encodeFileModel } from './serialize.js';
import type { EncodedUnit } from './unit.js';
import { Cache, DEFAULT_CACHE_LOCATION, sha256, stableJson } from './cache.js';
import { VERSION } from './version.js';
import { UsageError } from '../source/errors.js';
import { checkGuarded } from './crash.js';

/**
 * `--concurrency auto` uses worker threads only with at least AUTO_MIN_CPUS CPUs and at least
 * AUTO_WORKER_THRESHOLD files to parse (cache misses). Measured with `npm run bench -- --break-even`
 * (docs/performance.md): on 2 CPUs threads never paid (25 to 1,600 files: 1.3–1.5× slower), because
 * each thread loads the bundle (~250 ms CPU) and the main thread decodes every Model; from the
 * per-file costs measured there, 3 threads beside the main thread break even near 200 files.
 */
export const AUTO_WORKER_THRESHOLD = 200;
export const AUTO_MIN_CPUS = 4;
/** Files handed to a worker per message. */
const BATCH = 64;

/** One file to analyse. */
export interface Job {
  path: string;
  text: string;
  /** Diagnostics found while reading (not UTF-8…). */
  extra: SyntaxDiagnostic[];
  named: boolean;
  /** The file's own settings (configuration overrides), already resolved for its path. */
  settings?: FileSettings;
}

export type { EncodedUnit } from './unit.js';

/** Options a worker can receive: data only (no functions, no Sets). */
function portable(options: LintOptions): LintOptions {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    if (
      typeof v === 'function' ||
      v instanceof Set ||
      k === 'env' ||
      k === 'cache' ||
      k === 'codeCache' ||
      k === 'concurrency' ||
      k === 'named'
    )
      continue;
    out[k] = v;
  }
  return out;
}

/** An env object that records every variable read through it. */
function recordingEnv(
  base: Record<string, string | undefined>,
  seen: { vars: Record<string, string | null>; all: boolean },
) {
  return new Proxy(base, {
    get(t, k) {
      if (typeof k === 'string') seen.vars[k] = t[k] ?? null;
      return typeof k === 'string' ? t[k] : undefined;
    },
    has(t, k) {
      if (typeof k === 'string') seen.vars[k] = t[k] ?? null;
      return k in t;
    },
    ownKeys(t) {
      seen.all = true;
      return Reflect.ownKeys(t);
    },
  });
}

/**
 * The per-file work, in whatever thread runs it. `parsed`: the file's Source when it is already
 * parsed (e.g. re-linting after --fix); `encode`: serialise the Models (for the cache or a message).
 */
export function analyse(
  job: Job,
  options: LintOptions,
  rules: readonly Rule[],
  parsed?: Source,
  encode = true,
): { unit: EncodedUnit; files: FileModel[]; source: Source } {
  const seen = { vars: {} as Record<string, string | null>, all: false };
  const env = recordingEnv(options.env ?? {}, seen);
  const opts: LintOptions = { ...options, env, forFile: (p) => (p === job.path ? job.settings : undefined) };
  const source = parsed ?? parseSource(job.path, job.text, job.extra);
  const named = new Set(job.named ? [job.path] : []);
  const loaded = buildModel([source], opts, named);
  const format = loaded.formats.get(job.path) ?? null;
  const linted = format !== null || job.named ? [source] : [];
  const reports: Record<string, Report[]> = {};
  for (const rule of rules) {
    if (rule.scope !== 'file' || !rule.check || fileRuleSetting(rule, opts, job.path) === 'off') continue;
    const list: Report[] = [];
    const failed = checkGuarded(
      rule,
      {
        model: loaded.model,
        sources: linted,
        options: opts,
        report: (r) => {
          list.push(r);
        },
      },
      job.path,
    );
    if (failed) loaded.crashes.push(failed);
    if (list.length) reports[rule.id] = list;
  }
  const files = loaded.model.files;
  return {
    files,
    source,
    unit: {
      format,
      syntax: source.syntax,
      placeholders: source.placeholders,
      files: encode ? files.map(encodeFileModel) : [],
      reports,
      env: seen.all ? '*' : seen.vars,
      ...(loaded.crashes.length ? { crashes: loaded.crashes } : {}),
    },
  };
}

/**
 * Sources the engine read without parsing them, with the diagnostics found while reading (not
 * UTF-8…). `prepare` parses each one where its per-file work runs — a worker, this thread, or not
 * at all on a cache hit — and never keeps the yaml Document: the Source keeps its text, line
 * index and diagnostics, so it stays in this map and a second lint of it (--fix) parses it again.
 */
const UNPARSED = new WeakMap<Source, SyntaxDiagnostic[]>();

/** A Source without a parse yet: text and line index; `prepare` fills in the rest. */
export function lightSource(path: string, text: string, extra: SyntaxDiagnostic[] = []): Source {
  const s: Source = {
    path,
    text,
    parsedText: text,
    docs: [],
    lineCounter: new LineIndex(text),
    syntax: extra,
    placeholders: [],
  };
  UNPARSED.set(s, extra);
  return s;
}

function optionsHash(options: LintOptions, rules: readonly Rule[]): string {
  return sha256(stableJson(portable(options)), rules.map((r) => `${r.id}:${r.scope ?? 'run'}`).join(','));
}

/** How many worker threads to use for `misses` files to parse (0: this thread). */
export function threadCount(concurrency: LintOptions['concurrency'], misses: number): number {
  if (concurrency === undefined || concurrency === 'off' || misses < 2) return 0;
  const cpus = availableParallelism();
  if (concurrency === 'auto')
    return misses >= AUTO_WORKER_THRESHOLD && cpus >= AUTO_MIN_CPUS ? Math.min(cpus - 1, Math.ceil(misses / BATCH)) : 0;
  // never more threads than CPUs: --concurrency 100000 took 2.19 GB for 300 files
  return Math.max(0, Math.min(concurrency, cpus, Math.ceil(misses / 2)));
}

/** The built worker entry (dist/worker.js); undefined when running from sources (tests), where work stays in this thread. */
function workerFile(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * The engine's hook (called by lintSources): per-file work for every source, from the cache,
 * from worker threads, or in this thread. In this thread each file's Document lives only while
 * its own work runs: what later stages need is its Model (without the schemaTargets closure,
 * which holds the Document) and the findings of the file-scoped rules.
 */
export function prepare(sources: Source[], options: LintOptions, named: Set<string>, rules: readonly Rule[]): Prebuilt {
  const env = options.env ?? {};
  const cwd = options.cwd ?? process.cwd();
  const cache = options.cache
    ? openCache(
        options.cache,
        cwd,
        options.root ??
          projectRoot(
            sources.map((s) => s.path),
            cwd,
          ),
      )
    : undefined;
  const jobs: Job[] = sources.map((s) => ({
    path: s.path,
    text: s.text,
    extra: UNPARSED.get(s) ?? [],
    named: named.has(s.path),
    settings: options.forFile?.(s.path),
  }));
  // a file that reads the process environment (opt-in) is never cached: its Model holds values from it
  const cacheable = (j: Job) => !!cache && !options.readEnv && !j.settings?.readEnv;
  const hash = cache ? optionsHash(options, rules) : '';
  const keys = jobs.map((j) =>
    cacheable(j)
      ? sha256(VERSION, hash, j.path, String(j.named), stableJson(j.settings ?? null), stableJson(j.extra), j.text)
      : '',
  );
  const units: (EncodedUnit | undefined)[] = jobs.map((j, i) =>
    cacheable(j) ? cache!.get(j.path, keys[i]) : undefined,
  );
  // a cached unit that does not decode is a miss: the file is linted afresh
  const decoded = new Map<number, FileModel[]>();
  units.forEach((u, i) => {
    if (!u) return;
    try {
      decoded.set(i, (u.files as never[]).map(decodeFileModel));
    } catch {
      units[i] = undefined;
      cache!.drop(jobs[i].path);
    }
  });
  const missing = jobs.map((_, i) => i).filter((i) => !units[i]);
  const threads = threadCount(options.concurrency, missing.filter((i) => UNPARSED.has(sources[i])).length);
  const file = threads > 0 ? workerFile() : undefined;
  const direct = new Map<number, FileModel[]>(); // built in this thread: no decoding needed
  let remote: number[] = [];
  if (file) {
    remote = missing.filter((i) => UNPARSED.has(sources[i]));
    const got = runWorkers(
      file,
      remote.map((i) => jobs[i]),
      { ...portable(options), env: { ...env } },
      threads,
    );
    remote.forEach((i, k) => {
      units[i] = got[k];
    });
  }
  const local = new Set(remote);
  for (const i of missing) {
    if (local.has(i)) continue;
    const { unit, files, source } = analyse(
      jobs[i],
      options,
      rules,
      UNPARSED.has(sources[i]) ? undefined : sources[i],
      !!cache,
    );
    units[i] = unit;
    for (const fm of files) delete fm.schemaTargets; // the closure holds the Document; the schema rule has run
    direct.set(i, files);
    sources[i].syntax = source.syntax;
  }
  const fresh = new Set(missing);
  const prebuilt: Prebuilt = { models: new Map(), reports: new Map(), crashes: [] };
  sources.forEach((s, i) => {
    const u = units[i]!;
    s.syntax = u.syntax;
    s.placeholders = u.placeholders;
    prebuilt.models.set(s.path, {
      format: u.format,
      files: direct.get(i) ?? decoded.get(i) ?? (u.files as never[]).map(decodeFileModel),
    });
    for (const [id, list] of Object.entries(u.reports)) {
      const all = prebuilt.reports.get(id) ?? prebuilt.reports.set(id, []).get(id)!;
      for (const r of list) all.push(r);
    }
    if (u.crashes) prebuilt.crashes.push(...u.crashes);
    if (fresh.has(i) && cacheable(jobs[i])) cache!.set(s.path, keys[i], u);
  });
  cache?.save();
  return prebuilt;
}

/** The cache file; one outside the project or not a regular file is not read (it starts empty). */
function openCache(location: string, cwd: string, root: string): Cache {
  const abs = isAbsolute(location) ? location : join(cwd, location);
  const why = refusal(root, abs);
  return new Cache(abs, VERSION, why === undefined);
}

/** node:worker_threads is loaded when threads start: a single-thread run never pays for it. */
let workerThreads: typeof import('node:worker_threads') | undefined;
const threadsApi = () =>
  (workerThreads ??= createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads'));

/** What the worker pool did in this process (for tests and the benchmark). */
export const threadStats = { runs: 0, threads: 0, batches: 0 };

/** No answer from any worker for this long: give up (a thread died) rather than hang. */
const STALL_MS = 120_000;

/**
 * Run jobs on `threads` workers and wait for them synchronously (the engine is synchronous):
 * each worker answers on its own port and bumps a shared counter; this thread sleeps on the
 * counter (Atomics.wait) and collects answers with receiveMessageOnPort, handing a worker its
 * next batch as soon as it answers. Results come back in job order.
 */
function runWorkers(file: URL, jobs: Job[], options: LintOptions, threads: number): EncodedUnit[] {
  const { MessageChannel, Worker, receiveMessageOnPort } = threadsApi();
  const out: EncodedUnit[] = new Array(jobs.length);
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const size = Math.max(1, Math.min(BATCH, Math.ceil(jobs.length / (threads * 4))));
  let next = 0;
  let done = 0;
  const pool: { worker: Worker; port: MessagePort; from: number }[] = [];
  threadStats.runs++;
  threadStats.threads += threads;
  const send = (p: (typeof pool)[number]) => {
    if (next >= jobs.length) return;
    threadStats.batches++;
    p.from = next;
    next = Math.min(jobs.length, next + size);
    p.port.postMessage(jobs.slice(p.from, next));
  };
  try {
    for (let t = 0; t < threads; t++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(file, {
        workerData: { triggerLintWorker: true, options, port: port2, signal },
        transferList: [port2],
      });
      worker.unref();
      const p = { worker, port: port1, from: 0 };
      pool.push(p);
      send(p);
    }
    let idleSince = Date.now();
    while (done < jobs.length) {
      const seen = Atomics.load(signal, 0);
      let progressed = false;
      for (const p of pool) {
        for (let m = receiveMessageOnPort(p.port); m; m = receiveMessageOnPort(p.port)) {
          const msg = m.message as { units?: string; error?: string };
          if (msg.error !== undefined) throw new Error(`worker thread: ${msg.error}`);
          const units = JSON.parse(msg.units!) as EncodedUnit[];
          units.forEach((u, k) => {
            out[p.from + k] = u;
          });
          done += units.length;
          progressed = true;
          send(p);
        }
      }
      if (progressed) {
        idleSince = Date.now();
        continue;
      }
      if (Date.now() - idleSince > STALL_MS)
        throw new Error('worker threads stopped answering; run with --concurrency off');
      Atomics.wait(signal, 0, seen, 1000);
    }
  } finally {
    for (const p of pool) {
      p.port.close();
      void p.worker.terminate();
    }
  }
  return out;
}

/** `--cache`, `--cache-location`, `--concurrency` as engine options. */
export function performanceOptions(opts: {
  cache?: boolean;
  cacheLocation?: string;
  concurrency?: string;
}): Pick<LintOptions, 'cache' | 'concurrency'> {
  const c = String(opts.concurrency ?? 'auto').trim();
  let concurrency: LintOptions['concurrency'];
  if (c === 'auto' || c === 'off') concurrency = c;
  else if (/^[1-9]\d*$/.test(c)) concurrency = Number(c) === 1 ? 'off' : Number(c);
  else throw new UsageError(`invalid --concurrency "${c}"; expected auto, off or a number of threads`);
  const cache = opts.cache || opts.cacheLocation ? (opts.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;
  return { concurrency, ...(cache ? { cache } : {}) };
}

export { DEFAULT_CACHE_LOCATION };
