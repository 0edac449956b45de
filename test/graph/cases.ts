// The inputs whose graphs are pinned in test/graph/golden/: the README's example, the cycle
// fixtures, a cycle across two files and two formats, every trigger kind, overlaps, and
// writes found in handler code.
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export const GRAPH_CASES: { name: string; paths: string[] }[] = [
  { name: 'examples', paths: ['examples/'] },
  { name: 'cycle', paths: ['fixtures/recursive-trigger/fc3-cycle.yaml'] },
  { name: 'cross-file', paths: ['test/graph/cases/cross-file'] },
  {
    name: 'every-kind',
    paths: ['fixtures/schema/valid-fc3-every-trigger.yaml', 'fixtures/log-trigger/fc3-self-logstore.yaml'],
  },
  { name: 'overlap', paths: ['fixtures/trigger-overlap/fc3-overlaps.yaml'] },
  // writes found in handler code (Python oss2): labelled with what the written key starts with
  { name: 'code', paths: ['fixtures/recursive-trigger/code-oss2-python/'] },
];

export const TEXT_FORMATS = [
  ['mermaid', 'mmd'],
  ['dot', 'dot'],
  ['json', 'json'],
] as const;

export const GOLDEN = join(ROOT, 'test', 'graph', 'golden');
