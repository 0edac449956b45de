// HCL through tree-sitter's grammar (@tree-sitter-grammars/tree-sitter-hcl, WASM) on the
// web-tree-sitter runtime the handler-code reader already uses. Loaded only when a `.tf` file is
// linted (`loadHcl`, asynchronous once per process); after it, parsing is synchronous.
// HCL keeps web-tree-sitter's own nodes (handler code converts its trees to plain nodes, syntax-node.ts)
import { loadParsers, parsersLoaded, parseWith, type RawNode as SyntaxNode, type Tree } from '../../code/parser.js';

export type { SyntaxNode };

const HCL = { file: 'tree-sitter-hcl.wasm', pkg: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm' };

export const loadHcl = loadParsers;
export const hclLoaded = parsersLoaded;

export function parseHcl(text: string): Tree | undefined {
  return parseWith(HCL, text);
}

export { isTerraformPath } from './paths.js';

/** The syntax errors of a parse: every ERROR and MISSING node, as offsets and a message. */
export function hclErrors(tree: Tree): { start: number; end: number; message: string }[] {
  const out: { start: number; end: number; message: string }[] = [];
  if (!tree.rootNode.hasError) return out;
  const visit = (n: SyntaxNode) => {
    if (out.length >= 20) return;
    if (n.isMissing) {
      out.push({
        start: n.startIndex,
        end: n.startIndex,
        message: `HCL syntax error: missing ${JSON.stringify(n.type)}; complete the expression (terraform validate shows the same)`,
      });
      return;
    }
    if (n.type === 'ERROR') {
      const text = n.text.split('\n')[0].slice(0, 40);
      out.push({
        start: n.startIndex,
        end: Math.max(n.startIndex + 1, Math.min(n.endIndex, n.startIndex + text.length)),
        message: `HCL syntax error at ${JSON.stringify(text)}: this is not valid Terraform; fix it (terraform validate shows where)`,
      });
      return;
    }
    if (n.hasError) for (const c of n.children) visit(c);
  };
  visit(tree.rootNode);
  return out;
}

/**
 * The comments of a Terraform file from its syntax tree (never a regex over lines), shaped like
 * YAML comments: `offset` is the character before the text (`#`, the second `/` of `//`).
 * Block comments are not directive comments. Empty when the parser is not loaded.
 */
export function hclComments(text: string): { offset: number; text: string; trailing: boolean }[] {
  if (!text.includes('#') && !text.includes('//')) return [];
  const tree = parseHcl(text);
  if (!tree) return [];
  const out: { offset: number; text: string; trailing: boolean }[] = [];
  try {
    const visit = (n: SyntaxNode) => {
      if (n.type === 'comment') {
        const t = n.text;
        const lead = t.startsWith('#') ? 1 : t.startsWith('//') ? 2 : 0;
        if (lead) {
          const lineStart = text.lastIndexOf('\n', n.startIndex - 1) + 1;
          out.push({
            offset: n.startIndex + lead - 1,
            text: t.slice(lead).replace(/\r?\n$/, ''),
            trailing: text.slice(lineStart, n.startIndex).trim() !== '',
          });
        }
        return;
      }
      for (const c of n.children) if (c) visit(c);
    };
    visit(tree.rootNode);
  } finally {
    tree.delete();
  }
  return out.sort((a, b) => a.offset - b.offset);
}
