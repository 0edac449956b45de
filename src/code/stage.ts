// The handler-code stage of the engine (between the Model and the rules): for every function
// with a storage trigger that fires on creation and whose code the config names, read the
// handler module (and the local modules it imports), evaluate it, and add each object-storage
// write it makes to the function's write targets (`via: 'code'`), located in the code file.
// Runs only when `recursive-trigger` is on and code reading is not turned off (`--no-code`,
// `code: false`); the parser (src/code/parser.ts) is loaded only when there is code to read.
import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { isKnown, type AnalysisLimit, type FunctionDef, type Model, type WriteTarget } from '../model/model.js';
import type { CodeBudget, CodeCache, CodeStats } from '../types.js';
import { MAX_IMPORT_DEPTH, RunBudget } from './budget.js';
import { Analysis, type Limits, type ModuleInfo } from './context.js';
import { JsEval } from './javascript.js';
import {
  langOf,
  locateHandler,
  MAX_FUNCTION_BYTES,
  readModule,
  resolveImport,
  type Located as Handler,
} from './locate.js';
import { parse, type Lang, type SyntaxNode } from './parser.js';
import { PythonEval } from './python.js';
import { bucketOf, keyOf, lit, UNKNOWN, type Val } from './values.js';
import type { FoundWrite, SdkRegistry } from './sdk.js';
import { isCreationEvent, VENDORS } from '../model/vendors.js';
import { refusal } from '../source/containment.js';

export interface CodeOptions {
  cwd: string;
  /** The project root (default cwd): no module outside it (after symlinks) is read. */
  root?: string;
  budget?: CodeBudget;
  /** Evaluations kept from one run to the next (LintOptions.codeCache). */
  cache?: CodeCache;
  /** The SDKs whose writes count (default: the records of src/code/sdks.ts). */
  sdks?: SdkRegistry;
}

/** A function whose handler module is on disk. */
export interface CodeJob {
  fn: FunctionDef;
  where: Handler;
}

/**
 * The functions whose code the stage reads: a storage trigger on creation events, code named
 * in the config, and the handler's module found on disk (a few stat calls; nothing is read).
 */
export function codeFunctions(
  model: Model,
  enabledFor: (file: string) => boolean,
  cwd = process.cwd(),
  root = cwd,
): CodeJob[] {
  const seen = new Set<FunctionDef>();
  const out: CodeJob[] = [];
  for (const t of model.storageTriggers) {
    const fn = t.function;
    if (!fn.code || seen.has(fn) || !enabledFor(fn.at.file)) continue;
    if (!(isKnown(t.events) && t.events.value.some(isCreationEvent))) continue;
    seen.add(fn);
    const where = locateHandler(fn.code, fn.at.file, cwd);
    if (where && refusal(root, where.module) === 'outside') fn.codeOutside = true;
    else if (where) out.push({ fn, where });
  }
  return out;
}

/** The code files read, by display path, with their text (for line/column and snippets). */
export type CodeTexts = Map<string, string>;

/** A module read and parsed once per run; `bytes` is charged to every function that reads it; 'slow': its parse ran out of time. */
type Parsed = { text: string; root: SyntaxNode; bytes: number } | 'slow';

/** One evaluation of a handler: what it found, why it stopped early, which modules it could not read. */
interface Outcome {
  analysis: Analysis | undefined;
  why: string[];
  unread: string[];
}

/**
 * An evaluation kept for reuse: the environment variables it read (name → what the function's
 * config gives, as a signature) are its inputs besides the code folder, module and handler name;
 * the modules it read (with their size and modification time) and the imports it resolved tell
 * a later run whether its code is still the same.
 */
interface Kept {
  env: Map<string, string>;
  outcome: Outcome;
  trace: Trace;
  /** The run that made it, and whether another evaluation in that run would give the same (no clock stop). */
  run: object;
  deterministic: boolean;
}

