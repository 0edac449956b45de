// The graph says what the run says (issue #27, point 5): every edge of a loop found through
// handler code is marked, a file that does not parse is not drawn as an empty chart, SVG labels
// fit whatever font the viewer substitutes, and labels have no stray spaces.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../e2e/run.js';
import { helveticaWidth } from '../../src/graph/svg-text.js';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'tl-graph-truth-'));
  for (const [p, t] of Object.entries(files)) writeFileSync(join(d, p), t);
  return d;
}

describe('trigger-lint graph tells the truth', () => {
  it('marks the write edge that closes a loop found in handler code, like the others', () => {
    const r = cli(['graph', '--no-config', '-f', 'json', 'fixtures/recursive-trigger/code-oss2-python/']);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout);
    const fn = g.nodes.find((n: any) => n.label[0] === 'function thumbnailer');
    const write = g.edges.find((e: any) => e.from === fn.id && e.kind === 'writes');
    expect(write.marks).toEqual([{ ruleId: 'recursive-trigger', severity: 'error' }]);
    const loop = g.edges.filter((e: any) => e.marks.some((m: any) => m.ruleId === 'recursive-trigger'));
    expect(loop.map((e: any) => e.kind).sort()).toEqual(['fires', 'invokes', 'writes']);
  });

  it('a file that does not parse: its syntax findings on stderr, no graph, exit 1', () => {
    const d = dir({
      's.yaml': 'edition: 3.0.0\nresources:\n  f:\n    component: fc3\n    props: { a: ${vars.x}, b: 1 }\n',
    });
    const r = cli(['graph', '--no-config', 's.yaml'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`s.yaml:5:18: unquoted "\${vars.x}" inside a flow collection`);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(
      'trigger-lint graph: a file does not parse; fix the syntax errors above to draw the graph',
    );
  });

  it('labels an unnamed trigger without a trailing space', () => {
    const d = dir({
      'serverless.yml':
        'component: scf\nname: r\ninputs:\n  name: r\n  region: ap-guangzhou\n  triggers:\n    - type: cos\n      bucket: p-1250000000.cos.ap-guangzhou.myqcloud.com\n      filter:\n        prefix: a/\n      events: cos:ObjectCreated:*\n',
    });
    const g = JSON.parse(cli(['graph', '--no-config', '-f', 'json', 'serverless.yml'], { cwd: d }).stdout);
    const labels = [...g.nodes.flatMap((n: any) => n.label), ...g.edges.map((e: any) => e.label).filter(Boolean)];
    expect(g.nodes.find((n: any) => n.kind === 'trigger').label[0]).toBe('cos trigger');
    for (const l of labels) expect(l, JSON.stringify(l)).toBe(l.trim());
  });

  it('gives every SVG label the width Graphviz laid it out with', () => {
    const r = cli(['graph', '--no-config', '-f', 'svg', 'examples/']);
    expect(r.code).toBe(0);
    const texts = [...r.stdout.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)];
    expect(texts.length).toBeGreaterThan(10);
    for (const [, attrs] of texts) expect(attrs).toMatch(/ textLength="[\d.]+" lengthAdjust="spacingAndGlyphs"/);
  });

  it('measures text as Graphviz does (the width table is checked against Graphviz itself)', async () => {
    const { instance } = createRequire(import.meta.url)('@viz-js/viz') as typeof import('@viz-js/viz');
    const viz = await instance();
    const boxWidth = (label: string) => {
      const svg =
        viz.render(
          `digraph{node[shape=box,margin=0,fontname="Helvetica",fontsize=100,width=0,height=0]; a[label="${label.replace(/["\\]/g, '\\$&')}"]}`,
          { format: 'svg' },
        ).output ?? '';
      const xs = [...svg.matchAll(/<polygon[^>]*points="([^"]+)"/g)]
        .pop()![1]
        .trim()
        .split(' ')
        .map((p) => Number(p.split(',')[0]));
      return Math.max(...xs) - Math.min(...xs);
    };
    const empty = boxWidth('');
    const all = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    for (const label of [
      all,
      'oss trigger on-image',
      'ObjectCreated:PutObject',
      'writes source/thumb-... (code loop.py:19)',
      'WWW mmm iii',
    ]) {
      expect(Math.abs(boxWidth(label) - empty - helveticaWidth(label, 100)!), label).toBeLessThan(1);
    }
  });
});
