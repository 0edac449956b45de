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
// offsets are replayed from the CST exactly as yaml's composer computes them.
import { isMap, isPair, isSeq, isScalar, type Document, type Node, type Pair, type YAMLMap, type CST } from 'yaml';

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

/** The CST of a text, built on first use and shared by the text's documents. */
export class CstIndex {
  private byOffset?: Map<string, CstCollection[]>;
  /** `tokens`: the CST of the text (yaml's Parser), as the composer read it. */
  constructor(private readonly tokens: readonly CST.Token[]) {}
  /** The CST mapping a composed mapping came from (same kind, same start offset). */
  find(map: YAMLMap): CstCollection | undefined {
    const list = this.index().get(`${map.flow ? 'flow' : 'block'}@${map.range![0]}`);
    return list?.find((c) => countPairs(c) === map.items.length) ?? list?.[0];
  }
  private index(): Map<string, CstCollection[]> {
    if (this.byOffset) return this.byOffset;
    const out = new Map<string, CstCollection[]>();
    const stack: unknown[] = [...this.tokens];
    while (stack.length) {
      const t = stack.pop();
      if (!t || typeof t !== 'object') continue;
      const c = t as CstCollection;
      if (
        (c.type === 'block-map' || (c.type === 'flow-collection' && c.start?.source === '{')) &&
        Array.isArray(c.items)
      ) {
        const k = `${c.type === 'block-map' ? 'block' : 'flow'}@${c.offset}`;
        (out.get(k) ?? out.set(k, []).get(k)!).push(c);
      }
      for (const v of Object.values(t)) if (v && typeof v === 'object') stack.push(v);
    }
    return (this.byOffset = out);
  }
}

/** Offsets (where yaml reports them) of every duplicate key of one document, ascending. */
export function duplicateKeyOffsets(doc: Document.Parsed, cst: CstIndex): number[] {
  const out: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (isMap(node)) {
      const repeated = node.items.length > 1 ? repeatedKeys(node) : undefined;
      if (repeated) {
        const starts = keyStarts(node, cst.find(node));
        for (const i of repeated) out.push(starts[i] ?? (node.items[i].key as Node).range![0]);
      }
      for (const pair of node.items) stack.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
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

/** Items of a CST mapping that become pairs (yaml skips comment-only and empty items). */
function countPairs(c: CstCollection): number {
  return c.items.filter((it) => !skipped(c, it)).length;
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
