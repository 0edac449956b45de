// The graph of a run from its Model: every trigger with what fires it and the function it
// invokes, and every write of a function into a bucket (src/model/writes.ts, mounts, policies). Buckets,
// log stores and queues are shared nodes keyed by (vendor, name) like the rules key them; a value
// that is not known is its own node, drawn as unknown, never merged with another. Then the run's
// findings are drawn on it (src/graph/marks.ts).
import {
  isKnown,
  isEventBridge,
  isHttp,
  isLog,
  isQueue,
  isStorage,
  isTimer,
  type FunctionDef,
  type Located,
  type Model,
  type StorageTrigger,
  type WriteTarget,
} from '../model/model.js';
import { bucketId } from '../model/filters.js';
import { resolveKey } from '../model/key-pattern.js';
import type { Result } from '../types.js';
import type { EdgeKind, Graph, GraphEdge, GraphNode, NodeKind } from './types.js';
import { Positions } from './positions.js';
import { markFindings, type GraphIndex } from './marks.js';

const PREFIX: Record<NodeKind, string> = {
  bucket: 'b',
  trigger: 't',
  function: 'f',
  timer: 's',
  gateway: 's',
  logstore: 's',
  queue: 's',
  eventbridge: 's',
  source: 's',
};

/** A label with runs of white space made one space and none at either end. */
function trimLabel(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function text(l: Located<string> | undefined): string {
  return isKnown(l) ? l.value : '?';
}

function unknownReason(l: Located<unknown> | undefined): string {
  return l === undefined ? 'not declared' : String((l.value as { reason?: string }).reason ?? 'not known');
}

/** An unknown value's reason, short enough for a node (the report has the whole message). */
function short(reason: string): string {
  return reason.length > 60 ? `${reason.slice(0, 57)}...` : reason;
}

function filterLine(t: StorageTrigger): string {
  const part = (what: string, l: Located<string>) => (!isKnown(l) ? `${what} ?` : l.value ? `${what} ${l.value}` : '');
  return [part('prefix', t.prefix), part('suffix', t.suffix)].filter(Boolean).join(', ') || 'no filter';
}

function writeLabel(w: WriteTarget): string {
  const start = w.key ? keyStart(w.key) : w.prefix && isKnown(w.prefix) ? w.prefix.value || '/' : undefined;
  return `writes ${start ?? '?'} (${w.via}${w.label ? ` ${w.label}` : ''})`;
}

/**
 * What a key written by handler code is known to start with, before any trigger's filter is
 * applied: the whole key when it is literal, else its known start and "..." (`thumbs/...`; ASCII,
 * as Graphviz has no width for "…"); undefined when it starts with something unknown.
 */
function keyStart(key: NonNullable<WriteTarget['key']>): string | undefined {
  const known = resolveKey(key, undefined, undefined);
  if (known.exact !== undefined) return known.exact || undefined;
  return known.prefix ? `${known.prefix}...` : undefined;
}

export function buildGraph(model: Model, result: Pick<Result, 'files' | 'texts'>): Graph {
  const graph: Graph = { nodes: [], edges: [] };
  const positions = new Positions(result.texts);
  const counters = new Map<string, number>();
  const keyed = new Map<string, GraphNode>();
  const ix: GraphIndex = {
    graph,
    positions,
    triggerNode: new Map(),
    functionNode: new Map(),
    bucketNode: new Map(),
    triggerEdges: new Map(),
    writeEdge: new Map(),
  };

  const node = (
    kind: NodeKind,
    label: string[],
    data: GraphNode['data'],
    at?: Located<unknown>['at'],
    key?: string,
    unknown = false,
  ): GraphNode => {
    const found = key === undefined ? undefined : keyed.get(key);
    if (found) return found;
    const p = PREFIX[kind];
    const n = counters.get(p) ?? 0;
    counters.set(p, n + 1);
    const where = at ? positions.position(at) : undefined;
    // an unnamed trigger's label is "cos trigger", not "cos trigger " (renderers measure the space)
    const made: GraphNode = {
      id: `${p}${n}`,
      kind,
      label: label.map(trimLabel),
      ...(unknown ? { unknown } : {}),
      ...(where ? { at: where } : {}),
      data,
      marks: [],
    };
    graph.nodes.push(made);
    if (key !== undefined) keyed.set(key, made);
    return made;
  };
  const edge = (from: GraphNode, to: GraphNode, kind: EdgeKind, extra: Partial<GraphEdge> = {}): GraphEdge => {
    const e: GraphEdge = {
      from: from.id,
      to: to.id,
      kind,
      ...extra,
      ...(extra.label !== undefined ? { label: trimLabel(extra.label) } : {}),
      marks: [],
    };
    graph.edges.push(e);
    return e;
  };
  const fnNode = (fn: FunctionDef): GraphNode => {
    const had = ix.functionNode.get(fn);
    if (had) return had;
    const n = node(
      'function',
      [`function ${text(fn.name)}`],
      {
        vendor: fn.vendor,
        format: fn.format,
        name: isKnown(fn.name) ? fn.name.value : null,
        region: isKnown(fn.region) ? fn.region.value : null,
      },
      fn.at,
      undefined,
      !isKnown(fn.name),
    );
    ix.functionNode.set(fn, n);
    return n;
  };
  const bucketNode = (vendor: FunctionDef['vendor'], l: Located<string> | undefined, fallback: string): GraphNode => {
    if (isKnown(l)) {
      const key = bucketId(vendor, l.value);
      const n = node('bucket', [l.display ?? l.value], { vendor, name: l.value }, l.at, `bucket\u0000${key}`);
      ix.bucketNode.set(key, n.id);
      return n;
    }
    return node(
      'bucket',
      ['bucket ?', `${fallback}: ${short(unknownReason(l))}`],
      { vendor, name: null },
      l?.at,
      undefined,
      true,
    );
  };
  const shared = (
    kind: NodeKind,
    vendor: string,
    parts: (Located<string> | undefined)[],
    label: string,
    data: GraphNode['data'],
    at: Located<unknown>['at'],
  ): GraphNode => {
    const known = parts.every((p) => p === undefined || isKnown(p));
    return node(
      kind,
      [label],
      data,
      at,
      known ? `${kind}\u0000${vendor}\u0000${parts.map((p) => (p ? p.value : '')).join('\u0000')}` : undefined,
      !known,
    );
  };

  for (const t of model.triggers) {
    const fn = t.function;
    const name = text(t.name);
    const base = { vendor: fn.vendor, type: t.type, name: isKnown(t.name) ? t.name.value : null };
    if (isStorage(t)) {
      const b = bucketNode(fn.vendor, t.bucket, `trigger ${name}`);
      const tn = node(
        'trigger',
        [`${t.type} trigger ${name}`, isKnown(t.events) ? t.events.value.join(' ') : 'events ?', filterLine(t)],
        {
          ...base,
          bucket: isKnown(t.bucket) ? t.bucket.value : null,
          events: isKnown(t.events) ? t.events.value : null,
          prefix: isKnown(t.prefix) ? t.prefix.value : null,
          suffix: isKnown(t.suffix) ? t.suffix.value : null,
          native: t.native,
        },
        t.at,
      );
      ix.triggerNode.set(t, tn);
      ix.triggerEdges.set(t, [edge(b, tn, 'fires'), edge(tn, fnNode(fn), 'invokes')]);
      continue;
    }
    let source: GraphNode;
    let label: string | undefined = `trigger ${name}`;
    if (isTimer(t)) {
      source = node(
        'timer',
        [`timer ${name}`, text(t.schedule)],
        { ...base, schedule: isKnown(t.schedule) ? t.schedule.value : null },
        t.at,
      );
      label = undefined;
    } else if (isHttp(t)) {
      const methods = t.methods ? (isKnown(t.methods) ? t.methods.value.join(' ') : '?') : 'any method';
      source = node(
        'gateway',
        [
          `${t.gateway ? 'API gateway' : 'HTTP'} trigger ${name}`,
          [methods, t.path ? text(t.path) : ''].filter(Boolean).join(' '),
        ],
        {
          ...base,
          methods: t.methods && isKnown(t.methods) ? t.methods.value : null,
          path: t.path && isKnown(t.path) ? t.path.value : null,
        },
        t.at,
      );
      label = undefined;
    } else if (isLog(t)) {
      source = shared(
        'logstore',
        fn.vendor,
        [t.sourceProject, t.sourceLogstore],
        `log store ${t.sourceProject ? `${text(t.sourceProject)}/` : ''}${text(t.sourceLogstore)}`,
        {
          vendor: fn.vendor,
          project: t.sourceProject && isKnown(t.sourceProject) ? t.sourceProject.value : null,
          logstore: t.sourceLogstore && isKnown(t.sourceLogstore) ? t.sourceLogstore.value : null,
        },
        t.sourceLogstore?.at ?? t.at,
      );
      label = `log trigger ${name}`;
    } else if (isQueue(t)) {
      source = shared(
        'queue',
        fn.vendor,
        [t.topic],
        `${t.type} ${text(t.topic)}`,
        { vendor: fn.vendor, type: t.type, topic: t.topic && isKnown(t.topic) ? t.topic.value : null },
        t.topic?.at ?? t.at,
      );
      label = `${t.type} trigger ${name}`;
    } else if (isEventBridge(t)) {
      source = node(
        'eventbridge',
        [`eventbridge trigger ${name}`, t.sourceType ? `source ${text(t.sourceType)}` : 'source ?'],
        { ...base, sourceType: t.sourceType && isKnown(t.sourceType) ? t.sourceType.value : null },
        t.at,
      );
      label = undefined;
    } else {
      source = node('source', [`${t.type} trigger ${name}`], base, t.at);
      label = undefined;
    }
    ix.triggerNode.set(t, source);
    const edges = [edge(source, fnNode(fn), 'fires', label ? { label, at: positions.position(t.at) } : {})];
    if (isLog(t) && (t.logLogstore || t.logProject)) {
      const sink = shared(
        'logstore',
        fn.vendor,
        [t.logProject, t.logLogstore],
        `log store ${t.logProject ? `${text(t.logProject)}/` : ''}${text(t.logLogstore)}`,
        {
          vendor: fn.vendor,
          project: t.logProject && isKnown(t.logProject) ? t.logProject.value : null,
          logstore: t.logLogstore && isKnown(t.logLogstore) ? t.logLogstore.value : null,
        },
        (t.logLogstore ?? t.logProject)!.at,
      );
      edges.push(
        edge(fnNode(fn), sink, 'logs', {
          label: `execution logs of ${name}`,
          at: positions.position((t.logLogstore ?? t.logProject)!.at),
        }),
      );
    }
    ix.triggerEdges.set(t, edges);
  }

  for (const fn of model.functions) {
    const from = fnNode(fn);
    const own = new Map<string, Located<string>>();
    for (const t of model.storageTriggers)
      if (t.function === fn && isKnown(t.bucket)) own.set(bucketId(fn.vendor, t.bucket.value), t.bucket);
    for (const w of fn.writes) {
      const targets: { key?: string; bucket?: Located<string> }[] = w.bucket
        ? [{ key: isKnown(w.bucket) ? bucketId(fn.vendor, w.bucket.value) : undefined, bucket: w.bucket }]
        : own.size
          ? [...own].map(([key, bucket]) => ({ key, bucket }))
          : [{}];
      const byKey = new Map<string, GraphEdge>();
      for (const target of targets) {
        const to = target.bucket
          ? bucketNode(fn.vendor, target.bucket, `written by ${text(fn.name)}`)
          : bucketNode(fn.vendor, undefined, 'the bucket that triggers it');
        const e = edge(from, to, 'writes', {
          label: writeLabel(w),
          via: w.via,
          prefix: w.prefix && isKnown(w.prefix) ? w.prefix.value : null,
          at: positions.position(w.at),
        });
        if (target.key !== undefined) byKey.set(target.key, e);
      }
      ix.writeEdge.set(w, byKey);
    }
  }
  markFindings(model, result, ix);
  return graph;
}
