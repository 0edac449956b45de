// What the handler-code stage finds in each code fixture (fixtures/recursive-trigger/*code*/):
// per trigger, every write of its function (how it is declared, its bucket, the key as a
// pattern) and, resolved for that trigger's filter, the prefix / suffix it writes under and
// whether it reaches the trigger. Pinned in test/code/writes/<case>.txt (UPDATE_GOLDEN=1
// regenerates), so a change in what the evaluators see shows up here before it shows as a finding.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadParsers } from '../../src/code/parser.js';
import { describeKey } from '../../src/model/key-pattern.js';
import { codeFunctions, readHandlerCode } from '../../src/code/stage.js';
import { bucketKey } from '../../src/model/filters.js';
import { buildModel } from '../../src/engine/lint.js';
import { reach, writesInto } from '../../src/model/recursion.js';
import { parseSource } from '../../src/source/source.js';
import { fixtureCases, read, rel, ROOT } from '../helpers.js';

beforeAll(loadParsers);

const GOLDEN = join(ROOT, 'test', 'code', 'writes');
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : '<unknown>');

function dump(files: string[]): string {
  const sources = files.map((f) => parseSource(rel(f), read(f)));
  const { model } = buildModel(sources, { env: {} });
  readHandlerCode(
    codeFunctions(model, () => true, ROOT),
    { cwd: ROOT },
  );
  const out: string[] = [];
  for (const t of model.storageTriggers) {
    out.push(
      `${show(t.function.name.value)} on ${show(t.bucket.value)} prefix ${show(t.prefix.value)} suffix ${show(t.suffix.value)}`,
    );
    for (const w of t.function.writes) {
      out.push(
        `  ${w.via} ${w.label ?? ''} → bucket ${w.bucket ? show(w.bucket.value) : '<the triggering bucket>'}${w.key ? ` key ${describeKey(w.key)}` : ''}`,
      );
      for (const g of w.guards ?? [])
        out.push(`    only when ${g.test} ${JSON.stringify(g.text)} is ${g.expect} (${g.label})`);
    }
    for (const w of writesInto(t, bucketKey(t))) {
      const p = w.prefix ? show(w.prefix.value) : '?';
      const s = w.suffix ? show(w.suffix.value) : '?';
      out.push(`  into its own bucket: prefix ${p} suffix ${s}${w.exact ? ' (exact)' : ''} → ${reach(w, t)}`);
    }
  }
  return out.join('\n') + '\n';
}

describe('handler-code writes of the code fixtures', () => {
  const cases = fixtureCases(join(ROOT, 'fixtures', 'recursive-trigger')).filter((c) => c.name.includes('code-'));
  it('covers every SDK fixture', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  for (const c of cases) {
    it(c.name, () => {
      const actual = dump(c.files);
      const file = join(GOLDEN, `${c.name}.txt`);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      if (!existsSync(file))
        throw new Error(
          `missing golden file ${relative(ROOT, file)}: run UPDATE_GOLDEN=1 npx vitest run test/code/writes.test.ts and review it`,
        );
      expect(actual).toBe(read(file));
    });
  }
});
