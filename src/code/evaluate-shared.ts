// What the Python and Node.js evaluators (src/code/python*.ts, src/code/javascript*.ts) do the
// same way: entering a function (depth and recursion guard, `ran` bookkeeping, the call stack),
// the rest pass over functions not yet run, scope lookup, and recording SDK writes (on a tracked
// client, or on a receiver that could not be tracked). The language-specific parts stay in each evaluator.
import type { Analysis, ModuleInfo } from './context.js';
import { MAX_DEPTH } from './context.js';
import type { SyntaxNode } from './parser.js';
import { writeOf, type Args, type Client } from './sdk.js';
import { asStr, litOf, UNKNOWN, type Part, type Val } from './values.js';
import type { KeyGuard } from '../model/key-guard.js';
import { VENDORS } from '../model/vendors.js';

export type Scope = Map<string, Val>;

export interface Frame {
  scopes: Scope[];
  module: ModuleInfo;
  ret?: Val;
}

export type FnVal = Extract<Val, { t: 'fn' }>;

/**
 * Enter a function: UNKNOWN when the stack is too deep or the function is already on it;
 * otherwise mark it run, push it for the length of `body` and pop it again.
 */
export function enter(a: Analysis, fn: FnVal, body: (node: SyntaxNode, module: ModuleInfo) => Val): Val {
  const node = fn.node;
  const module = fn.module as ModuleInfo;
  if (a.stack.length >= MAX_DEPTH || a.stack.includes(node)) return UNKNOWN;
  a.ran.add(`${module.abs}:${node.startIndex}`);
  a.stack.push(node);
  const guards = a.guards.length;
  try {
    return body(node, module);
  } finally {
    a.stack.pop();
    a.guards.length = guards; // an early return's guard ends with its function
  }
}

/** Every function of the module (of the given node types) not yet evaluated, with unknown arguments. */
export function runRest(
  a: Analysis,
  m: ModuleInfo,
  types: string | string[],
  invoke: (fn: FnVal, args: Args) => Val,
): void {
  for (const def of m.root.descendantsOfType(types)) {
    if (a.ran.has(`${m.abs}:${def.startIndex}`)) continue;
    invoke({ t: 'fn', node: def, module: m }, { pos: [], kw: new Map() });
  }
}

/** A name in the frame's scopes, innermost first; undefined when no scope has it. */
export function lookupScopes(f: Frame, name: string): Val | undefined {
  for (let i = f.scopes.length - 1; i >= 0; i--) {
    const v = f.scopes[i].get(name);
    if (v) return v;
  }
  return undefined;
}

/** An item of a collection (`for record in evt['Records']`, `for (const r of event.Records)`). */
export function itemOf(v: Val): Val {
  if (v.t === 'list') return v.items[0] ?? UNKNOWN;
  if (v.t === 'event') return v;
  return UNKNOWN;
}

/** Record a write at the call `e`, its callee text shortened to 60 characters. */
export function writeAt(
  a: Analysis,
  module: ModuleInfo,
  e: SyntaxNode,
  callee: string,
  sdk: string,
  bucket: Val | undefined,
  key: Val | undefined,
): void {
  a.record(module, {
    sdk,
    callee: callee.length > 60 ? callee.slice(0, 57) + '...' : callee,
    start: e.startIndex,
    end: e.endIndex,
    bucket,
    key,
    ...(a.guards.length ? { guards: [...a.guards] } : {}),
  });
}

/**
 * A check on the triggering key (`key.endswith('.zip')`, `'_thumb' in key`, `key.startsWith('a/')`)
 * as a guard, when its subject is that key: its start for a prefix test, its end for a suffix
 * test (a cut at the last "/" keeps the end), any of it for text inside.
 */
export function keyGuard(
  module: ModuleInfo,
  node: SyntaxNode,
  subject: Val,
  test: KeyGuard['test'],
  text: string | undefined,
  expect: boolean,
  ignoreCase = false,
): KeyGuard | undefined {
  if (!text) return undefined;
  const ps = asStr(subject);
  const isInput = (p: Part | undefined): p is Extract<Part, { input: unknown }> =>
    !!p &&
    'input' in p &&
    !p.input.edits?.length &&
    p.input.head === undefined &&
    !p.input.dropEnd &&
    !p.input.dropStart &&
    !p.input.lastCut;
  if (test === 'prefix' && !(ps.length === 1 && isInput(ps[0]) && ps[0].input.prefix && !ps[0].input.tail))
    return undefined;
  if (
    test === 'suffix' &&
    !(isInput(ps[ps.length - 1]) && (ps[ps.length - 1] as Extract<Part, { input: unknown }>).input.suffix)
  )
    return undefined;
  if (
    test === 'contains' &&
    !(ps.length === 1 && isInput(ps[0]) && ps[0].input.prefix && ps[0].input.suffix && !ps[0].input.tail)
  )
    return undefined;
  const line = module.text.slice(0, node.startIndex).split('\n').length;
  const src = node.text.length > 60 ? node.text.slice(0, 57) + '...' : node.text;
  return { test, text, expect, ...(ignoreCase ? { ignoreCase } : {}), label: `${module.path}:${line} ${src}`, line };
}

