// The run's findings drawn on the graph: a loop is marked where the recursion graph
// (src/model/recursion.ts) has an edge that closes a cycle AND the run reports it (a
// `recursive-trigger` finding pointing at that write), so the picture says what the report
// says — a rule turned off or a reviewed, suppressed loop is not drawn red. Overlapping triggers
// (`trigger-overlap`) get an edge between them; a log trigger that reads the log store it writes
// to (`log-trigger`) has both of its edges marked.
import {
  isLog,
  type FunctionDef,
  type Model,
  type StorageTrigger,
  type Trigger,
  type WriteTarget,
} from '../model/model.js';
import { bucketKey, byBucket } from '../model/filters.js';
import { buildEdges, components, type Edge } from '../model/recursion.js';
import type { Finding, Result, Severity } from '../types.js';
import type { Graph, GraphEdge, GraphNode, Mark } from './types.js';
import { covers, type Positions } from './positions.js';

/** What the marks need to find the graph elements of the Model's objects. */
export interface GraphIndex {
  graph: Graph;
  positions: Positions;
  triggerNode: Map<Trigger, GraphNode>;
  functionNode: Map<FunctionDef, GraphNode>;
  /** Node id of a known bucket by its identity (filters.bucketId). */
  bucketNode: Map<string, string>;
  /** bucket → trigger and trigger → function edges of a storage trigger. */
  triggerEdges: Map<Trigger, GraphEdge[]>;
  /** Write edges by write target and the identity of the bucket written. */
  writeEdge: Map<WriteTarget, Map<string, GraphEdge>>;
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

function addMark(on: GraphNode | GraphEdge, mark: Mark): void {
  const had = on.marks.find((m) => m.ruleId === mark.ruleId);
  if (!had) on.marks.push({ ...mark });
  else if (RANK[mark.severity] > RANK[had.severity]) had.severity = mark.severity;
}

function strongest(findings: Finding[]): Severity | undefined {
  let best: Severity | undefined;
  for (const f of findings) if (!best || RANK[f.severity] > RANK[best]) best = f.severity;
  return best;
}

/** The edges of the recursion graph that lie on a cycle: a self-loop, or both ends in one strongly connected component. */
function loopEdges(model: Model): Edge[] {
  const nodes = model.storageTriggers.filter((t) => bucketKey(t) !== undefined);
  const edges = buildEdges(nodes, byBucket(model.storageTriggers));
  const comp = new Map<StorageTrigger, number>();
  components(nodes, edges).forEach((c, i) => {
    if (c.length > 1) for (const t of c) comp.set(t, i);
  });
  return edges.filter((e) => e.from === e.to || (comp.has(e.from) && comp.get(e.from) === comp.get(e.to)));
}

export function markFindings(model: Model, result: Pick<Result, 'files'>, ix: GraphIndex): void {
  const byRule = new Map<string, Finding[]>();
  for (const file of result.files)
    for (const f of file.findings) (byRule.get(f.ruleId) ?? byRule.set(f.ruleId, []).get(f.ruleId)!).push(f);

  // loops: a cycle edge is drawn red when a recursive-trigger finding names its write
  const recursive = byRule.get('recursive-trigger') ?? [];
  // a write from handler code reaches the recursion graph resolved for the trigger that fired (a
  // copy of the WriteTarget with the same location): find its graph edge by that location too
  const writeAt = new Map<object, Map<string, GraphEdge>>();
  for (const [w, edges] of ix.writeEdge) writeAt.set(w.at, edges);
  for (const e of recursive.length ? loopEdges(model) : []) {
    const at = ix.positions.position(e.write.at);
    if (!at) continue;
    const naming = recursive.filter((f) =>
      (f.related ?? []).some((r) => r.path === at.path && r.line === at.line && r.column === at.column),
    );
    const severity = strongest(naming);
    if (!severity) continue;
    const mark = { ruleId: 'recursive-trigger', severity };
    const write = (ix.writeEdge.get(e.write) ?? writeAt.get(e.write.at))?.get(bucketKey(e.to)!);
    if (write) addMark(write, mark);
    for (const x of ix.triggerEdges.get(e.from) ?? []) addMark(x, mark);
    const tn = ix.triggerNode.get(e.from);
    if (tn) addMark(tn, mark);
    const fn = ix.functionNode.get(e.from.function);
    if (fn) addMark(fn, mark);
  }

  // overlaps: the later trigger (the finding's location) and the earlier one (its related location)
  const drawn = new Set<string>();
  for (const f of byRule.get('trigger-overlap') ?? []) {
    const later = model.storageTriggers.find((t) => covers(t.at, f.path, f.start));
    const r = f.related?.[0];
    const offset = r ? ix.positions.offset(r.path, r.line, r.column) : undefined;
    const earlier =
      r && offset !== undefined
        ? model.storageTriggers.find((t) => t !== later && covers(t.at, r.path, offset))
        : undefined;
    if (!later || !earlier) continue;
    const a = ix.triggerNode.get(earlier)!,
      b = ix.triggerNode.get(later)!;
    const mark = { ruleId: 'trigger-overlap', severity: f.severity };
    addMark(a, mark);
    addMark(b, mark);
    if (drawn.has(`${a.id}-${b.id}`)) continue;
    drawn.add(`${a.id}-${b.id}`);
    ix.graph.edges.push({ from: a.id, to: b.id, kind: 'overlaps', label: 'same objects', marks: [mark] });
  }

  // a log trigger whose execution logs go to the log store it reads
  for (const f of byRule.get('log-trigger') ?? []) {
    const t = model.triggers.find(
      (x) => isLog(x) && x.logLogstore !== undefined && covers(x.logLogstore.at, f.path, f.start),
    );
    if (!t) continue;
    const mark = { ruleId: 'log-trigger', severity: f.severity };
    for (const x of ix.triggerEdges.get(t) ?? []) addMark(x, mark);
    addMark(ix.triggerNode.get(t)!, mark); // the log store it reads
    const fn = ix.functionNode.get(t.function);
    if (fn) addMark(fn, mark);
  }
}
