// From a JSON pointer to a source span, using the JsonView the adapter built with the Resolver:
// `key` → the offending key, `parentKey` → the key of the object (or, for an entry without a
// key such as a list item, the object's first line), `value` → the value.
import type { JsonView } from '../resolve.js';
import type { Location } from '../types.js';
import type { Place } from './messages.js';
import { child, parent } from './paths.js';

export function locate(view: JsonView, pointer: string, place: Place, key: string | undefined, text: string | undefined): Location | undefined {
  if (place === 'key' && key !== undefined) {
    const k = view.locations.get(child(pointer, key));
    if (k?.key) return k.key;
  }
  const here = nearest(view, pointer);
  if (!here) return undefined;
  if (place === 'parentKey') return here.key ?? firstLine(here.value, text);
  return here.value;
}

function nearest(view: JsonView, pointer: string) {
  for (let p = pointer; ; p = parent(p)) {
    const l = view.locations.get(p);
    if (l) return l;
    if (p === '') return undefined;
  }
}

/** A multi-line value shortened to its first line (without a trailing comment). */
function firstLine(at: Location, text: string | undefined): Location {
  if (text === undefined) return at;
  const body = text.slice(at.start, at.end);
  const nl = body.indexOf('\n');
  if (nl < 0) return at;
  const line = body.slice(0, nl).replace(/\s+#.*$/, '').trimEnd();
  return { ...at, end: at.start + Math.max(1, line.length) };
}
