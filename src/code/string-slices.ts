// Slices with literal bounds, one transfer function for both languages: Python `name[:-3]`,
// `key[5:]`, `key[:8]`, `ext[-4:]`; JavaScript `key.slice(0, -4)`, `slice(n)`, `substring(a, b)`,
// `substr(a, n)`. Literal text is sliced for real; a triggering key keeps its start when only
// its end is cut, its end when only its start is cut; anything else is unknown text.
import type { SyntaxNode } from './parser.js';
import { asStr, dropEnd, dropFirst, lit, litOf, str, type Val } from './values.js';

/** `v.slice(start, end)` with JavaScript's (and Python's) meaning of negative bounds; undefined: open. */
export function literalSlice(v: Val, start: number | undefined, end: number | undefined): Val {
  const s = litOf(v);
  if (s !== undefined) return lit(s.slice(start ?? 0, end));
  const a = start ?? 0;
  if (a === 0 && end === undefined) return v;
  if (a === 0 && end !== undefined && end < 0) return dropEnd(v, -end);
  if (a > 0 && end === undefined) return dropFirst(v, a);
  const ps = asStr(v);
  const first = ps[0];
  const last = ps[ps.length - 1];
  // within literal text the value starts (or ends) with
  if (a >= 0 && end !== undefined && end >= a && first && 'lit' in first && first.lit.length >= end)
    return lit(first.lit.slice(a, end));
  if (a < 0 && end === undefined && last && 'lit' in last && last.lit.length >= -a) return lit(last.lit.slice(a));
  return str([{ unknown: true }]);
}

/** JavaScript `substring(a, b)`: negative bounds are 0, and the smaller bound comes first. */
export function substring(v: Val, a: number, b: number | undefined): Val {
  const x = Math.max(0, a);
  if (b === undefined) return literalSlice(v, x, undefined);
  const y = Math.max(0, b);
  return literalSlice(v, Math.min(x, y), Math.max(x, y));
}

/** JavaScript `substr(start, length)` (a start from the end when negative). */
export function substr(v: Val, start: number, length: number | undefined): Val {
  if (length === undefined) return literalSlice(v, start, undefined);
  if (length <= 0) return lit('');
  if (start < 0) return literalSlice(v, start, start + length >= 0 ? undefined : start + length);
  return literalSlice(v, start, start + length);
}

/** An integer literal node (`3`, `-4`, `- 4`), else undefined. */
export function intLiteral(n: SyntaxNode | undefined): number | undefined {
  if (!n) return undefined;
  const t = n.text.replace(/\s/g, '');
  return /^-?\d+$/.test(t) && ['number', 'integer', 'unary_expression', 'unary_operator'].includes(n.type)
    ? Number(t)
    : undefined;
}
