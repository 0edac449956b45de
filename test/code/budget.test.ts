// Reading handler code has a bounded cost and can never fail a run (issue #25): every module is
// charged to every function that reads it (cached or not), so a function's verdict never depends
// on the other functions of the run; an import chain deeper than MAX_IMPORT_DEPTH is cut instead
// of overflowing the stack; any exception, and any step or time budget reached, becomes an
// `incomplete-analysis` info finding on the function, and the writes found before it still count.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadParsers } from '../../src/code/parser.js';
import { lintSources } from '../../src/workflow/lint.js';
import { parseSource } from '../../src/source/source.js';
import type { CodeBudget } from '../../src/types.js';
import { only } from '../helpers.js';

beforeAll(loadParsers);

const fnYaml = (name: string, dir: string, bucket: string, handler = 'index.handler') => `  ${name}:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: ${name}
      runtime: python3.10
      handler: ${handler}
      code: ./${dir}
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:${bucket}
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: in/, suffix: '' } }
`;

const LOOP_PY = (imports = '') =>
  `import oss2, json\n${imports}\ndef handler(event, context):\n    e = json.loads(event)['events'][0]\n    b = oss2.Bucket(None, 'x', e['oss']['bucket']['name'])\n    b.put_object('in/' + e['oss']['object']['key'], b'')\n`;

function project(
  files: Record<string, string>,
  fns: ([string, string, string] | [string, string, string, string])[],
): { dir: string; yaml: (names: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'tl-budget-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  return {
    dir,
    yaml: (names) =>
      `edition: 3.0.0\nname: budget\nresources:\n${fns
        .filter(([n]) => names.includes(n))
        .map(([n, d, b, h]) => fnYaml(n, d, b, h))
        .join('')}`,
  };
}

function run(dir: string, yaml: string, codeBudget?: CodeBudget) {
  return lintSources(
    [parseSource('s.yaml', yaml)],
    { ...only('recursive-trigger', 'incomplete-analysis'), cwd: dir, codeBudget },
    new Set(['s.yaml']),
  );
}

function lint(dir: string, yaml: string, codeBudget?: CodeBudget) {
  return run(dir, yaml, codeBudget).files[0].findings;
}

/** A finding as a line that does not depend on where in the file its function is. */
const summary = (f: { ruleId: string; severity: string; message: string }) => `${f.ruleId} ${f.severity} ${f.message}`;

