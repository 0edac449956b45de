// What the graph says (src/graph/build.ts, marks.ts): the nodes and edges of the Model, loops
// marked where the recursion graph closes a cycle and the run reports it, overlaps as edges
// between the two triggers, unknown values as nodes of their own.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import type { Graph, GraphEdge, GraphNode } from '../../src/graph/types.js';
import type { Model } from '../../src/model/model.js';
import type { RunOptions } from '../../src/engine/lint.js';
import { join } from 'node:path';
import { lintTexts, read, ROOT } from '../helpers.js';
import { fc3 } from '../integrations/helpers.js';

function graphOf(files: Record<string, string>, options: RunOptions = {}): Graph {
  let model: Model | undefined;
  const result = lintTexts(files, {
    ...options,
    onModel: (m) => {
      model = m;
    },
  });
  return buildGraph(model!, result);
}

const byLabel = (g: Graph, first: string): GraphNode => {
  const n = g.nodes.find((x) => x.label[0] === first);
  if (!n) throw new Error(`no node "${first}" in ${g.nodes.map((x) => x.label[0]).join(', ')}`);
  return n;
};
const edge = (g: Graph, from: GraphNode, to: GraphNode, kind?: GraphEdge['kind']): GraphEdge => {
  const e = g.edges.find((x) => x.from === from.id && x.to === to.id && (!kind || x.kind === kind));
  if (!e) throw new Error(`no edge ${from.id} -> ${to.id}`);
  return e;
};
const marked = (g: Graph) => ({
  nodes: g.nodes
    .filter((n) => n.marks.length)
    .map((n) => `${n.label[0]}: ${n.marks.map((m) => `${m.ruleId}(${m.severity})`).join()}`),
  edges: g.edges
    .filter((e) => e.marks.length)
    .map((e) => `${e.from}->${e.to} ${e.kind}: ${e.marks.map((m) => `${m.ruleId}(${m.severity})`).join()}`),
});

