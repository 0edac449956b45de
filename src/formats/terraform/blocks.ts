// A Terraform file's syntax tree as blocks and attributes (expressions stay syntax nodes: the
// module evaluates them lazily, where they are used).
import type { Location } from '../../types.js';
import type { SyntaxNode } from './hcl.js';
import type { TfValue } from './value.js';

/**
 * The names an instance of a block binds: `count.index`, `each.key` / `each.value`, a `dynamic`
 * block's iterator; `unknown` when its `count` / `for_each` is not known (every value of it is then unknown).
 */
export interface Scope {
  names: Map<string, TfValue>;
  unknown?: string;
  parent?: Scope;
}

export interface Attr {
  name: string;
  key: Location;
  expr: SyntaxNode;
  file: string;
  at: Location;
}

export interface Block {
  type: string;
  labels: string[];
  /** The block's first line up to `{` (type and labels), where findings on the block point. */
  head: Location;
  attrs: Map<string, Attr>;
  blocks: Block[];
  at: Location;
  file: string;
  /** Set on an instance of a `count` / `for_each` resource or a block a `dynamic` block made. */
  scope?: Scope;
}

const loc = (file: string, n: SyntaxNode): Location => ({ file, start: n.startIndex, end: n.endIndex });

/** The text of a label (`"aws_s3_bucket"` or a bare identifier). */
function labelText(n: SyntaxNode): string {
  if (n.type === 'identifier') return n.text;
  const lit = n.children.find((c) => c.type === 'template_literal');
  return lit ? lit.text : '';
}

export function readBody(
  body: SyntaxNode | null | undefined,
  file: string,
): { attrs: Map<string, Attr>; blocks: Block[] } {
  const attrs = new Map<string, Attr>();
  const blocks: Block[] = [];
  for (const c of body?.namedChildren ?? []) {
    if (!c) continue;
    if (c.type === 'attribute') {
      const id = c.namedChildren.find((x) => x?.type === 'identifier');
      const expr = c.namedChildren.find((x) => x?.type === 'expression');
      if (id && expr) attrs.set(id.text, { name: id.text, key: loc(file, id), expr, file, at: loc(file, c) });
    } else if (c.type === 'block') {
      const kids = c.namedChildren.filter((x): x is SyntaxNode => !!x);
      const type = kids[0]?.type === 'identifier' ? kids[0].text : '';
      const labels = kids
        .slice(1)
        .filter((x) => x.type === 'string_lit' || x.type === 'identifier')
        .map(labelText);
      const open = kids.find((x) => x.type === 'block_start');
      const inner = readBody(
        kids.find((x) => x.type === 'body'),
        file,
      );
      const last = open ? kids[kids.indexOf(open) - 1] : undefined;
      blocks.push({
        type,
        labels,
        head: { file, start: c.startIndex, end: last ? last.endIndex : c.startIndex + type.length },
        ...inner,
        at: loc(file, c),
        file,
      });
    }
  }
  return { attrs, blocks };
}

/** The top-level blocks and attributes of a parsed file. */
export function readFile(root: SyntaxNode, file: string): { attrs: Map<string, Attr>; blocks: Block[] } {
  return readBody(
    root.namedChildren.find((x) => x?.type === 'body'),
    file,
  );
}
