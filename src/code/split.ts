// A string split into fields and what is taken from it later (`lst = key.split('/')`, `lst[-1]`,
// `'/'.join(key.split('/')[3:])`, `key.rsplit('.', 1)[0]`), one transfer function each; and the
// case changes that keep only what has no letters.
import type { SyntaxNode } from './parser.js';
import { afterFields, afterLast, asStr, beforeLast, litOf, lit, str, UNKNOWN, type Part, type Val } from './values.js';
import { dropLeadingSegments } from './leading-segments.js';

type Split = Extract<Val, { t: 'split' }>;

/** An item of a split: the last field, the start before a single rsplit, Tencent's key after `max` fields. */
export function splitItem(v: Split, idx: number): Val {
  const s = litOf(v.of);
  if (s !== undefined) {
    // literal text: split it for real
    const parts = v.rsplit && v.max !== undefined ? rsplitN(s, v.sep, v.max) : splitN(s, v.sep, v.max);
    const item = parts[idx < 0 ? parts.length + idx : idx];
    return item === undefined ? UNKNOWN : lit(item);
  }
  if (v.from) return UNKNOWN;
  // key.split('.')[0]: the text before the first separator; lst[1] of "a/b/" + key: a field of the literal start
  if (idx === 0 && (!v.rsplit || v.max === undefined)) return beforeFirst(v.of, v.sep);
  if (idx > 0 && !v.rsplit && (v.max === undefined || idx < v.max)) {
    const fields = literalStart(v.of).split(v.sep);
    if (fields.length > idx + 1) return lit(fields[idx]);
  }
  // key.split('/', 3)[-1] on Tencent's "/<appid>/<bucket>/<key>": the key after its two leading segments
  if (v.sep === '/' && !v.rsplit && v.max !== undefined && v.max > 1 && (idx === -1 || idx === v.max)) {
    const rest = dropLeadingSegments(v.of, v.max - 1);
    if (rest) return rest;
  }
  if (idx === -1 && (v.max === undefined || v.rsplit)) return afterLast(v.of, v.sep);
  if (idx === 0 && v.rsplit && v.max === 1) return beforeLast(v.of, v.sep);
  return UNKNOWN;
}

/** The text before the first `sep` (`key.split('.')[0]`, `name.split('_', 1)[0]`): literal text up to it, or the input key's start cut there (resolved per trigger: its prefix up to the first `sep`). */
export function beforeFirst(v: Val, sep: string): Val {
  const out: Part[] = [];
  for (const p of asStr(v)) {
    if ('lit' in p) {
      const at = p.lit.indexOf(sep);
      if (at >= 0) {
        out.push({ lit: p.lit.slice(0, at) });
        return str(out);
      }
      out.push(p);
      continue;
    }
    // cut again at a different first separator: not one cut any more
    if ('input' in p && (p.input.head === undefined || p.input.head === sep))
      out.push({ input: { ...p.input, suffix: false, tail: undefined, head: sep } });
    out.push({ unknown: true });
    return str(out);
  }
  return str(out);
}

/** The literal text a value starts with ('' when it starts with anything else). */
function literalStart(v: Val): string {
  let s = '';
  for (const p of asStr(v)) {
    if (!('lit' in p)) break;
    s += p.lit;
  }
  return s;
}

/** `sep.join(parts[n:])`: the value after its first `n` fields (Tencent's "/<appid>/<bucket>/" dropped by `[3:]`). */
export function joinFields(v: Split, n: number): Val {
  if (v.max !== undefined) return UNKNOWN;
  const s = litOf(v.of);
  if (s !== undefined) return lit(s.split(v.sep).slice(n).join(v.sep));
  if (v.sep === '/' && n >= 1) {
    const rest = dropLeadingSegments(v.of, n - 1);
    if (rest) return rest;
  }
  return afterFields(v.of, v.sep, n);
}

/** The literal start of a slice `[n:]` (a non-negative integer), else undefined. */
export function sliceStart(sub: SyntaxNode): number | undefined {
  const colon = sub.children.findIndex((c) => c.type === ':');
  if (sub.children.filter((c) => c.type === ':').length !== 1) return undefined;
  const start = sub.children.slice(0, colon).find((c) => c.isNamed);
  const stop = sub.children.slice(colon + 1).find((c) => c.isNamed);
  return start?.type === 'integer' && !stop ? Number(start.text) : undefined;
}

/** `lower()` / `upper()`: literal text changes case; the input key may change too, so it becomes unknown text. */
export function caseChanged(v: Val, change: (s: string) => string): Val {
  return str(asStr(v).map((p): Part => ('lit' in p ? { lit: change(p.lit) } : 'input' in p ? { unknown: true } : p)));
}

function splitN(s: string, sep: string, max?: number): string[] {
  const all = s.split(sep);
  return max === undefined || all.length <= max + 1 ? all : [...all.slice(0, max), all.slice(max).join(sep)];
}

function rsplitN(s: string, sep: string, max: number): string[] {
  const all = s.split(sep);
  return all.length <= max + 1 ? all : [all.slice(0, all.length - max).join(sep), ...all.slice(all.length - max)];
}
