// Handler-code fuzz (issue #26): every real handler of test/corpus/code/ and every handler of the
// code fixtures, mutated with a fixed seed — statements dropped, names swapped, calls of
// Object.prototype names inserted (`toString`, `constructor`, `__proto__`, `hasOwnProperty`,
// `valueOf`) — goes through lint() with its trigger config and no exception escapes it. The
// unmutated inputs run too (each must still lint). Replay one with HANDLER_FUZZ_ONLY=<index>.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { lint } from '../../src/index.js';
import { loadParsers } from '../../src/code/parser.js';
import { CORPUS, ROOT } from '../helpers.js';

beforeAll(loadParsers);

const SEED = 26;
const PER_HANDLER = 12;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) =>
      statSync(join(dir, e)).isDirectory() ? (e === 'node_modules' ? [] : walk(join(dir, e))) : [join(dir, e)],
    );
}

const handlers = [
  ...walk(join(CORPUS, 'code')),
  ...walk(join(ROOT, 'fixtures', 'recursive-trigger')).filter((f) => f.includes('/code-') || f.includes('/valid-code')),
].filter((f) => ['.py', '.js', '.ts'].includes(extname(f)));

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] };
}

const PROTO = [
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];

function mutate(text: string, py: boolean, r: ReturnType<typeof rng>): { text: string; ops: string[] } {
  let lines = text.split('\n');
  const ops: string[] = [];
  for (let n = 1 + r.int(3); n > 0; n--) {
    const op = r.int(4);
    const i = r.int(lines.length);
    const indent = /^\s*/.exec(lines[i] ?? '')![0];
    if (op === 0) {
      lines.splice(i, 1);
      ops.push(`drop line ${i + 1}`);
      continue;
    }
    if (op === 1) {
      // swap two identifiers everywhere
      const ids = [...new Set(text.match(/\b[A-Za-z_][A-Za-z0-9_]{2,}\b/g) ?? [])];
      const [a, b] = [r.pick(ids), r.pick(ids)];
      if (a && b && a !== b) {
        lines = lines.map((l) =>
          l
            .replace(new RegExp(`\\b${a}\\b`, 'g'), '\u0000')
            .replace(new RegExp(`\\b${b}\\b`, 'g'), a)
            .split('\u0000')
            .join(b),
        );
        ops.push(`swap ${a}/${b}`);
      }
      continue;
    }
    const name = r.pick(PROTO);
    const ids = (lines[i] ?? '').match(/\b[A-Za-z_][A-Za-z0-9_]*\b/g) ?? ['x'];
    const recv = r.pick(ids);
    if (op === 2) {
      lines.splice(i, 0, `${indent}${recv}.${name}(${recv}, 'binary')${py ? '' : ';'}`);
      ops.push(`insert ${recv}.${name}() at ${i + 1}`);
      continue;
    }
    lines.splice(i, 0, py ? `${indent}${recv} = ${recv}.${name}` : `${indent}${recv} = ${recv}['${name}'];`); // rebind a name to a prototype member
    ops.push(`rebind ${recv} to .${name} at ${i + 1}`);
  }
  return { text: lines.join('\n'), ops };
}

const config = (file: string, runtime: string) => `edition: 3.0.0
name: fuzz
resources:
  f:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: f
      runtime: ${runtime}
      handler: ${file.replace(/\.(py|js|ts)$/, '')}.handler
      code: ./code
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:b
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: in/, suffix: '' } }
`;

describe('handler-code fuzz (fixed seed)', () => {
  it(`${handlers.length} real and fixture handlers × ${PER_HANDLER} mutants: no exception escapes lint()`, async () => {
    expect(handlers.length).toBeGreaterThanOrEqual(30);
    const only = process.env.HANDLER_FUZZ_ONLY !== undefined ? Number(process.env.HANDLER_FUZZ_ONLY) : undefined;
    const escaped: string[] = [];
    let index = 0;
    let inputs = 0;
    for (const h of handlers) {
      const original = readFileSync(h, 'utf8');
      const py = h.endsWith('.py');
      const r = rng(SEED * 7919 + index);
      for (let m = 0; m <= PER_HANDLER; m++, index++) {
        if (only !== undefined && index !== only) {
          if (m > 0) mutate(original, py, r);
          continue;
        }
        const { text, ops } = m === 0 ? { text: original, ops: [] } : mutate(original, py, r);
        const dir = mkdtempSync(join(tmpdir(), 'tl-handler-fuzz-'));
        mkdirSync(join(dir, 'code'));
        const file = `index${extname(h)}`;
        writeFileSync(join(dir, 'code', file), text);
        // every exported function name becomes `handler` too, so the evaluator starts from real code
        const fn = (py ? /^def (\w+)\(/m : /exports\.(\w+)\s*=|export (?:const|async function|function) (\w+)/m).exec(
          text,
        );
        const entry = fn ? (fn[1] ?? fn[2]) : 'handler';
        const cfg = config(file, py ? 'python3.10' : 'nodejs18').replace(
          /handler: index\.handler/,
          `handler: index.${entry}`,
        );
        inputs++;
        try {
          const result = await lint([{ path: 's.yaml', text: cfg }], { cwd: dir, env: {} });
          for (const f of result.files.flatMap((x) => x.findings)) {
            if (/internal error/i.test(f.message))
              escaped.push(`#${index} ${relative(ROOT, h)} (${ops.join('; ') || 'unmutated'}): ${f.message}`);
          }
        } catch (e) {
          escaped.push(
            `#${index} ${relative(ROOT, h)} (${ops.join('; ') || 'unmutated'}): ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`,
          );
        }
      }
    }
    expect(escaped).toEqual([]);
    expect(inputs).toBeGreaterThan(0);
  }, 300_000);
});
