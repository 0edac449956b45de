// Fixes for unknown keys with one unambiguous correction: rename the key where it is written
// (a plain or quoted scalar), and the keys under it that have the same kind of slip, so that
// legacy `Key: { Prefix, Suffix }` becomes `key: { prefix, suffix }` in one pass.
import type { JsonView } from '../formats/resolve.js';
import type { Fix } from '../types.js';
import type { SchemaNode } from './types.js';
import { child } from './paths.js';
import { suggestKey } from './messages.js';

export function renameFix(
  view: JsonView,
  text: string | undefined,
  pointer: string,
  key: string,
  to: string,
  schema: SchemaNode | undefined,
): Fix[] | undefined {
  if (text === undefined) return undefined;
  const first = renameEdit(view, text, child(pointer, key), key, to);
  if (!first) return undefined;
  const edits = [first];
  nested(view, text, child(pointer, key), valueAt(view.value, child(pointer, key)), schema, edits, 0);
  return edits;
}

function renameEdit(view: JsonView, text: string, pointer: string, key: string, to: string): Fix | undefined {
  const at = view.locations.get(pointer)?.key;
  if (!at) return undefined;
  const raw = text.slice(at.start, at.end);
  if (raw === key) return { start: at.start, end: at.end, text: to };
  const quote = raw[0];
  if (
    (quote === '"' || quote === "'") &&
    raw === `${quote}${key}${quote}` &&
    !to.includes(quote) &&
    !to.includes('\\')
  ) {
    return { start: at.start + 1, end: at.end - 1, text: to };
  }
  return undefined;
}

function nested(
  view: JsonView,
  text: string,
  pointer: string,
  value: unknown,
  schema: SchemaNode | undefined,
  edits: Fix[],
  depth: number,
): void {
  if (depth > 8 || !schema?.properties || !value || typeof value !== 'object' || Array.isArray(value)) return;
  const props = schema.properties;
  const present = Object.keys(value);
  const claimed = new Set(present);
  for (const k of present) {
    let target = k;
    if (!(k in props)) {
      const to = suggestKey(
        k,
        Object.keys(props).filter((c) => !claimed.has(c)),
      );
      if (!to) continue;
      claimed.add(to);
      const e = renameEdit(view, text, child(pointer, k), k, to);
      if (!e) continue;
      edits.push(e);
      target = to;
    }
    nested(view, text, child(pointer, k), (value as Record<string, unknown>)[k], props[target], edits, depth + 1);
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const s of pointer
    .slice(1)
    .split('/')
    .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}
