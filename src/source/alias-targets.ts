// The node each alias of a document names, found in one pass (shared by the alias budget of
// yamlnav.ts and the undefined-alias check of source.ts).
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node } from 'yaml';

/**
 * Every alias of a document and the node it names: the nearest anchor of that name before it in
 * document order, as yaml's Alias.resolve() finds it — but in one pass for all aliases. resolve()
 * walks the whole document per call, copying the path at every level: aliases in a deeply nested
 * document took minutes (found by the fuzzer).
 */
export function aliasTargets(doc: Document): Map<Alias, Node | undefined> {
  const out = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.value, n.key); // the key first
    } else if (isAlias(n)) {
      out.set(n, anchors.get(n.source));
    } else if (isMap(n) || isSeq(n) || isScalar(n)) {
      if (n.anchor) anchors.set(n.anchor, n);
      if (!isScalar(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    }
  }
  return out;
}
