// `trigger-lint graph` as a user runs it (the built CLI), with its output pinned per format in
// test/graph/golden/<case>.<mmd|dot|json>. Regenerate with `npm run golden` and review the diff.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../e2e/run.js';
import { GOLDEN, GRAPH_CASES, TEXT_FORMATS } from './cases.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('trigger-lint graph, golden outputs', () => {
  for (const c of GRAPH_CASES) {
    for (const [format, ext] of TEXT_FORMATS) {
      it(`${c.name} as ${format}`, () => {
        const r = cli(['graph', '--no-config', '--format', format, ...c.paths]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const file = join(GOLDEN, `${c.name}.${ext}`);
        if (UPDATE) writeFileSync(file, r.stdout);
        else if (!existsSync(file))
          throw new Error(`missing golden file test/graph/golden/${c.name}.${ext}: run npm run golden and review it`);
        expect(r.stdout).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
