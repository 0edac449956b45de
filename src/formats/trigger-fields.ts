// Helpers for filling the non-storage trigger types of the Model (timer, http, log, queue,
// eventbridge) from YAML: located numbers, booleans and string lists. Never vendor-specific.
import type { Node } from 'yaml';
import { Unknown, type Located } from '../model/model.js';
import type { Resolver } from './resolve.js';

/** A scalar as a located number (Unknown when it is not a number: that is the schema's to report). */
export function num(r: Resolver, node: Node | undefined): Located<number> | undefined {
  const s = node === undefined ? undefined : r.str(node);
  if (!s) return undefined;
  if (s.value instanceof Unknown) return { ...s, value: s.value };
  const n = Number(s.value);
  return { ...s, value: s.value.trim() !== '' && Number.isFinite(n) ? n : new Unknown(`not a number: ${s.value}`) };
}

/** A scalar as a located boolean; other text is kept as written (`'OPEN'`, `'ACTIVE'`…). */
export function bool(r: Resolver, node: Node | undefined): Located<boolean | string> | undefined {
  const s = node === undefined ? undefined : r.str(node);
  if (!s) return undefined;
  if (s.value instanceof Unknown) return { ...s, value: s.value };
  const v = s.value.trim().toLowerCase();
  return { ...s, value: v === 'true' ? true : v === 'false' ? false : s.value };
}

/** A sequence of strings (or one string) with each item located; `upper` upper-cases the list value. */
export function strList(
  r: Resolver,
  node: Node | undefined,
  upper = false,
): { list?: Located<string[]>; items: Located<string>[] } {
  if (node === undefined || node === null) return { items: [] };
  const items: Located<string>[] = [];
  const seq = r.seq(node);
  if (seq) {
    for (const it of seq.items) {
      const s = r.str(it as Node);
      if (s) items.push(s);
    }
  } else {
    const d = r.deref(node);
    if (d instanceof Unknown) return { list: { value: d, at: r.loc(node) }, items };
    const s = r.str(node);
    if (s) items.push(s);
  }
  const at = r.loc(node);
  const unknown = items.find((i) => i.value instanceof Unknown);
  if (unknown) return { list: { value: unknown.value as Unknown, at }, items };
  return {
    list: { value: items.map((i) => (upper ? (i.value as string).toUpperCase() : (i.value as string))), at },
    items,
  };
}

/** The part of a located string after a marker (`project/<name>`, `/topics/<name>`), located when it can be. */
export function after(l: Located<string> | undefined, marker: string): Located<string> | undefined {
  if (!l || l.value instanceof Unknown) return l;
  const i = l.value.indexOf(marker);
  if (i < 0) return undefined;
  const value = l.value.slice(i + marker.length);
  const exact = !l.origin && l.at.end - l.at.start === l.value.length;
  return { ...l, value, at: exact ? { ...l.at, start: l.at.start + i + marker.length } : l.at };
}
