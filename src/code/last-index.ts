// `x.rfind(".")`, `x.lastIndexOf("/") + 1`: an index at the last occurrence of a literal separator
// in the same variable that is being cut (`x[x.rfind("."):]`, `x.slice(x.lastIndexOf("/") + 1)`),
// recognised on the syntax tree for both languages; the evaluators turn it into a cut of the value.
import type { SyntaxNode } from './parser.js';

export interface LastIndexCut {
  sep: string;
  /** `+ 1` after a one-character separator: the cut starts after it. */
  after: boolean;
}

/**
 * The cut an index expression names, when it is `<target>.<method>(<sep>)` (optionally `+ 1`)
 * and `<target>` is written exactly as `targetText`; `sepOf` evaluates the call's arguments.
 */
export function lastIndexCut(
  n: SyntaxNode,
  targetText: string,
  methods: string[],
  sepOf: (args: SyntaxNode | null) => string | undefined,
): LastIndexCut | undefined {
  let call = n;
  let after = false;
  if (n.type === 'binary_operator' || n.type === 'binary_expression') {
    const [left, right] = [n.childForFieldName('left'), n.childForFieldName('right')];
    if (n.childForFieldName('operator')?.text !== '+' || right?.text !== '1' || !left) return undefined;
    call = left;
    after = true;
  }
  if (call.type !== 'call' && call.type !== 'call_expression') return undefined;
  const fn = call.childForFieldName('function');
  const object = fn?.childForFieldName('object');
  const method = fn?.childForFieldName('attribute') ?? fn?.childForFieldName('property');
  if (!object || !method || object.text !== targetText || !methods.includes(method.text)) return undefined;
  const sep = sepOf(call.childForFieldName('arguments'));
  if (!sep || (after && sep.length !== 1)) return undefined;
  return { sep, after };
}
