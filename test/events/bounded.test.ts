// `event validate` output is bounded (issue #25): a 6 KB one-line event with many errors printed
// 13.8 MB (each error re-printed the whole line), 60 KB ended in "internal error: Invalid string
// length", and 100,000-deep JSON overflowed the stack (exit 2).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_DIAGNOSTICS, runEventCli } from '../../src/events/cli.js';
import { MAX_EVENT_DEPTH, tooDeepAt } from '../../src/events/parse.js';
import { CORPUS } from './corpus.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEventCli(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readStdin: () => Promise.resolve(''),
  });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'tl-events-bounded-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** The corpus COS event (test/corpus/events/tencent/doc-cos.json) on one line, `n` records with two wrong types each (three errors). */
function manyErrors(n: number): string {
  const e = JSON.parse(readFileSync(`${CORPUS}tencent/doc-cos.json`, 'utf8'));
  const r = e.Records[0];
  r.event.eventName = 123;
  r.cos.cosObject.size = 'big';
  e.Records = Array.from({ length: n }, () => r);
  return JSON.stringify(e);
}

describe('event validate: bounded output', () => {
  it('a one-line event with 1,200 errors: the first 50, "and N more", no quoted 360 KB line', async () => {
    const r = await run(['validate', file('many.json', manyErrors(400))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.length).toBeLessThan(50_000);
    expect(r.stdout.match(/: error: /g)).toHaveLength(MAX_DIAGNOSTICS);
    expect(r.stdout).toContain(`many.json: and ${1200 - MAX_DIAGNOSTICS} more (the first ${MAX_DIAGNOSTICS} are shown`);
    expect(r.stdout).toMatch(/many\.json: 1200 errors — not a valid tencent\/cos event\n$/);
  });

  it('--format json still lists every diagnostic', async () => {
    const r = await run(['validate', file('many2.json', manyErrors(100)), '--format', 'json']);
    expect(JSON.parse(r.stdout).diagnostics).toHaveLength(300);
  });

  it('100,000-deep JSON: one error at the first bracket too deep, exit 1, no stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(tooDeepAt(deep)).toBe(MAX_EVENT_DEPTH);
    expect(tooDeepAt('{"a": "[[[[[[[["}', 3)).toBe(-1); // brackets in strings do not count
    const r = await run(['validate', file('deep.json', deep)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `deep.json:1:${MAX_EVENT_DEPTH + 1}: error: the event is nested deeper than ${MAX_EVENT_DEPTH} levels`,
    );
  });
});
