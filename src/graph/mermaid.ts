// The graph as a Mermaid flowchart (GitHub renders it in Markdown; the playground renders it in
// the page). Marked elements are red and name their rule; unknown values are dashed and grey.
import type { Graph, GraphEdge, GraphNode, Mark, NodeKind } from './types.js';

/** Mermaid label text: anything but plain characters becomes an entity code (`#35;`). */
export function label(s: string): string {
  return s.replace(/[^A-Za-z0-9 _./:*@=+-]/g, (c) => `#${c.codePointAt(0)};`);
}

const SHAPES: Record<NodeKind, [string, string]> = {
  bucket: ['[(', ')]'],
  trigger: ['{{', '}}'],
  function: ['[', ']'],
  timer: ['([', '])'],
  gateway: ['[/', '/]'],
  logstore: ['[[', ']]'],
  queue: ['>', ']'],
  eventbridge: ['((', '))'],
  source: ['(', ')'],
};

function marksText(marks: Mark[]): string {
  return marks.map((m) => `${m.ruleId} (${m.severity})`).join(', ');
}

function nodeLine(n: GraphNode): string {
  const lines = [...n.label, ...(n.marks.length ? [marksText(n.marks)] : [])];
  const [open, close] = SHAPES[n.kind];
  return `  ${n.id}${open}"${lines.map(label).join('<br/>')}"${close}`;
}

/** The rule ids an edge carries are written on it when it is one the rule is about. */
function edgeText(e: GraphEdge): string | undefined {
  const named = e.kind === 'writes' || e.kind === 'logs' || e.kind === 'overlaps';
  const parts = [e.label, named && e.marks.length ? marksText(e.marks) : undefined].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

function edgeLine(e: GraphEdge): string {
  const text = edgeText(e);
  const arrow = e.kind === 'overlaps' ? '-.-' : e.kind === 'logs' ? '-.->' : '-->';
  return `  ${e.from} ${arrow}${text ? `|"${label(text)}"|` : ''} ${e.to}`;
}

const severe = (marks: Mark[]) => marks.some((m) => m.severity === 'error');

export function toMermaid(graph: Graph): string {
  const lines = ['flowchart LR'];
  for (const n of graph.nodes) lines.push(nodeLine(n));
  graph.edges.forEach((e) => lines.push(edgeLine(e)));
  for (const n of graph.nodes) {
    if (n.marks.length) lines.push(`  class ${n.id} ${severe(n.marks) ? 'marked' : 'risk'}`);
    else if (n.unknown) lines.push(`  class ${n.id} unknown`);
  }
  lines.push('  classDef marked fill:#f8d7da,stroke:#c00,stroke-width:2px,color:#600');
  lines.push('  classDef risk fill:#fff3cd,stroke:#c00,stroke-width:2px,stroke-dasharray:4 3');
  lines.push('  classDef unknown fill:#f4f4f4,stroke:#888,stroke-dasharray:4 3,color:#555');
  const red = graph.edges.map((e, i) => (e.marks.length && severe(e.marks) ? i : -1)).filter((i) => i >= 0);
  const amber = graph.edges.map((e, i) => (e.marks.length && !severe(e.marks) ? i : -1)).filter((i) => i >= 0);
  if (red.length) lines.push(`  linkStyle ${red.join(',')} stroke:#c00,stroke-width:2.5px,color:#c00`);
  if (amber.length)
    lines.push(`  linkStyle ${amber.join(',')} stroke:#c00,stroke-width:2px,stroke-dasharray:4 3,color:#c00`);
  return lines.join('\n') + '\n';
}
