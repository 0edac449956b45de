// The handler-code stage of the engine (between the Model and the rules): for every function
// with a storage trigger that fires on creation and whose code the config names, read the
// handler module (and the local modules it imports), evaluate it, and add each object-storage
// write it makes to the function's write targets (`via: 'code'`), located in the code file.
// Runs only when `recursive-trigger` is on and code reading is not turned off (`--no-code`,
// `code: false`); the parser (src/code/parser.ts) is loaded only when there is code to read.
import { relative, sep } from 'node:path';
import { isKnown, type FunctionDef, type Model, type WriteTarget } from '../model/model.js';
import { Analysis, type ModuleInfo } from './context.js';
import { JsEval } from './javascript.js';
import { langOf, locateHandler, MAX_FUNCTION_BYTES, readModule, resolveImport, type Located as Handler } from './locate.js';
import { parse, type Tree } from './parser.js';
import { PythonEval } from './python.js';
import { bucketOf, keyOf, lit, UNKNOWN, type Val } from './values.js';
import { isCreationEvent } from '../model/vendors.js';
import { refusal } from '../engine/containment.js';

export interface CodeOptions {
  cwd: string;
  /** The project root (default cwd): no module outside it (after symlinks) is read. */
  root?: string;
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
export function codeFunctions(model: Model, enabledFor: (file: string) => boolean, cwd = process.cwd(), root = cwd): CodeJob[] {
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

interface Parsed { text: string; tree: Tree }

/** Read, parse and evaluate the code of every function that needs it; adds write targets in place. */
export function readHandlerCode(jobs: CodeJob[], options: CodeOptions): CodeTexts {
  const texts: CodeTexts = new Map();
  const parsed = new Map<string, Parsed | null>(); // by absolute path, once per run
  const display = (abs: string) => relative(options.cwd, abs).split(sep).join('/');
  for (const { fn, where } of jobs) {
    const budget = { left: MAX_FUNCTION_BYTES };
    const open = (abs: string): Parsed | undefined => {
      if (parsed.has(abs)) return parsed.get(abs) ?? undefined;
      const lang = langOf(abs);
      const text = lang && !refusal(options.root ?? options.cwd, abs) ? readModule(abs, budget) : undefined;
      const tree = lang && text !== undefined ? parse(lang, text) : undefined;
      const p = text !== undefined && tree ? { text, tree } : null;
      parsed.set(abs, p);
      return p ?? undefined;
    };
    const modules = new Map<string, ModuleInfo>();
    const moduleInfo = (abs: string): ModuleInfo | undefined => {
      const known = modules.get(abs);
      if (known) return known;
      const p = open(abs);
      if (!p) return undefined;
      const m: ModuleInfo = { path: display(abs), abs, lang: langOf(abs)!, text: p.text, root: p.tree.rootNode, globals: new Map(), exports: new Map(), state: 'new' };
      modules.set(abs, m);
      return m;
    };
    const analysis = new Analysis(
      (name) => envValue(fn, name),
      (from, spec) => {
        const abs = resolveImport(where.root, from.abs, spec, from.lang);
        return abs ? moduleInfo(abs) : undefined;
      },
    );
    const main = moduleInfo(where.module);
    if (!main) continue;
    const ev = main.lang === 'python' ? new PythonEval(analysis) : new JsEval(analysis);
    try {
      ev.callHandler(main, where.export);
      analysis.phase = 'rest';
      for (const m of [...modules.values()]) ev.runRest(m);
    } catch (e) {
      // code nested deeper than the evaluator's stack (generated code): what was found so far counts
      if (!(e instanceof RangeError)) throw e;
    }
    const targets: WriteTarget[] = [];
    for (const w of analysis.writes) {
      const t = toTarget(fn, w.module, w);
      if (!t) continue;
      targets.push(t);
      texts.set(w.module.path, w.module.text);
    }
    if (targets.length) fn.writes = [...fn.writes, ...targets];
  }
  return texts;
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

function toTarget(fn: FunctionDef, m: ModuleInfo, w: { callee: string; start: number; end: number; bucket?: Val; key?: Val }): WriteTarget | undefined {
  const b = bucketOf(w.bucket);
  if (b === undefined) return undefined; // a bucket the code names but trigger-lint cannot resolve: no finding
  const at = { file: m.path, start: w.start, end: w.end };
  const name = fn.vendor === 'tencent' && b !== 'own' ? b.split('.cos.')[0] : b;
  return {
    ...(name === 'own' ? {} : { bucket: { value: name, at } }),
    key: keyOf(w.key),
    via: 'code',
    label: `${m.path}:${lineOf(m.text, w.start)} ${w.callee}`,
    at,
  };
}