describe('the trigger graph', () => {
  it('is bucket → trigger → function → bucket, a write known from an output prefix going to the triggering bucket', () => {
    const g = graphOf({
      's.yaml': fc3(
        [{ name: 'loop', bucket: 'media', prefix: 'in/', suffix: '' }],
        { OUTPUT_PREFIX: 'in/thumbs/' },
        'thumbs',
      ),
    });
    const media = byLabel(g, 'media'),
      t = byLabel(g, 'oss trigger loop'),
      fn = byLabel(g, 'function thumbs');
    expect([media.kind, t.kind, fn.kind]).toEqual(['bucket', 'trigger', 'function']);
    expect(t.label).toEqual(['oss trigger loop', 'ObjectCreated:PutObject', 'prefix in/']);
    expect(edge(g, media, t).kind).toBe('fires');
    expect(edge(g, t, fn).kind).toBe('invokes');
    const w = edge(g, fn, media, 'writes');
    expect(w).toMatchObject({
      via: 'env',
      prefix: 'in/thumbs/',
      label: 'writes in/thumbs/ (env OUTPUT_PREFIX)',
      at: { path: 's.yaml', line: 13, column: 9 },
    });
    expect(marked(g)).toEqual({
      nodes: ['oss trigger loop: recursive-trigger(error)', 'function thumbs: recursive-trigger(error)'],
      edges: [
        `${media.id}->${t.id} fires: recursive-trigger(error)`,
        `${t.id}->${fn.id} invokes: recursive-trigger(error)`,
        `${fn.id}->${media.id} writes: recursive-trigger(error)`,
      ],
    });
  });

  it('marks nothing for the safe pattern (src/ in, dst/ out): the write edge is still drawn', () => {
    const g = graphOf({
      's.yaml': fc3([{ name: 'images', bucket: 'media', prefix: 'src/', suffix: '.png' }], { PROCESSED_DIR: 'dst/' }),
    });
    expect(edge(g, byLabel(g, 'function f'), byLabel(g, 'media'), 'writes').prefix).toBe('dst/');
    expect(marked(g)).toEqual({ nodes: [], edges: [] });
  });

  it('says what the report says: a loop whose finding is suppressed, or whose rule is off, is not red', () => {
    const text = fc3([{ name: 'loop', bucket: 'media', prefix: 'in/', suffix: '' }], { OUTPUT_PREFIX: 'in/x/' });
    const writes = (g: Graph) => g.edges.filter((e) => e.kind === 'writes');
    const reported = graphOf({ 's.yaml': text });
    expect(writes(reported)[0].marks, 'the positive control').toEqual([
      { ruleId: 'recursive-trigger', severity: 'error' },
    ]);
    const reviewed = text.replace(
      /^( *)(filter: .*)$/m,
      '$1# trigger-lint-disable-next-line recursive-trigger -- the function skips in/x/\n$1$2',
    );
    expect(lintTexts({ 's.yaml': reviewed }).files[0].findings.map((f) => f.ruleId)).not.toContain('recursive-trigger');
    const suppressed = graphOf({ 's.yaml': reviewed });
    expect(writes(suppressed)).toHaveLength(1);
    expect(marked(suppressed)).toEqual({ nodes: [], edges: [] });
    const off = graphOf({ 's.yaml': text }, { rules: { 'recursive-trigger': 'off' } });
    expect(writes(off)).toHaveLength(1);
    expect(marked(off)).toEqual({ nodes: [], edges: [] });
  });

  it('marks a cycle through two files and two formats on both write edges', () => {
    const dir = join(ROOT, 'test', 'graph', 'cases', 'cross-file');
    const g = graphOf({
      'ingest/s.yaml': read(join(dir, 'ingest', 's.yaml')),
      'archive/template.yml': read(join(dir, 'archive', 'template.yml')),
    });
    const uploads = byLabel(g, 'uploads'),
      staging = byLabel(g, 'staging');
    const ingest = byLabel(g, 'function ingest'),
      archiver = byLabel(g, 'function archiver');
    expect(edge(g, ingest, staging, 'writes')).toMatchObject({
      via: 'env',
      prefix: 'incoming/',
      marks: [{ ruleId: 'recursive-trigger', severity: 'error' }],
    });
    expect(edge(g, archiver, uploads, 'writes')).toMatchObject({
      via: 'policy',
      prefix: 'raw/',
      marks: [{ ruleId: 'recursive-trigger', severity: 'error' }],
    });
    const timer = byLabel(g, 'timer nightly');
    expect(timer.kind).toBe('timer');
    expect(edge(g, timer, ingest).marks).toEqual([]); // a timer is not part of the loop
  });

  it('marks a cycle with a write of unknown prefix as a warning', () => {
    const g = graphOf({ 'c.yaml': read(join(ROOT, 'fixtures', 'recursive-trigger', 'fc3-cycle.yaml')) });
    const g1 = byLabel(g, 'function g1'),
      c2 = byLabel(g, 'c2');
    expect(edge(g, g1, c2, 'writes')).toMatchObject({
      prefix: null,
      label: 'writes ? (env TARGET_BUCKET)',
      marks: [{ ruleId: 'recursive-trigger', severity: 'warning' }],
    });
    expect(edge(g, byLabel(g, 'function f1'), byLabel(g, 'b2'), 'writes').marks).toEqual([
      { ruleId: 'recursive-trigger', severity: 'error' },
    ]);
  });

  it('draws an overlap as an edge between the two triggers', () => {
    const g = graphOf({
      's.yaml': fc3([
        { name: 'zip', bucket: 'archive', prefix: 'src/', suffix: '.zip' },
        { name: 'zip-again', bucket: 'archive', prefix: 'src/', suffix: '.zip' },
        { name: 'other', bucket: 'archive', prefix: 'dst/', suffix: '.zip' },
      ]),
    });
    const zip = byLabel(g, 'oss trigger zip'),
      again = byLabel(g, 'oss trigger zip-again');
    expect(edge(g, zip, again, 'overlaps')).toMatchObject({
      label: 'same objects',
      marks: [{ ruleId: 'trigger-overlap', severity: 'error' }],
    });
    expect(marked(g).nodes).toEqual([
      'oss trigger zip: trigger-overlap(error)',
      'oss trigger zip-again: trigger-overlap(error)',
    ]);
  });

  it('draws an unknown bucket as its own node each time, never merged or guessed', () => {
    const text = fc3([
      { name: 'a', bucket: '${vars.nope}', prefix: 'x/' },
      { name: 'b', bucket: '${vars.nada}', prefix: 'y/' },
    ]);
    const g = graphOf({ 's.yaml': text });
    const unknown = g.nodes.filter((n) => n.kind === 'bucket');
    expect(unknown).toHaveLength(2);
    expect(unknown.every((n) => n.unknown && n.label[0] === 'bucket ?' && n.data.name === null)).toBe(true);
    expect(unknown[0].label[1]).toMatch(/^trigger a: undefined variable/);
  });

  it('gives timers, gateways, log stores, queues and EventBridge sources their own node kinds', () => {
    const g = graphOf({ 's.yaml': read(join(ROOT, 'fixtures', 'schema', 'valid-fc3-every-trigger.yaml')) });
    const kinds = g.nodes.map((n) => `${n.kind} ${n.label[0]}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'gateway HTTP trigger httpTrigger',
        'timer timer timerTrigger',
        'trigger oss trigger ossTrigger',
        'logstore log store my-project/function-log',
        'queue mns_topic test',
        'eventbridge eventbridge trigger eventbridgeTrigger',
        'source tablestore trigger tablestoreTrigger',
        'source cdn_events trigger cdnTrigger',
      ]),
    );
    const fn = byLabel(g, 'function every-trigger');
    for (const n of g.nodes.filter(
      (x) => x.kind !== 'function' && x.kind !== 'bucket' && x.label[0] !== 'log store my-project/fc-log',
    )) {
      expect(
        g.edges.some(
          (e) => e.from === n.id && (e.to === fn.id || g.nodes.find((m) => m.id === e.to)!.kind === 'function'),
        ),
        n.label[0],
      ).toBe(true);
    }
  });

  it('marks a log trigger that reads the log store its execution logs go to', () => {
    const g = graphOf({ 'l.yaml': read(join(ROOT, 'fixtures', 'log-trigger', 'fc3-self-logstore.yaml')) });
    const store = byLabel(g, 'log store my-project/app-log'),
      fn = byLabel(g, 'function f');
    expect(edge(g, store, fn, 'fires').marks).toEqual([{ ruleId: 'log-trigger', severity: 'error' }]);
    expect(edge(g, fn, store, 'logs').marks).toEqual([{ ruleId: 'log-trigger', severity: 'error' }]);
  });
});

describe('the graph in the public API', () => {
  it('is lint() with onModel, then buildGraph and renderGraph', async () => {
    const api = await import('../../src/index.js');
    let model: Model | undefined;
    const result = await api.lint(['examples/s.yaml'], {
      cwd: ROOT,
      env: {},
      onModel: (m) => {
        model = m;
      },
    });
    const graph = api.buildGraph(model!, result);
    expect(await api.renderGraph(graph, 'mermaid')).toBe(read(join(ROOT, 'test', 'graph', 'golden', 'examples.mmd')));
    expect(await api.renderGraph(graph, 'svg')).toMatch(
      /^<\?xml[\s\S]*<svg[\s\S]*recursive&#45;trigger \(error\)[\s\S]*<\/svg>\n$/,
    ); // Graphviz writes "-" as &#45;
    expect(api.GRAPH_FORMATS).toEqual(['mermaid', 'dot', 'json', 'svg']);
  });
});
