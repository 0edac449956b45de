// The one parser family for handler code: tree-sitter, through web-tree-sitter (WebAssembly, so
// the same files run on every platform and inside the committed Action bundle) with the official
// grammars of tree-sitter-python, tree-sitter-javascript and tree-sitter-typescript.
// The runtime's start-up is asynchronous (`loadParsers`, once per process, only when a function
// with a storage trigger has code to read); after it, parsing is synchronous. A parsed module is
// handed out as plain objects (syntax-node.ts: every node built once) and its WebAssembly tree freed.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Language, Parser, Tree } from 'web-tree-sitter';
import { toPlain, type SyntaxNode } from './syntax-node.js';
export type { SyntaxNode } from './syntax-node.js';
export type { Tree, Node as RawNode } from 'web-tree-sitter';

export type Lang = 'python' | 'javascript' | 'typescript';

const GRAMMAR: Record<Lang, { file: string; pkg: string }> = {
  python: { file: 'tree-sitter-python.wasm', pkg: 'tree-sitter-python/tree-sitter-python.wasm' },
  javascript: { file: 'tree-sitter-javascript.wasm', pkg: 'tree-sitter-javascript/tree-sitter-javascript.wasm' },
  typescript: { file: 'tree-sitter-typescript.wasm', pkg: 'tree-sitter-typescript/tree-sitter-typescript.wasm' },
};
const RUNTIME = { file: 'web-tree-sitter.wasm', pkg: 'web-tree-sitter/web-tree-sitter.wasm' };

/**
 * A .wasm file: next to the built bundle (dist/grammars/, action/grammars/, copied there by
 * scripts/build.mjs), else from its npm package (running from sources).
 */
export function wasmPath(w: { file: string; pkg: string }): string {
  const near = fileURLToPath(new URL(`./grammars/${w.file}`, import.meta.url));
  if (existsSync(near)) return near;
  return createRequire(import.meta.url).resolve(w.pkg);
}

interface Runtime {
  Parser: typeof Parser;
  Language: typeof Language;
  parsers: Map<Lang, Parser | null>;
}

let runtime: Runtime | undefined;
let loading: Promise<Runtime> | undefined;

/** .wasm files a host hands over instead of their being read from disk (the playground: a browser has no files). */
const provided = new Map<string, Uint8Array<ArrayBuffer>>();
/** Grammars among them, compiled asynchronously at start-up (a browser refuses to compile a large module synchronously). */
const compiled = new Map<string, Language>();

/**
 * Give the runtime or a grammar as bytes (by its file name, e.g. `tree-sitter-hcl.wasm`) before
 * `loadParsers` runs: then nothing is read from disk for it.
 */
export function provideWasm(file: string, bytes: Uint8Array<ArrayBuffer>): void {
  provided.set(file, bytes);
}

const wasmBytes = (w: { file: string; pkg: string }): Uint8Array<ArrayBuffer> =>
  provided.get(w.file) ?? readFileSync(wasmPath(w));

/** A grammar: compiled at start-up when it was provided, else read and compiled now (synchronously). */
function language(w: { file: string; pkg: string }): Language {
  return compiled.get(w.file) ?? runtime!.Language.loadSync(new WebAssembly.Module(wasmBytes(w)));
}

/** Start the runtime (idempotent); grammars load synchronously on first use. */
export function loadParsers(): Promise<void> {
  loading ??= (async () => {
    const ts = await import('web-tree-sitter');
    const wasmBinary = wasmBytes(RUNTIME);
    await ts.Parser.init({ wasmBinary });
    for (const [file, bytes] of provided) if (file !== RUNTIME.file) compiled.set(file, await ts.Language.load(bytes));
    runtime = { Parser: ts.Parser, Language: ts.Language, parsers: new Map() };
    return runtime;
  })();
  return loading.then(() => undefined);
}

export function parsersLoaded(): boolean {
  return runtime !== undefined;
}

/**
 * Parse a module into plain nodes; undefined when the runtime is not loaded or the parse fails,
 * 'slow' when parsing was cancelled at `deadline` (performance.now(): some inputs, e.g. thousands
 * of consecutive Python comments, make the grammar's scanner superlinear).
 */
export function parse(lang: Lang, text: string, deadline = Infinity): SyntaxNode | 'slow' | undefined {
  if (!runtime) return undefined;
  let p = runtime.parsers.get(lang);
  if (p === undefined) {
    try {
      p = new runtime.Parser();
      p.setLanguage(language(GRAMMAR[lang]));
    } catch {
      p = null; // a grammar that cannot be read: that language's code is not read
    }
    runtime.parsers.set(lang, p);
  }
  let tree;
  try {
    let slow = false;
    // the callback's `true` cancels the parse (web-tree-sitter's typing says void)
    const progressCallback = (() => (slow ||= performance.now() > deadline)) as unknown as () => void;
    tree = p?.parse(text, null, deadline === Infinity ? undefined : { progressCallback }) ?? undefined;
    if (slow) return 'slow';
    return tree ? toPlain(tree, text).root : undefined;
  } catch {
    return undefined;
  } finally {
    tree?.delete();
  }
}

const extraParsers = new Map<string, Parser | null>();

/** Parse text with another grammar shipped as a .wasm in an npm package (the Terraform format's HCL); undefined when the runtime is not loaded. */
export function parseWith(w: { file: string; pkg: string }, text: string): Tree | undefined {
  if (!runtime) return undefined;
  let p = extraParsers.get(w.file);
  if (p === undefined) {
    try {
      p = new runtime.Parser();
      p.setLanguage(language(w));
    } catch {
      p = null;
    }
    extraParsers.set(w.file, p);
  }
  try {
    return p?.parse(text) ?? undefined;
  } catch {
    return undefined;
  }
}
