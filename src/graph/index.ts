// The trigger graph: build it from a run (the Model and the findings), draw it in a format.
// No file system here: the playground runs this in the browser.
import { buildGraph } from './build.js';
import { toDot } from './dot.js';
import { toJson } from './json.js';
import { toMermaid } from './mermaid.js';
import type { Graph } from './types.js';

export const GRAPH_FORMATS = ['mermaid', 'dot', 'json', 'svg'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export async function renderGraph(graph: Graph, format: GraphFormat): Promise<string> {
  if (format === 'mermaid') return toMermaid(graph);
  if (format === 'json') return toJson(graph);
  const dot = toDot(graph);
  if (format === 'dot') return dot;
  const { dotToSvg } = await import('./svg.js');
  return dotToSvg(dot);
}

export { buildGraph, toDot, toJson, toMermaid };
export type { Graph };
export type { GraphNode, GraphEdge, Mark, NodeKind, EdgeKind } from './types.js';
