// The graph in Graphviz DOT: for `dot -Tpng`, for other tools, and the input of the SVG renderer
// (src/graph/svg.ts). Same conventions as the Mermaid chart: marked elements red with their rule,
// unknown values dashed and grey.
import type { Graph, GraphEdge, GraphNode, Mark, NodeKind } from './types.js';

/** A DOT double-quoted string: backslashes and quotes escaped, lines joined with \n. */
export function quote(lines: string | string[]): string {
  const list = Array.isArray(lines) ? lines : [lines];
  return `"${list.map((l) => l.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, ' ')).join('\\n')}"`;
}

const SHAPES: Record<NodeKind, string> = {
  bucket: 'shape=cylinder, fillcolor="#e8f1fb"',
  trigger: 'shape=hexagon, fillcolor="#fdf6e3"',
  function: 'shape=box, style="rounded,filled", fillcolor="#eef7ee"',
  timer: 'shape=ellipse, fillcolor="#f3eefb"',
  gateway: 'shape=parallelogram, fillcolor="#f3eefb"',
  logstore: 'shape=folder, fillcolor="#f3eefb"',
  queue: 'shape=cds, fillcolor="#f3eefb"',
  eventbridge: 'shape=doublecircle, fillcolor="#f3eefb"',
  source: 'shape=oval, fillcolor="#f3eefb"',
};

const RED = '#cc0000';

function marksText(marks: Mark[]): string {
  return marks.map((m) => `${m.ruleId} (${m.severity})`).join(', ');
}

const severe = (marks: Mark[]) => marks.some((m) => m.severity === 'error');

function nodeLine(n: GraphNode): string {
  const attrs = [SHAPES[n.kind], `label=${quote([...n.label, ...(n.marks.length ? [marksText(n.marks)] : [])])}`];
  if (n.marks.length)
    attrs.push(`color="${RED}", penwidth=2, fillcolor="#f8d7da"${severe(n.marks) ? '' : ', style="filled,dashed"'}`);
  else if (n.unknown) attrs.push('color="#888888", fontcolor="#555555", fillcolor="#f4f4f4", style="filled,dashed"');
  return `  ${n.id} [${attrs.join(', ')}];`;
}

function edgeLine(e: GraphEdge): string {
  const named = e.kind === 'writes' || e.kind === 'logs' || e.kind === 'overlaps';
  const text = [e.label, named && e.marks.length ? marksText(e.marks) : undefined].filter((x): x is string => !!x);
  const attrs: string[] = [];
  if (text.length) attrs.push(`label=${quote(text)}`);
  if (e.kind === 'overlaps') attrs.push('dir=none', 'constraint=false');
  if (e.kind === 'overlaps' || e.kind === 'logs') attrs.push('style=dashed');
  if (e.marks.length) attrs.push(`color="${RED}"`, `fontcolor="${RED}"`, 'penwidth=2');
  if (e.marks.length && !severe(e.marks) && e.kind !== 'overlaps' && e.kind !== 'logs') attrs.push('style=dashed');
  return `  ${e.from} -> ${e.to}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`;
}

export function toDot(graph: Graph): string {
  const lines = [
    'digraph triggers {',
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=11, style=filled];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const n of graph.nodes) lines.push(nodeLine(n));
  for (const e of graph.edges) lines.push(edgeLine(e));
  lines.push('}');
  return lines.join('\n') + '\n';
}
