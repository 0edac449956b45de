// Duplicate mapping keys in linear time. yaml's own check (`uniqueKeys: true`) compares each new
// key with every earlier key of its mapping — quadratic in a 14,000-key `resources` map — so
// Sources are parsed with `uniqueKeys: false` and this walk finds the same duplicates with one Set
// per mapping. Equality is yaml's default: two scalar keys with the same resolved value (`a`, `'a'`
// and `"a"`; `1` and `0x1`; `~`, `null` and an empty key), compared with `===` (so `.nan` never
// repeats); collections and aliases as keys are never equal.
//
// Where yaml reports a duplicate is not always the key node's start: it is the end of the item's
// start tokens (after `?`, anchors, tags, comments) or, without any, the end of the previous
// item — which, after an empty value, is the end of the previous line. Those token boundaries
// exist only in the CST, so for a mapping that does hold a duplicate (rare: it is an error) the
// offsets are replayed from the CST exactly as yaml's composer computes them. The document is
// composed with `keepSourceTokens`, so each mapping carries its own CST token (`srcToken`): no
// index of the CST is built (walking every CST object of a 190 KB file of nested brackets cost a
// third of a second: found by the fuzzer). The walk removes every `srcToken` it passes, so the
// Source does not keep the CST alive after parsing.
import { isMap, isPair, isSeq, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

interface Token {
  type: string;
  offset: number;
  source: string;
}
interface CstItem {
  start: Token[];
  key?: unknown;
  sep?: Token[];
  value?: unknown;
}
interface CstCollection {
  type: 'block-map' | 'flow-collection';
  offset: number;
  start?: Token;
  items: CstItem[];
}

/** Offsets (where yaml reports them) of every duplicate key of one document, ascending. */
export function duplicateKeyOffsets(doc: Document.Parsed): number[] {
  const out: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop() as { srcToken?: unknown } | null | undefined;
    if (!node || typeof node !== 'object') continue;
    const token = node.srcToken as CstCollection | undefined;
    delete node.srcToken;
    if (isMap(node)) {
      const repeated = node.items.length > 1 ? repeatedKeys(node) : undefined;
      if (repeated) {
        const starts = keyStarts(node, isCstMap(token) ? token : undefined);
        for (const i of repeated) out.push(starts[i] ?? (node.items[i].key as Node).range![0]);
      }
      for (const pair of node.items) {
        delete (pair as { srcToken?: unknown }).srcToken;
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          delete (item as { srcToken?: unknown }).srcToken;
          stack.push(item.key, item.value);
        } else stack.push(item);
      }
    }
  }
  return out.sort((a, b) => a - b);
}

/** Indices of the pairs whose key repeats an earlier key of the mapping (undefined: none). */
function repeatedKeys(map: YAMLMap): number[] | undefined {
  const seen = new Set<unknown>();
  let out: number[] | undefined;
  map.items.forEach((pair, i) => {
    const key = pair.key;
    if (!isScalar(key) || (typeof key.value === 'number' && Number.isNaN(key.value))) return;
    if (seen.has(key.value)) (out ??= []).push(i);
    else seen.add(key.value);
  });
  return out;
}

const end = (t: Token) => t.offset + t.source.length;
const has = (tokens: Token[], ...types: string[]) => tokens.some((t) => types.includes(t.type));

/** A CST token a mapping can be composed from (a `!!map`-tagged `[…]` or block sequence is not replayed). */
function isCstMap(t: CstCollection | undefined): t is CstCollection {
  return (
    !!t &&
    Array.isArray(t.items) &&
    (t.type === 'block-map' || (t.type === 'flow-collection' && t.start?.source === '{'))
  );
}

function skipped(c: CstCollection, it: CstItem): boolean {
  if (has(it.start, 'explicit-key-ind', 'anchor', 'tag') || it.sep) return false;
  return c.type === 'block-map' || !it.value;
}

/**
 * yaml's `keyStart` of every pair (compose/resolve-block-map.js, resolve-flow-collection.js):
 * the end of the item's start tokens, or the running offset — the previous value's end, or
 * the end of its separator tokens when it has no value.
 */
function keyStarts(map: YAMLMap, c: CstCollection | undefined): number[] {
  if (!c) return [];
  const out: number[] = [];
  let offset = c.type === 'block-map' ? c.offset : c.offset + c.start!.source.length;
  let p = 0;
  for (const it of c.items) {
    const startEnd = it.start.length ? end(it.start[it.start.length - 1]) : offset;
    if (skipped(c, it)) {
      if (c.type === 'flow-collection') offset = startEnd;
      continue;
    }
    const pair = map.items[p++] as Pair<Node, Node | null> | undefined;
    if (!pair) break;
    out.push(startEnd);
    const sep = it.sep ?? [];
    const sepEnd = sep.length ? end(sep[sep.length - 1]) : pair.key.range![2];
    const valued = c.type === 'block-map' ? has(sep, 'map-value-ind') : !!pair.value;
    offset = valued && pair.value ? pair.value.range![2] : sepEnd;
  }
  return out;
}
