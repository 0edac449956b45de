// Small helpers over yaml@2 nodes: locations, key lookup, alias resolution with a budget.
import {
  isAlias,
  isPair,
  isScalar,
  type Alias,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { Location } from '../types.js';
import { MAX_ALIAS_COUNT } from './source.js';
import { aliasTargets } from './alias-targets.js';

export type AnyNode = Node | null | undefined;

export function nodeLoc(file: string, node: Node | null | undefined, fallback?: Location): Location {
  const r = node?.range;
  if (r) return { file, start: r[0], end: Math.max(r[0], r[1]) };
  return fallback ?? { file, start: 0, end: 0 };
}

export class AliasBudget {
  used = 0;
  private targets?: Map<Alias, Node | undefined>;
  constructor(
    readonly doc: Document,
    readonly max = MAX_ALIAS_COUNT,
  ) {}
  /** Follow an alias to its anchor; undefined once the file has expanded too many aliases. */
  deref(node: AnyNode): AnyNode {
    let n = node;
    let hops = 0;
    while (n && isAlias(n)) {
      if (++this.used > this.max || ++hops > 32) return undefined;
      this.targets ??= aliasTargets(this.doc);
      n = this.targets.has(n) ? this.targets.get(n) : n.resolve(this.doc);
    }
    return n;
  }
}

/** Pairs of a map whose keys are scalars, as [key string, pair]. */
export function entries(map: YAMLMap): [string, Pair<Scalar, Node>][] {
  const out: [string, Pair<Scalar, Node>][] = [];
  for (const p of map.items) if (isPair(p) && isScalar(p.key)) out.push([String(p.key.value), p as Pair<Scalar, Node>]);
  return out;
}

export { isScalar, isPair };
export type { YAMLMap, Scalar, Node, Pair };

/** Offset of the first content character of a scalar (after an opening quote). */
export function contentStart(node: Scalar): number {
  const t = node.type;
  const s = node.range?.[0] ?? 0;
  return t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE' ? s + 1 : s;
}

/** True when the scalar's source text is exactly its value (plain, or quoted without escapes). */
export function isVerbatim(text: string, node: Scalar): boolean {
  const r = node.range;
  if (!r || typeof node.value !== 'string') return false;
  const start = contentStart(node);
  const quoted = start !== r[0];
  const end = quoted ? r[1] - 1 : r[1];
  return text.slice(start, end) === node.value;
}
