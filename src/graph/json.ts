// The graph as JSON for other tools: `{ version: 1, nodes, edges }` (src/graph/types.ts).
import type { Graph } from './types.js';

export function toJson(graph: Graph): string {
  return JSON.stringify({ version: 1, nodes: graph.nodes, edges: graph.edges }, null, 2) + '\n';
}