describe('handler code: bounded cost', () => {
  it("a function's verdict does not depend on the other functions of the run (modules shared past the byte budget)", () => {
    // five 240 KB helper modules: 1.2 MB > the 1 MiB per function. "first" imports all five (big5
    // does not fit its budget); "second" imports only big5, whose put() makes its loop. Before,
    // big5 was cached as absent for every function after "first", so "second"'s loop vanished
    // when the two were linted together.
    const big = (_i: number) =>
      `def put(b, key):\n    b.put_object('in/' + key, b'')\n'''\n${'padding padding padding\n'.repeat(10_000)}'''\n`;
    const files: Record<string, string> = {
      'a/index.py': LOOP_PY('import big1, big2, big3, big4, big5'),
      'a/other.py':
        "import oss2, json\nimport big5\ndef handler(event, context):\n    e = json.loads(event)['events'][0]\n    b = oss2.Bucket(None, 'x', e['oss']['bucket']['name'])\n    big5.put(b, e['oss']['object']['key'])\n",
    };
    for (let i = 1; i <= 5; i++) files[`a/big${i}.py`] = big(i);
    const { dir, yaml } = project(files, [
      ['first', 'a', 'one'],
      ['second', 'a', 'two', 'other.handler'],
    ]);
    const together = lint(dir, yaml(['first', 'second']))
      .map(summary)
      .sort();
    const apart = [...lint(dir, yaml(['first'])), ...lint(dir, yaml(['second']))].map(summary).sort();
    expect(together).toEqual(apart);
    // both loops are found; "first" says big5.py was not read
    expect(together.filter((s) => s.startsWith('recursive-trigger error'))).toHaveLength(2);
    expect(together.filter((s) => s.startsWith('incomplete-analysis info'))).toEqual([
      'incomplete-analysis info handler code not fully read for function "first": its modules are larger than 1 MiB in total (a/big5.py was not read); writes found before that are checked, the rest of the code is not; give the function a smaller code folder of its own, or raise the code budget (--code-budget-ms, codeBudget in .trigger-lint.yaml)',
    ]);
  });

  it('a chain of 500 local modules each importing the next: no stack overflow, the loop in the handler is still found', () => {
    const files: Record<string, string> = { 'c/index.py': LOOP_PY('import m0') };
    for (let i = 0; i < 500; i++) files[`c/m${i}.py`] = i < 499 ? `import m${i + 1}\nX = 1\n` : 'X = 1\n';
    const { dir, yaml } = project(files, [['chain', 'c', 'b']]);
    const got = lint(dir, yaml(['chain']));
    expect(got.map((f) => `${f.ruleId} ${f.severity}`).sort()).toEqual([
      'incomplete-analysis info',
      'recursive-trigger error',
    ]);
    expect(got.find((f) => f.ruleId === 'incomplete-analysis')!.message).toContain(
      'imports nested deeper than 32 modules',
    );
  });

  it('the step budget stops a function with an info finding, never silently, and writes found before it count', () => {
    const spin = `${LOOP_PY()}\ndef spin():\n    for i in range(10):\n${'        x = i\n'.repeat(200)}\n`;
    const { dir, yaml } = project({ 's/index.py': spin }, [['slow', 's', 'b']]);
    const within = lint(dir, yaml(['slow']));
    expect(within.map((f) => f.ruleId)).toEqual(['recursive-trigger']);
    const stopped = lint(dir, yaml(['slow']), { functionSteps: 20 });
    const info = stopped.find((f) => f.ruleId === 'incomplete-analysis');
    expect(info?.severity).toBe('info');
    expect(info?.message).toMatch(
      /^handler code not fully read for function "slow": evaluation stopped after 20 steps \(the per-function budget\)/,
    );
    expect(stopped.some((f) => f.ruleId === 'recursive-trigger')).toBe(true);
  });

  it('the run budget: once it is spent, later functions get the info finding instead of being read', () => {
    const { dir, yaml } = project({ 'a/index.py': LOOP_PY(), 'b/index.py': LOOP_PY() }, [
      ['one', 'a', 'x'],
      ['two', 'b', 'y'],
    ]);
    const got = lint(dir, yaml(['one', 'two']), { runMs: 0 });
    expect(got.filter((f) => f.ruleId === 'incomplete-analysis')).toHaveLength(2);
    expect(got.every((f) => f.ruleId !== 'incomplete-analysis' || f.message.includes("the run's budget"))).toBe(true);
  });

  it('a handler is evaluated once per run for the same inputs; its writes are reused by every function sharing it', () => {
    // ten functions with one handler: seven give it no OUT (the loop), three OUT=out/ (no loop);
    // a second module reads the environment too, so its value is an input of the evaluation
    const handler = `import oss2, json, os\nimport helper\ndef handler(event, context):\n    e = json.loads(event)['events'][0]\n    b = oss2.Bucket(None, 'x', e['oss']['bucket']['name'])\n    helper.put(b, e['oss']['object']['key'])\n`;
    const helper = `import os\nPREFIX = os.environ.get('OUT', 'in/')\ndef put(b, key):\n    b.put_object(PREFIX + key, b'')\n`;
    const fns: [string, string, string][] = [];
    for (let i = 0; i < 10; i++) fns.push([`f${i}`, 'h', `bucket${i}`]);
    const { dir, yaml } = project({ 'h/index.py': handler, 'h/helper.py': helper }, fns);
    const withEnv = (text: string) =>
      text.replace(/( {6}functionName: f[789]\n)/g, '$1      environmentVariables:\n        OUT: out/\n');
    const names = fns.map(([n]) => n);
    const together = run(dir, withEnv(yaml(names)));
    expect(together.codeStats).toEqual({ functions: 10, evaluations: 2 });
    const found = together.files[0].findings.map(summary).sort();
    const apart = names.flatMap((n) => run(dir, withEnv(yaml([n]))).files[0].findings.map(summary)).sort();
    expect(found).toEqual(apart);
    // f0…f6 loop (their writes go to in/ on their own bucket); f7…f9 write to out/: no finding
    expect(found.filter((s) => s.startsWith('recursive-trigger error'))).toHaveLength(7);
    expect(found.some((s) => /"f[789]"/.test(s))).toBe(false);
  });
});
