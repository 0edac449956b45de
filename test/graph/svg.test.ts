// SVG without a browser: `trigger-lint graph --format svg examples/` writes a well-formed SVG
// (Graphviz compiled to wasm, @viz-js/viz) showing the example's loop in red; every golden DOT
// file lays out with Graphviz without an error or a warning.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instance } from '@viz-js/viz';
import { cli } from '../e2e/run.js';
import { GOLDEN, GRAPH_CASES } from './cases.js';
import { parseSvg } from './dom.js';

/** Graphviz draws each edge as <g class="edge"><title>from&#45;&gt;to</title><path stroke=…/><text>…</text></g>. */
function edges(doc: Document): { title: string; stroke: string | null; text: string }[] {
  return [...doc.querySelectorAll('g.edge')].map((g) => ({
    title: g.querySelector('title')?.textContent ?? '',
    stroke: g.querySelector('path')?.getAttribute('stroke') ?? null,
    text: [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '),
  }));
}

describe('trigger-lint graph --format svg', () => {
  it('draws the loop of examples/s.yaml in red, labelled with its rule', () => {
    const r = cli(['graph', '--no-config', '--format', 'svg', 'examples/']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = parseSvg(r.stdout);
    expect(doc.documentElement.nodeName).toBe('svg');
    const titles = [...doc.querySelectorAll('g.node title')].map((t) => t.textContent);
    expect(titles.sort()).toEqual(['b0', 'b1', 'b2', 'f0', 'f1', 't0', 't1', 't2', 't3']);
    const nodeText = (id: string) =>
      [...doc.querySelectorAll('g.node')].find((g) => g.querySelector('title')?.textContent === id)!.textContent;
    expect(nodeText('b0')).toContain('photo-uploads');
    expect(nodeText('f0')).toContain('function thumbnailer');
    expect(nodeText('b1')).toContain('bucket ?'); // ${vars.bukcet} is drawn as unknown, not guessed
    const all = edges(doc);
    const loop = all.find((e) => e.title === 'f0->b0')!;
    expect(loop).toMatchObject({ stroke: '#cc0000' });
    expect(loop.text).toContain('writes thumbs/ (env OUTPUT_PREFIX)');
    expect(loop.text).toContain('recursive-trigger (error)');
    expect(
      all
        .filter((e) => e.stroke === '#cc0000')
        .map((e) => e.title)
        .sort(),
    ).toEqual(['b0->t0', 'f0->b0', 't0->f0']);
    expect(all.find((e) => e.title === 'b0->t1')!.stroke).toBe('black'); // the other trigger is not in the loop
  });

  it('writes the SVG to a file with -o', () => {
    const out = join(process.env.TMPDIR ?? '/tmp', `tl-graph-${process.pid}.svg`);
    const r = cli(['graph', '--no-config', '-f', 'svg', '-o', out, 'examples/s.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(parseSvg(readFileSync(out, 'utf8')).querySelectorAll('g.edge').length).toBe(9);
  });
});

describe('DOT output', () => {
  for (const c of GRAPH_CASES) {
    it(`${c.name}.dot lays out with Graphviz without errors or warnings`, async () => {
      const viz = await instance();
      const r = viz.render(readFileSync(join(GOLDEN, `${c.name}.dot`), 'utf8'), { format: 'svg' });
      expect(r.errors).toEqual([]);
      expect(r.status).toBe('success');
    });
  }

  it('the check can fail: Graphviz rejects a broken graph', async () => {
    const viz = await instance();
    const r = viz.render('digraph { a -> ', { format: 'svg' });
    expect(r.status).toBe('failure');
    expect(r.errors.length).toBeGreaterThan(0);
  });
});
