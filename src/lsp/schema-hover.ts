// The field under the cursor and its description from the format's whole-file JSON Schema.
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { replacePlaceholders } from '../source/source.js';
import { EDITOR_SCHEMA, SCHEMAS } from './editor-schemas.js';
import { walk, type SchemaNode } from './schema-walk.js';

export interface FieldHelp {
  key: string;
  type?: string;
  description?: string;
  markdownDescription?: string;
  range: Range;
}

interface Hit {
  path: (string | number)[];
  start: number;
  end: number;
}

/** The path of the key (or scalar value) at an offset. */
function pathAt(node: unknown, offset: number, path: (string | number)[]): Hit | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === undefined) continue;
      if (key?.range && offset >= key.range[0] && offset <= key.range[1])
        return { path: [...path, name], start: key.range[0], end: key.range[1] };
      if (value?.range && offset >= value.range[0] && offset <= value.range[1]) {
        if (isScalar(value)) return { path: [...path, name], start: value.range[0], end: value.range[1] };
        return pathAt(value, offset, [...path, name]);
      }
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (!item?.range || offset < item.range[0] || offset > item.range[1]) continue;
      if (isScalar(item)) return { path: [...path, i], start: item.range[0], end: item.range[1] };
      return pathAt(item, offset, [...path, i]);
    }
  }
  return undefined;
}

function valuesAlong(root: unknown, path: (string | number)[]): unknown[] {
  const out: unknown[] = [root];
  let cur = root;
  for (const seg of path) {
    cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
    out.push(cur);
  }
  return out;
}

export function fieldHelp(format: string, text: string, path: string, position: Position): FieldHelp | undefined {
  const key = EDITOR_SCHEMA[format];
  if (!key) return undefined;
  const doc = TextDocument.create(path, 'yaml', 0, text);
  const offset = doc.offsetAt(position);
  let hit: Hit | undefined;
  let value: unknown;
  try {
    for (const d of parseAllDocuments(replacePlaceholders(text).text, {
      uniqueKeys: false,
      logLevel: 'error',
    }) as unknown as { contents: unknown; range: [number, number, number]; toJS: (o: object) => unknown }[]) {
      if (!Array.isArray(d.range) || offset < d.range[0] || offset > d.range[2]) continue;
      hit = pathAt(d.contents, offset, []);
      if (hit) {
        try {
          value = d.toJS({ maxAliasCount: 100 });
        } catch {
          value = undefined;
        }
        break;
      }
    }
  } catch {
    return undefined;
  }
  if (!hit) return undefined;
  const store = (file: string): SchemaNode | undefined => SCHEMAS[file];
  const candidates = walk(store, { node: SCHEMAS[key], file: key }, hit.path, valuesAlong(value, hit.path));
  const described = candidates.find(
    (c) => typeof c.node.markdownDescription === 'string' || typeof c.node.description === 'string',
  );
  if (!described) return undefined;
  const typed = candidates.find((c) => c.node.type !== undefined);
  const t = typed?.node.type;
  const name = [...hit.path].reverse().find((s): s is string => typeof s === 'string') ?? '';
  return {
    key: name,
    ...(t !== undefined ? { type: Array.isArray(t) ? t.join(' | ') : String(t) } : {}),
    ...(typeof described.node.description === 'string' ? { description: described.node.description } : {}),
    ...(typeof described.node.markdownDescription === 'string'
      ? { markdownDescription: described.node.markdownDescription }
      : {}),
    range: { start: doc.positionAt(hit.start), end: doc.positionAt(hit.end) },
  };
}
