// Finding a function's code on disk: the code folder the config names (relative to the config
// file), the handler's module inside it (`index.handler` → index.py / index.js / index.mjs /
// index.cjs / index.ts; `app.lambda_handler`; `src/handlers/main.run`), and the local modules
// it imports. Never node_modules, site-packages, vendored or minified files; bounded bytes.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CodeRef } from '../model/model.js';
import { isKnown } from '../model/model.js';
import type { Lang } from './parser.js';
import { aliasTargets } from './ts-paths.js';

/** One module file is read up to this size (a handler is kilobytes; bigger is generated code). */
export const MAX_MODULE_BYTES = 256 * 1024;
/** All the modules of one function together, at most. */
export const MAX_FUNCTION_BYTES = 1024 * 1024;
/** A line this long means minified or generated code: not read. */
const MAX_LINE = 2000;

const SKIPPED_DIRS = new Set([
  'node_modules',
  'site-packages',
  'dist-packages',
  'vendor',
  'vendored',
  '.venv',
  'venv',
  '__pycache__',
  'bower_components',
  '.git',
]);
const PY = ['.py'];
const JS = ['.js', '.mjs', '.cjs', '.ts'];

export function langOf(file: string): Lang | undefined {
  const ext = extname(file);
  if (ext === '.py') return 'python';
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'typescript';
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') return 'javascript';
  return undefined;
}

export interface Located {
  /** Absolute code folder (the root local imports resolve against). */
  root: string;
  /** Absolute path of the handler's module. */
  module: string;
  /** The handler function's name in it. */
  export: string;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Extensions to try for a runtime ("python3.10", "nodejs18", "Node.js14.18", "Python3.6"…). */
function extensions(runtime: string | undefined): string[] {
  const r = (runtime ?? '').toLowerCase();
  if (r.startsWith('python')) return PY;
  if (r.startsWith('node')) return JS;
  return [...PY, ...JS];
}

/** Whether a path inside the code folder is one trigger-lint reads (no vendored folders). */
export function readable(root: string, abs: string): boolean {
  const rel = relative(root, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) return false;
  if (rel.split(sep).some((part) => SKIPPED_DIRS.has(part))) return false;
  return !/\.min\.(js|mjs|cjs)$/.test(abs);
}

/**
 * The handler's module and function for a FunctionDef's code, or undefined (no code folder on
 * disk, a zip, an OSS location, a handler that names no module there: deploys often build it).
 */
export function locateHandler(code: CodeRef, configFile: string, cwd: string): Located | undefined {
  if (!isKnown(code.dir) || !code.handler || !isKnown(code.handler)) return undefined;
  const base = resolve(cwd, dirname(configFile));
  const rootPath = resolve(base, code.dir.value);
  const handler = code.handler.value.trim();
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) return undefined;
  const fn = handler.slice(dot + 1);
  let mod = handler.slice(0, dot);
  const exts = extensions(code.runtime);
  // a code path that is one file (SAM CodeUri: app.py)
  if (isFile(rootPath)) {
    return langOf(rootPath) ? { root: dirname(rootPath), module: rootPath, export: fn } : undefined;
  }
  if (!isDir(rootPath)) return undefined;
  const candidates = [mod];
  if (!mod.includes('/') && mod.includes('.') && exts === PY) mod = mod.split('.').join('/');
  if (!candidates.includes(mod)) candidates.push(mod);
  if (!mod.includes('/')) candidates.push(mod.split('.').join('/'));
  for (const m of candidates) {
    for (const ext of exts) {
      const file = join(rootPath, m + ext);
      if (isFile(file) && readable(rootPath, file)) return { root: rootPath, module: file, export: fn };
    }
  }
  return undefined;
}

/** A local module imported by a module: Python (`utils`, `pkg.mod`, `.sibling`) or Node.js (`./lib`). */
export function resolveImport(root: string, fromFile: string, spec: string, lang: Lang): string | undefined {
  const tries: string[] = [];
  if (lang === 'python') {
    const dots = /^\.*/.exec(spec)![0].length;
    const rest = spec.slice(dots).split('.').filter(Boolean).join('/');
    let bases: string[];
    if (dots > 0) {
      let d = dirname(fromFile);
      for (let i = 1; i < dots; i++) d = dirname(d);
      bases = [d];
    } else bases = [dirname(fromFile), root];
    for (const b of bases) {
      if (!rest) continue;
      tries.push(join(b, `${rest}.py`), join(b, rest, '__init__.py'));
    }
  } else {
    const bases = spec.startsWith('.') ? [resolve(dirname(fromFile), spec)] : aliasTargets(root, spec);
    for (const b of bases) {
      tries.push(b);
      for (const ext of JS) tries.push(b + ext);
      if (b.endsWith('.js')) tries.push(b.slice(0, -3) + '.ts');
      for (const ext of JS) tries.push(join(b, `index${ext}`));
    }
  }
  return tries.find((t) => langOf(t) && isFile(t) && readable(root, t));
}

/** Read a module within the byte budget; undefined when too large, unreadable, binary or minified. */
export function readModule(abs: string, budget: { left: number }): string | undefined {
  let fd: number | undefined;
  try {
    const size = statSync(abs).size;
    if (size > MAX_MODULE_BYTES || size > budget.left) return undefined;
    fd = openSync(abs, 'r');
    const buf = Buffer.alloc(size);
    readSync(fd, buf, 0, size, 0);
    if (buf.includes(0)) return undefined;
    const text = buf.toString('utf8').replace(/^\uFEFF/, '');
    let longest = 0;
    let last = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      longest = Math.max(longest, i - last);
      last = i + 1;
    }
    longest = Math.max(longest, text.length - last);
    if (longest > MAX_LINE) return undefined;
    budget.left -= size;
    return text;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