/** Run `body` with a guard in effect (none: as it is). */
export function withGuard<T>(a: Analysis, g: KeyGuard | undefined, body: () => T): T {
  if (!g) return body();
  a.guards.push(g);
  const n = a.guards.length;
  try {
    return body();
  } finally {
    a.guards.length = n - 1;
  }
}

/** A write method on a receiver that could not be tracked: counted when the name is specific to one SDK the code imports. */
export function untracked(
  a: Analysis,
  method: string,
  args: Args,
  e: SyntaxNode,
  fn: SyntaxNode,
  module: ModuleInfo,
): void {
  for (const sdk of a.sdks) {
    for (const kind of a.registry.untrackedKinds(sdk)) {
      const m = a.registry.writeMethod(kind, method);
      if (!m || m.generic) continue;
      const w = writeOf({ t: 'client', sdk, kind }, m, args);
      if (w) writeAt(a, module, e, fn.text, sdk, w.bucket, w.key);
      return;
    }
  }
}

/** A method called on a tracked client: a write method is recorded, anything else goes to the SDK model. */
export function clientCall(
  a: Analysis,
  recv: Client,
  method: string,
  args: Args,
  e: SyntaxNode,
  fn: SyntaxNode,
  module: ModuleInfo,
): Val {
  const m = a.registry.writeMethod(recv.kind, method);
  if (m) {
    const w = writeOf(recv, m, args);
    if (w) writeAt(a, module, e, w.note ? `${fn.text}(${w.note})` : fn.text, recv.sdk, w.bucket, w.key);
    return UNKNOWN;
  }
  return a.registry.clientMethod(recv, method, args) ?? UNKNOWN;
}

/** A call (or `new`) of a name reached from an SDK module: the client or request it gives; a write it makes is recorded. */
export function sdkCall(
  a: Analysis,
  module: ModuleInfo,
  e: SyntaxNode,
  callee: string,
  sdk: Extract<Val, { t: 'sdk' }>,
  args: Args,
): Val {
  const c = a.registry.construct(sdk.sdk, sdk.path, args);
  if (c.write) writeAt(a, module, e, callee, sdk.sdk, c.write.bucket, c.write.key);
  return c.value;
}

/**
 * `a or b`, `a || b`, `a ?? b`: `b` when `a` is unknown (an undeclared environment variable, a
 * default the handler falls back to) or the empty string; otherwise `a` (a value that starts
 * with known text, the event's key, a client: never empty).
 */
export function either(a: Val, b: Val): Val {
  return a.t === 'unknown' || (a.t === 'str' && litOf(a) === '') ? b : a;
}

/** Methods of the handler's context argument that read the function's environment variables (the vendor table's `contextEnv`). */
const CONTEXT_ENV = new Set(Object.values(VENDORS).flatMap((v) => (v.contextEnv ?? []).map((m) => `<context>.${m}`)));

/** Whether a call on the handler's context (`<context>.getUserData`) reads an environment variable. */
export function contextReadsEnv(name: string): boolean {
  return CONTEXT_ENV.has(name);
}

/**
 * `key.toLowerCase().endsWith('.jpg')`, `key.lower().startswith('in/')`: the key itself with its case
 * ignored, when the text is already in that case (else the check never passes: not a guard).
 */
export function caseFolded(method: string | undefined, text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  if (method && ['toLowerCase', 'toLocaleLowerCase', 'lower', 'casefold'].includes(method))
    return text === text.toLowerCase() ? true : undefined;
  if (method && ['toUpperCase', 'toLocaleUpperCase', 'upper'].includes(method))
    return text === text.toUpperCase() ? true : undefined;
  return false;
}

/**
 * `key.indexOf(t) !== -1` / `key.find(t) >= 0` (text inside), `key.indexOf(t) === 0` (the start), and
 * their negations: the guard test and when it holds; undefined for any other comparison.
 */
export function indexComparison(
  op: string | undefined,
  n: number | undefined,
): { test: 'contains' | 'prefix'; holds: boolean } | undefined {
  if (n === -1) {
    if (op === '!==' || op === '!=' || op === '>') return { test: 'contains', holds: true };
    if (op === '===' || op === '==') return { test: 'contains', holds: false };
  }
  if (n === 0) {
    if (op === '>=') return { test: 'contains', holds: true };
    if (op === '<') return { test: 'contains', holds: false };
    if (op === '===' || op === '==') return { test: 'prefix', holds: true };
    if (op === '!==' || op === '!=') return { test: 'prefix', holds: false };
  }
  return undefined;
}
