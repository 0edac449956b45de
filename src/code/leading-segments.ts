// Tencent COS events carry the object key as "/<appid>/<bucket>/<key>" (values.ts `eventLeaf`);
// handlers strip that start before using the key — with a regular expression
// (`key.replace(/^\/\d+\/[^/]+\//, '')`) or with the same text rebuilt from the event
// (`key.replace('/' + appid + '/' + name + '/', '', 1)`). Both are recognised here, so what is
// left is the object key itself, with the trigger's prefix and suffix.
import { asStr, litOf, replaced, str, type Part, type Val } from './values.js';

/**
 * One part of a "/segment" a regular expression matches, none able to match "/": `\d`, `\w`, a
 * class without "/" (`[a-z0-9-]`), a negated class with "/" (`[^/]`, `[^\/.]`), a letter; each
 * with a quantifier, or a lazy `.+?` / `.*?` (the next `\/` stops it).
 */
const SEGMENT =
  /^(?:(?:\\[dw]|\[\^[^\]]*\/[^\]]*\]|\[(?!\^)[^\]\\/]*\]|[A-Za-z0-9_-])(?:[+*]|\{\d+(?:,\d*)?\})?|\.[+*]\?)+$/;

/**
 * How many leading "/segment" parts a regular expression removes when it is `^\/seg\/seg\/`
 * (each seg unable to match "/"), replaced by the empty string; undefined for anything else.
 */
export function leadingSegmentsOf(pattern: string): number | undefined {
  if (!pattern.startsWith('^\\/') || !pattern.endsWith('\\/')) return undefined;
  const inner = pattern.slice(3, -2);
  const segments: string[] = [];
  let cur = '';
  let inClass = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\' && inner[i + 1] === '/' && !inClass) {
      segments.push(cur);
      cur = '';
      i++;
      continue;
    }
    if (c === '\\') {
      cur += c + (inner[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    if (c === ']') inClass = false;
    cur += c;
  }
  segments.push(cur);
  return segments.every((s) => SEGMENT.test(s)) ? segments.length : undefined;
}

/**
 * The value without its first `n` "/segment" parts and the "/" after them, when its start is
 * known to be "/", then `n` runs of text without "/" (the appid and the bucket name count as such
 * runs), each followed by "/"; undefined when that is not known.
 */
export function dropLeadingSegments(v: Val, n: number): Val | undefined {
  const ps = asStr(v);
  let pi = 0;
  let ci = 0;
  const slashHere = () => {
    const p = ps[pi];
    return !!p && 'lit' in p && p.lit[ci] === '/';
  };
  const nextChar = () => {
    ci++;
    if (ci >= (ps[pi] as { lit: string }).lit.length) {
      pi++;
      ci = 0;
    }
  };
  if (!slashHere()) return undefined;
  nextChar();
  for (let k = 0; k < n; k++) {
    let length = 0;
    while (pi < ps.length && !slashHere()) {
      const p = ps[pi];
      if ('lit' in p) {
        nextChar();
        length++;
        continue;
      }
      if ('appid' in p || 'bucket' in p) {
        pi++;
        ci = 0;
        length++;
        continue;
      }
      return undefined; // the key or unknown text may hold a "/"
    }
    if (!length || !slashHere()) return undefined;
    nextChar();
  }
  const rest: Part[] = ps.slice(pi);
  if (ci > 0) rest[0] = { lit: (ps[pi] as { lit: string }).lit.slice(ci) };
  return str(rest);
}

/** `key.replace(start, '')` where `start` is text the key is known to begin with (built from the same event values). */
export function dropStart(v: Val, start: Val): Val | undefined {
  const ps = asStr(v);
  const from = asStr(start);
  if (!from.length || from.length > ps.length) return undefined;
  for (let i = 0; i < from.length; i++) {
    const a = from[i];
    const b = ps[i];
    const last = i === from.length - 1;
    if ('lit' in a && 'lit' in b) {
      if (a.lit === b.lit) continue;
      if (last && b.lit.startsWith(a.lit)) return str([{ lit: b.lit.slice(a.lit.length) }, ...ps.slice(i + 1)]);
      return undefined;
    }
    if (('appid' in a && 'appid' in b) || ('bucket' in a && 'bucket' in b)) continue;
    return undefined; // only literal text and the event's own bucket and appid are known to match
  }
  return str(ps.slice(from.length));
}

/**
 * `key.replace(from, to)` in either language (`all`: Python's every occurrence): the Tencent key's
 * start removed when `from` is that start rebuilt from the event, else a literal replacement.
 */
export function replaceIn(v: Val, from: Val | undefined, to: Val | undefined, all: boolean): Val {
  const stripped = from && litOf(from) === undefined && litOf(to) === '' ? dropStart(v, from) : undefined;
  return stripped ?? replaced(v, litOf(from), litOf(to), all);
}