/** What one evaluation read: modules by absolute path (→ size and mtime), imports (from, language, spec → module). */
interface Trace {
  files: Map<string, string>;
  imports: [string, Lang, string, string | undefined][];
}

/** Evaluations kept per code folder, module and handler name: at most this many handlers, and variants of each. */
const MAX_KEPT_HANDLERS = 256;
const MAX_KEPT_VARIANTS = 8;

function fileSignature(abs: string): string {
  try {
    const s = statSync(abs);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** Whether the code an evaluation read is unchanged on disk (same modules, imports resolving to the same files). */
function unchanged(t: Trace, root: string): boolean {
  for (const [abs, sig] of t.files) if (fileSignature(abs) !== sig) return false;
  return t.imports.every(([from, lang, spec, to]) => resolveImport(root, from, spec, lang) === to);
}

/**
 * Read, parse and evaluate the code of every function that needs it; adds write targets in place.
 * Each module is read and parsed once per run; each handler is evaluated once per run for the same
 * inputs (code folder, module, handler name and the values of the environment variables its code
 * reads) and its writes are reused for every function that gives it the same inputs. Each
 * evaluation has its own budget (bytes, steps, milliseconds) within the run's, and nothing it
 * reads — cached or not — depends on the other functions of the run. A function whose reading
 * stopped early (a budget, an import chain too deep, any exception) keeps the writes found so
 * far and gets `fn.codeLimit`.
 */
export function readHandlerCode(jobs: CodeJob[], options: CodeOptions, stats?: CodeStats): CodeTexts {
  const texts: CodeTexts = new Map();
  const files = new Map<string, Parsed | null>(); // by absolute path, once per run
  // by code folder, module and handler name: this run's, or kept from earlier runs (the language server)
  // evaluations made with other SDK records than the default are never kept for another run
  const kept = ((options.sdks ? undefined : options.cache?.entries) ?? new Map()) as Map<string, Kept[]>;
  const thisRun = {};
  const display = (abs: string) => relative(options.cwd, abs).split(sep).join('/');
  const run = new RunBudget(options.budget);
  const settings = `${options.cwd}\u0000${options.root ?? ''}\u0000${JSON.stringify(run.b)}`;
  const read = (abs: string): Parsed | null => {
    let p = files.get(abs);
    if (p !== undefined) return p;
    const lang = langOf(abs);
    const budget = { left: MAX_FUNCTION_BYTES };
    const text = lang && !refusal(options.root ?? options.cwd, abs) ? readModule(abs, budget) : undefined;
    // the parse has a budget of its own (one function's time), the same whichever function reads the module first
    const root = lang && text !== undefined ? parse(lang, text, performance.now() + run.b.functionMs) : undefined;
    p =
      root === 'slow'
        ? 'slow'
        : text !== undefined && root
          ? { text, root, bytes: MAX_FUNCTION_BYTES - budget.left }
          : null;
    files.set(abs, p);
    return p;
  };
  for (const job of jobs) {
    const { fn } = job;
    if (stats) stats.functions++;
    const key = `${settings}\u0000${job.where.root}\u0000${job.where.module}\u0000${job.where.export}`;
    const variants = kept.get(key)?.filter((k) => k.run === thisRun || unchanged(k.trace, job.where.root)) ?? [];
    // an evaluation stopped by the clock is reused by later runs (the same code gives the same answer), not by its own
    const reuse = variants.find(
      (k) =>
        (k.run !== thisRun || k.deterministic) && [...k.env].every(([name, sig]) => envSignature(fn, name) === sig),
    );
    let outcome: Outcome;
    if (reuse) outcome = { ...reuse.outcome, why: [...reuse.outcome.why] };
    else if (run.spent()) {
      fn.codeLimit = limit(
        fn,
        `the run's budget for reading handler code (${run.b.runMs.toLocaleString('en')} ms, ${run.b.runSteps.toLocaleString('en')} steps) was spent before this function`,
      );
      continue;
    } else {
      if (stats) stats.evaluations++;
      const env = new Map<string, string>();
      const trace: Trace = { files: new Map(), imports: [] };
      const { outcome: o, deterministic } = evaluate(job, read, display, run, env, trace, options.sdks);
      outcome = o;
      const entry: Kept = { env, outcome: { ...o, why: [...o.why] }, trace, run: thisRun, deterministic };
      kept.delete(key); // the most recently used last
      kept.set(key, [entry, ...variants].slice(0, MAX_KEPT_VARIANTS));
      while (kept.size > MAX_KEPT_HANDLERS) kept.delete(kept.keys().next().value!);
    }
    const { analysis, why, unread } = outcome;
    if (why.length) fn.codeLimit = limit(fn, why.join('; '));
    let incomplete = unread[0] ?? why[0];
    if (!analysis) {
      fn.codeRead = { complete: false, why: incomplete ?? `${display(job.where.module)} could not be read` };
      continue;
    }
    const targets: WriteTarget[] = [];
    for (const w of analysis.writes) {
      const t = toTarget(fn, w.module, w);
      if (!t) {
        incomplete ??= `${w.module.path}:${lineOf(w.module.text, w.start)} ${w.callee} writes to a bucket trigger-lint cannot resolve`;
        continue;
      }
      targets.push(t);
      texts.set(w.module.path, w.module.text);
    }
    if (targets.length) fn.writes = [...fn.writes, ...targets];
    fn.codeRead = incomplete ? { complete: false, why: incomplete } : { complete: true };
  }
  return texts;
}

/** Evaluate one function's code within its budget; `env` receives the environment variables it read. */
function evaluate(
  job: CodeJob,
  read: (abs: string) => Parsed | null,
  display: (abs: string) => string,
  run: RunBudget,
  env: Map<string, string>,
  trace: Trace,
  sdks?: SdkRegistry,
): { outcome: Outcome; deterministic: boolean } {
  const { steps, deadline, run: byRun } = run.forFunction();
  const limits: Limits = { steps, deadline };
  const why: string[] = []; // budgets and failures: the incomplete-analysis finding
  const unread: string[] = []; // modules that could not be read: the code is incomplete, no finding
  let analysis: Analysis | undefined;
  try {
    analysis = readFunction(job, read, display, limits, why, unread, env, trace, sdks);
  } catch (e) {
    why.push(
      e instanceof RangeError
        ? 'the code is nested too deeply to follow'
        : `the reader failed (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  if (limits.stopped) {
    const budget = byRun ? "the run's budget" : 'the per-function budget';
    why.push(
      limits.stopped === 'steps'
        ? `evaluation stopped after ${steps.toLocaleString('en')} steps (${budget})`
        : `evaluation stopped after ${(byRun ? run.b.runMs : run.b.functionMs).toLocaleString('en')} ms (${budget})`,
    );
  }
  run.spend(analysis?.steps ?? 0);
  return {
    outcome: { analysis, why, unread },
    deterministic: !limits.stopped || (limits.stopped === 'steps' && !byRun),
  };
}

/** One function's evaluation; reasons it did not read everything are pushed to `why`. */
function readFunction(
  job: CodeJob,
  read: (abs: string) => Parsed | null,
  display: (abs: string) => string,
  limits: Limits,
  why: string[],
  unread: string[],
  env: Map<string, string>,
  trace: Trace,
  sdks?: SdkRegistry,
): Analysis | undefined {
  const { fn, where } = job;
  let bytesLeft = MAX_FUNCTION_BYTES;
  const modules = new Map<string, ModuleInfo>();
  let running = 0;
  const moduleInfo = (abs: string): ModuleInfo | undefined => {
    const known = modules.get(abs);
    if (known) return known;
    trace.files.set(abs, fileSignature(abs));
    const p = read(abs);
    if (!p) {
      if (!unread.length) unread.push(`${display(abs)} could not be read (too large, binary, minified or unparsable)`);
      return undefined;
    }
    if (p === 'slow') {
      why.push(`parsing ${display(abs)} took longer than the per-function budget`);
      return undefined;
    }
    if (p.bytes > bytesLeft) {
      // charged per function, cached or not: no function's verdict depends on another's
      if (!why.some((w) => w.startsWith('its modules')))
        why.push(
          `its modules are larger than ${MAX_FUNCTION_BYTES / 1024 / 1024} MiB in total (${display(abs)} was not read)`,
        );
      return undefined;
    }
    bytesLeft -= p.bytes;
    const m: ModuleInfo = {
      path: display(abs),
      abs,
      lang: langOf(abs)!,
      text: p.text,
      root: p.root,
      globals: new Map(),
      exports: new Map(),
      state: 'new',
    };
    modules.set(abs, m);
    return m;
  };
  const analysis = new Analysis(
    (name) => {
      env.set(name, envSignature(fn, name));
      return envValue(fn, name);
    },
    (from, spec) => {
      const abs = resolveImport(where.root, from.abs, spec, from.lang);
      trace.imports.push([from.abs, from.lang, spec, abs]);
      if (!abs) return undefined;
      running = 0;
      for (const m of modules.values()) if (m.state === 'running') running++;
      if (running >= MAX_IMPORT_DEPTH && !modules.has(abs)) {
        if (!why.some((w) => w.startsWith('imports nested')))
          why.push(`imports nested deeper than ${MAX_IMPORT_DEPTH} modules (${display(abs)} was not followed)`);
        return undefined;
      }
      return moduleInfo(abs);
    },
    limits,
    sdks,
  );
  const main = moduleInfo(where.module);
  if (!main) return undefined;
  const ev = main.lang === 'python' ? new PythonEval(analysis) : new JsEval(analysis);
  try {
    ev.callHandler(main, where.export);
    analysis.phase = 'rest';
    for (const m of [...modules.values()]) ev.runRest(m);
  } catch (e) {
    // what was found before the exception counts; the caller turns it into the info finding
    why.push(
      e instanceof RangeError
        ? 'the code is nested too deeply to follow'
        : `the reader failed (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  return analysis;
}

function limit(fn: FunctionDef, why: string): AnalysisLimit {
  return {
    at: fn.at,
    message: `handler code not fully read for function "${fn.name.value}": ${why}; writes found before that are checked, the rest of the code is not; give the function a smaller code folder of its own, or raise the code budget (--code-budget-ms, codeBudget in .trigger-lint.yaml)`,
  };
}

/** What the function's config gives an environment variable, as a string (undeclared, unknown or its value). */
function envSignature(fn: FunctionDef, name: string): string {
  const v = fn.env.get(name);
  return !v ? 'undeclared' : isKnown(v) ? `=${v.value}` : 'unknown';
}

function envValue(fn: FunctionDef, name: string): Val | undefined {
  const v = fn.env.get(name);
  if (!v) return undefined;
  return isKnown(v) ? lit(v.value) : UNKNOWN;
}

/** 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function toTarget(fn: FunctionDef, m: ModuleInfo, w: FoundWrite): WriteTarget | undefined {
  const b = bucketOf(w.bucket);
  if (b === undefined) return undefined; // a bucket the code names but trigger-lint cannot resolve: no finding
  const at = { file: m.path, start: w.start, end: w.end };
  const host = VENDORS[fn.vendor].bucketHostSeparator; // Tencent: `<bucket>-<appid>.cos.<region>.myqcloud.com`
  const name = host && b !== 'own' ? b.split(host)[0] : b;
  return {
    ...(name === 'own' ? {} : { bucket: { value: name, at } }),
    key: keyOf(w.key),
    ...(w.guards ? { guards: w.guards } : {}),
    via: 'code',
    label: `${m.path}:${lineOf(m.text, w.start)} ${w.callee}`,
    at,
  };
}
