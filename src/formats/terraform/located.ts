// From Terraform values to the Model's located values, and JSON documents written inside a
// string (a heredoc, an escaped literal) or as `jsonencode({…})` read as values whose every
// string is located at its own text in the .tf file.
import type { FilterRead } from '../common.js';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { Unknown, type Located, type Vendor } from '../../model/model.js';
import { normaliseEvent } from '../../model/vendors.js';
import type { Location } from '../../types.js';
import { spanOf, str, unknown, type TfValue } from './value.js';
import { HOLE } from './evaluate.js';

export function locStr(v: TfValue | undefined, fallback: Location): Located<string> {
  if (!v) return { value: new Unknown('not written'), at: fallback };
  const s = str(v);
  if (s !== undefined && s.includes(HOLE)) return { value: new Unknown('an unknown interpolation'), at: v.at };
  if (s === undefined) return { value: new Unknown(v.t === 'unknown' ? v.reason : `a ${v.t} value`), at: v.at };
  return {
    value: s,
    at: v.at,
    ...(v.t === 'str' && v.origin ? { origin: v.origin } : {}),
    ...(v.t === 'str' && v.display ? { display: v.display } : {}),
  };
}

export function optStr(v: TfValue | undefined): Located<string> | undefined {
  return v && v.t !== 'null' ? locStr(v, v.at) : undefined;
}

export function locNum(v: TfValue | undefined): Located<number> | undefined {
  if (!v || v.t === 'null') return undefined;
  const n = v.t === 'num' ? v.v : v.t === 'str' && /^\d+$/.test(v.v) ? Number(v.v) : undefined;
  return n === undefined ? { value: new Unknown('not a number'), at: v.at } : { value: n, at: v.at };
}

export function locBool(v: TfValue | undefined): Located<boolean | string> | undefined {
  if (!v || v.t === 'null') return undefined;
  if (v.t === 'bool') return { value: v.v, at: v.at };
  const s = str(v);
  return s === undefined ? { value: new Unknown('not a boolean'), at: v.at } : { value: s, at: v.at };
}

/** A list of strings (or one string), each located. */
export function strItems(
  v: TfValue | undefined,
  fallback: Location,
): { list?: Located<string[]>; items: Located<string>[] } {
  if (!v || v.t === 'null') return { items: [] };
  if (v.t === 'list') {
    const items = v.items.map((i) => locStr(i, i.at));
    const bad = items.find((i) => i.value instanceof Unknown);
    return { list: { value: bad ? (bad.value as Unknown) : items.map((i) => i.value as string), at: v.at }, items };
  }
  const one = locStr(v, fallback);
  return { list: { value: one.value instanceof Unknown ? one.value : [one.value], at: one.at }, items: [one] };
}

export function events(
  v: TfValue | undefined,
  vendor: Vendor,
  fallback: Location,
): { events: Located<string[]>; items: Located<string>[] } {
  const { list, items } = strItems(v, fallback);
  if (!list) return { events: { value: [], at: fallback }, items };
  return {
    events: list.value instanceof Unknown ? list : { ...list, value: list.value.map((e) => normaliseEvent(vendor, e)) },
    items,
  };
}

/** A filter value: '' and not declared when absent. */
export function filterOf(v: TfValue | undefined, fallback: Location): FilterRead {
  if (!v || v.t === 'null') return { value: { value: '', at: fallback }, declared: false };
  return { value: locStr(v, v.at), declared: true };
}

/**
 * A JSON document: `jsonencode({…})` is already a value; a string is parsed, each string in it
 * located at its characters in the .tf file (inside the heredoc or the escaped literal).
 * `issue` is set when the text is not JSON.
 */
export function jsonValue(v: TfValue | undefined): { value?: TfValue; issue?: string } {
  if (!v || v.t === 'null') return {};
  if (v.t !== 'str') return { value: v };
  const doc = parseDocument(v.v, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length || !(isMap(doc.contents) || isSeq(doc.contents)))
    return v.v.includes(HOLE)
      ? { value: unknown('a JSON document with unknown parts', v.at) }
      : { issue: `is not a JSON document (${doc.errors[0]?.message.split('\n')[0] ?? 'not an object'})` };
  const conv = (n: Node | null | undefined): TfValue => {
    const r = n?.range;
    const whole = r ? spanOf(v, r[0], r[1]) : v.at;
    if (isMap(n)) {
      const fields = new Map<string, { key: Location; val: TfValue }>();
      for (const p of n.items) {
        const k = isScalar(p.key) ? String(p.key.value) : undefined;
        if (k === undefined) continue;
        const kr = (p.key as Node).range;
        fields.set(k, { key: kr ? spanOf(v, kr[0], kr[1]) : whole, val: conv(p.value as Node) });
      }
      return { t: 'obj', fields, at: whole };
    }
    if (isSeq(n)) return { t: 'list', items: n.items.map((i) => conv(i as Node)), at: whole };
    if (isScalar(n) && r) {
      const val = n.value;
      if (typeof val === 'string' && val.includes(HOLE))
        return unknown('a string with an unknown interpolation', whole);
      if (typeof val === 'string') {
        const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
        const s = quoted ? r[0] + 1 : r[0];
        const e = quoted ? r[1] - 1 : r[1];
        const raw = v.v.slice(s, e);
        // located at its content; the per-character map only when no escape changed the length
        const map = raw === val && v.map ? v.map.slice(s, e + 1) : undefined;
        return { t: 'str', v: val, at: spanOf(v, s, e), ...(map ? { map } : {}) };
      }
      if (typeof val === 'number') return { t: 'num', v: val, at: whole };
      if (typeof val === 'boolean') return { t: 'bool', v: val, at: whole };
      if (val === null) return { t: 'null', at: whole };
    }
    return unknown('a JSON value', whole);
  };
  return { value: conv(doc.contents) };
}
