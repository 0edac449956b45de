// Every Mermaid chart trigger-lint writes parses with Mermaid's own parser (the `mermaid`
// package, the one GitHub and the playground render with): the golden charts, and charts of
// names that need escaping.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN, GRAPH_CASES } from './cases.js';
import { mermaidParse } from './dom.js';
import { toMermaid } from '../../src/graph/mermaid.js';
import type { Graph } from '../../src/graph/types.js';

describe('Mermaid output', () => {
  for (const c of GRAPH_CASES) {
    it(`${c.name}.mmd parses as a flowchart`, async () => {
      const r = await mermaidParse(readFileSync(join(GOLDEN, `${c.name}.mmd`), 'utf8'));
      expect(r.diagramType).toBe('flowchart-v2');
    });
  }

  it('escapes names that are Mermaid syntax (quotes, brackets, pipes, arrows, #, ;, unicode)', async () => {
    const nasty = ['a"b', 'x]y', 'p|q', 'l --> r', '#35;', 'end', 'a;b', '图片 ✓', '{{x}}', '<br/>'];
    const graph: Graph = {
      nodes: nasty.map((s, i) => ({
        id: `n${i}`,
        kind: i % 2 ? 'bucket' : 'trigger',
        label: [s, s],
        data: {},
        marks: i === 3 ? [{ ruleId: 'trigger-overlap', severity: 'error' }] : [],
      })),
      edges: nasty
        .slice(1)
        .map((s, i) => ({ from: `n${i}`, to: `n${i + 1}`, kind: i % 3 ? 'writes' : 'overlaps', label: s, marks: [] })),
    };
    const r = await mermaidParse(toMermaid(graph));
    expect(r.diagramType).toBe('flowchart-v2');
  });

  it('the check can fail: a broken chart is rejected by the same parser', async () => {
    await expect(mermaidParse('flowchart LR\n  a[("unclosed) --> b\n')).rejects.toThrow(/Parse error/);
  });
});
