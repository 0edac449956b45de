// From a JSON pointer to a source span, using the JsonView the adapter built with the Resolver:
// `key` → the offending key, `parentKey` → the key of the object (or, for an entry without a
// key such as a list item, the object's first line), `value` → the value.
import type { JsonView } from '../formats/resolve.js';
import type { Location } from '../types.js';
import type { Place } from './messages.js';
import { child, parent } from './paths.js';

export function locate(
  view: JsonView,
  pointer: string,
  place: Place,
  key: string | undefined,
  text: string | undefined,
): Location | undefined {
  if (place === 'key' && key !== undefined) {
    const k = view.locations.get(child(pointer, key));
    if (k?.key) return k.key;
  }
  const here = nearest(view, pointer);
  if (!here) return undefined;
  if (place === 'parentKey') return here.key ?? keyBefore(here.value, text) ?? firstLine(here.value, text);
  return here.value;
}

function nearest(view: JsonView, pointer: string) {
  for (let p = pointer; ; p = parent(p)) {
    const l = view.locations.get(p);
    if (l) return l;
    if (p === '') return undefined;
  }
}

/**
 * The key written just before a value (`props:` above the map a SchemaTarget validates), read
 * from the text because the target's view starts at the value. Undefined when the value is not
 * preceded by `key:` (a list item, a document root).
 */
function keyBefore(at: Location, text: string | undefined): Location | undefined {
  if (text === undefined) return undefined;
  let i = at.start - 1;
  while (i >= 0) {
    if (/\s/.test(text[i])) {
      i--;
      continue;
    }
    const ls = text.lastIndexOf('\n', i) + 1;
    const hash = text.slice(ls, i + 1).search(/(^|\s)#/);
    if (hash < 0) break;
    i = ls + hash - (text[ls + hash] === '#' ? 1 : 0);
  }
  if (i < 0 || text[i] !== ':') return undefined;
  const ls = text.lastIndexOf('\n', i) + 1;
  const m = /^(\s*(?:-\s+)*)([^\s-][^]*?)\s*$/.exec(text.slice(ls, i));
  if (!m) return undefined;
  const start = ls + m[1].length;
  return { ...at, start, end: start + m[2].length };
}

/** A multi-line value shortened to its first line (without a trailing comment). */
function firstLine(at: Location, text: string | undefined): Location {
  if (text === undefined) return at;
  const body = text.slice(at.start, at.end);
  const nl = body.indexOf('\n');
  if (nl < 0) return at;
  const line = body
    .slice(0, nl)
    .replace(/\s+#.*$/, '')
    .trimEnd();
  return { ...at, end: at.start + Math.max(1, line.length) };
}
