// A syntax tree as plain JavaScript objects, built from a web-tree-sitter tree in one walk with a
// TreeCursor (no recursion, so no depth can overflow the stack). web-tree-sitter creates a new Node
// object, marshalled out of WebAssembly, on every `namedChildren` / `childForFieldName` call; the
// evaluators visit the same nodes many times, so reading a 700 KB code folder spent most of its
// time there. These nodes keep the part of the Node API the evaluators use (type, text, children,
// fields, parent, descendantsOfType), each node built once; the WebAssembly tree is freed after.
import type { Tree } from 'web-tree-sitter';

export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  /** The field name of each child (parallel to `children`), null where the grammar names none. */
  private readonly fields: (string | null)[] = [];
  private named?: SyntaxNode[];

  constructor(
    private readonly source: string,
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly parent: SyntaxNode | null,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): SyntaxNode[] {
    return (this.named ??= this.children.filter((c) => c.isNamed));
  }

  childForFieldName(name: string): SyntaxNode | null {
    const i = this.fields.indexOf(name);
    return i < 0 ? null : this.children[i];
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    return this.children.filter((_, i) => this.fields[i] === name);
  }

  /** Named and anonymous descendants of the given types, in document order (iterative). */
  descendantsOfType(types: string | string[]): SyntaxNode[] {
    const want = new Set(typeof types === 'string' ? [types] : types);
    const out: SyntaxNode[] = [];
    const stack: SyntaxNode[] = [...this.children].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (want.has(n.type)) out.push(n);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
    return out;
  }

  /** What a value that holds a node (a function) shows when serialised for a memo key: where the node is. */
  toJSON(): { type: string; start: number; end: number } {
    return { type: this.type, start: this.startIndex, end: this.endIndex };
  }

  /** @internal the builder's way to attach a child */
  add(child: SyntaxNode, field: string | null): void {
    this.children.push(child);
    this.fields.push(field);
  }
}

/** Every node of `tree` once, as plain objects; `count` is the number of nodes built. */
export function toPlain(tree: Tree, source: string): { root: SyntaxNode; count: number } {
  const c = tree.walk();
  try {
    const root = new SyntaxNode(source, c.nodeType, c.nodeIsNamed, c.startIndex, c.endIndex, null);
    let count = 1;
    let cur = root;
    if (!c.gotoFirstChild()) return { root, count };
    for (;;) {
      const n = new SyntaxNode(source, c.nodeType, c.nodeIsNamed, c.startIndex, c.endIndex, cur);
      cur.add(n, c.currentFieldName);
      count++;
      if (c.gotoFirstChild()) {
        cur = n;
        continue;
      }
      while (!c.gotoNextSibling()) {
        if (!c.gotoParent() || cur === root) return { root, count };
        cur = cur.parent!;
      }
    }
  } finally {
    c.delete();
  }
}
