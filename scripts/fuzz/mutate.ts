// Mutation operators on the text of a trigger file. Each works on lines or characters, never
// on a parsed tree, so it produces what a user's editor can: broken indentation, a deleted or
// doubled line, a value pasted under the wrong key, a stray token, a control character.
import type { Rng } from './rng.js';
import { CONTROL, NUMBERS, REFERENCES, TOKENS } from './values.js';
import { typo } from './schema-gen.js';

export type Mutator = (rng: Rng, text: string, donor: string) => string;

const lines = (t: string) => t.split('\n');
const pickLine = (rng: Rng, ls: string[]) => rng.int(0, Math.max(0, ls.length - 1));
/** `key: value` lines: [line index, offset of the value in the line]. */
function valueLines(ls: string[]): [number, number][] {
  const out: [number, number][] = [];
  ls.forEach((l, i) => {
    const m = /^(\s*(?:-\s+)?[^\s#:][^:#]*:\s+)(\S.*)$/.exec(l);
    if (m) out.push([i, m[1].length]);
  });
  return out;
}
/** Replace the value of a random `key: value` line (or, failing that, insert at a random offset). */
function withValue(rng: Rng, text: string, make: (old: string) => string): string {
  const ls = lines(text);
  const vs = valueLines(ls);
  if (!vs.length) return insertAt(rng, text, make(''));
  const [i, at] = rng.pick(vs);
  ls[i] = ls[i].slice(0, at) + make(ls[i].slice(at));
  return ls.join('\n');
}
function insertAt(rng: Rng, text: string, s: string): string {
  const at = rng.int(0, text.length);
  return text.slice(0, at) + s + text.slice(at);
}

export const MUTATORS: Record<string, Mutator> = {
  deleteLine(rng, t) {
    const ls = lines(t);
    const i = pickLine(rng, ls);
    ls.splice(i, rng.geometric(4));
    return ls.join('\n');
  },
  duplicateLine(rng, t) {
    const ls = lines(t);
    const i = pickLine(rng, ls);
    const n = rng.geometric(5);
    ls.splice(i, 0, ...ls.slice(i, i + n));
    return ls.join('\n');
  },
  /** A block of lines repeated many times: size and quadratic behaviour. */
  repeatBlock(rng, t) {
    const ls = lines(t);
    const i = pickLine(rng, ls);
    const block = ls.slice(i, i + rng.int(1, 12));
    const copies = Array.from({ length: rng.pick([10, 50, 200]) }, () => block).flat();
    ls.splice(i, 0, ...copies);
    return ls.join('\n');
  },
  indent(rng, t) {
    const ls = lines(t);
    const i = pickLine(rng, ls);
    const n = rng.geometric(6);
    for (let j = i; j < Math.min(ls.length, i + n); j++) {
      const d = rng.pick([-4, -2, -1, 1, 2, 4]);
      ls[j] = d > 0 ? rng.pick([' ', ' ', '\t']).repeat(d) + ls[j] : ls[j].replace(new RegExp(`^ {0,${-d}}`), '');
    }
    return ls.join('\n');
  },
  /** The value of one key moved under another, and that one's value back. */
  swapScalars(rng, t) {
    const ls = lines(t);
    const vs = valueLines(ls);
    if (vs.length < 2) return t;
    const [a, ao] = rng.pick(vs);
    const [b, bo] = rng.pick(vs);
    const va = ls[a].slice(ao);
    const vb = ls[b].slice(bo);
    ls[a] = ls[a].slice(0, ao) + vb;
    ls[b] = ls[b].slice(0, bo) + va;
    return ls.join('\n');
  },
  reference: (rng, t) =>
    withValue(rng, t, (old) => (rng.chance(0.5) ? rng.pick(REFERENCES) : `${old}${rng.pick(REFERENCES)}`)),
  token: (rng, t) =>
    rng.chance(0.5) ? withValue(rng, t, (old) => `${rng.pick(TOKENS)} ${old}`) : insertAt(rng, t, rng.pick(TOKENS)),
  /** An anchor on one value and aliases elsewhere: merges, dangling and self-referencing aliases. */
  anchors(rng, t) {
    const name = rng.pick(['a', 'a', 'b', 'x1']);
    let out = withValue(rng, t, (old) => `&${name} ${old}`);
    for (let n = rng.geometric(3); n > 0; n--) {
      out = rng.chance(0.5)
        ? withValue(rng, out, () => `*${rng.pick([name, name, 'zz'])}`)
        : insertLine(rng, out, `<<: *${name}`);
    }
    return out;
  },
  control: (rng, t) => insertAt(rng, t, rng.pick(CONTROL).repeat(rng.geometric(3))),
  hugeNumber: (rng, t) => withValue(rng, t, () => rng.pick(NUMBERS)),
  multiDocument(rng, t, donor) {
    switch (rng.int(0, 3)) {
      case 0:
        return `${t}\n---\n${donor}`;
      case 1:
        return insertLine(rng, t, rng.pick(['---', '...', '--- !x', '--- |', '%YAML 1.1\n---']));
      case 2:
        return `---\n${t}\n...\n---\n${t}`;
      default:
        return `${t}\n---\n`;
    }
  },
  /** Lines of another file spliced in (a merge conflict resolved badly). */
  crossover(rng, t, donor) {
    const ls = lines(t);
    const ds = lines(donor);
    const at = pickLine(rng, ds);
    ls.splice(pickLine(rng, ls), rng.int(0, 3), ...ds.slice(at, at + rng.geometric(10)));
    return ls.join('\n');
  },
  renameKey(rng, t) {
    const ls = lines(t);
    const keyed = ls
      .map((l, i) => [i, /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*)(\s*:)/.exec(l)] as const)
      .filter(([, m]) => m);
    if (!keyed.length) return t;
    const [i, m] = rng.pick(keyed);
    ls[i] = m![1] + typo(rng, m![2]) + ls[i].slice(m![1].length + m![2].length);
    return ls.join('\n');
  },
  truncate: (rng, t) => t.slice(0, rng.int(0, t.length)),
  flipChar(rng, t) {
    if (!t.length) return t;
    const at = rng.int(0, t.length - 1);
    return (
      t.slice(0, at) +
      rng.pick([':', '-', ' ', '\n', '"', "'", '{', '[', '#', '&', '*', '!', '%', '@', '\\', 'x', '0']) +
      t.slice(at + 1)
    );
  },
  deepNesting(rng, t) {
    const depth = rng.pick([50, 500, 3000]);
    const open = rng.pick(['[', '{a: ', '- ']);
    const nest =
      open === '- '
        ? Array.from({ length: Math.min(depth, 400) }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')
        : open.repeat(depth) + 'x' + (open === '[' ? ']' : '}').repeat(depth);
    return withValue(rng, t, () => (open === '- ' ? `\n${nest}` : nest));
  },
  crlf: (_rng, t) => t.replace(/\n/g, '\r\n'),
  bom: (_rng, t) => `\ufeff${t}`,
};

function insertLine(rng: Rng, text: string, line: string): string {
  const ls = lines(text);
  const i = rng.int(0, ls.length);
  const indent = /^\s*/.exec(ls[Math.min(i, ls.length - 1)] ?? '')?.[0] ?? '';
  ls.splice(i, 0, indent + line);
  return ls.join('\n');
}

export const MUTATOR_NAMES = Object.keys(MUTATORS);

/**
 * The largest mutant (characters): a trigger file is kilobytes, and lint time grows with size
 * (`npm run bench` measures how), so a mutant past this is skipped rather than timed. Within
 * it, a slow input means super-linear work, which is what the fuzzer looks for.
 */
export const MAX_INPUT_CHARS = 256 * 1024;

/** Apply 1–6 random operators; returns the text and the operators' names in order. */
export function mutate(rng: Rng, text: string, donor: string): { text: string; ops: string[] } {
  const ops: string[] = [];
  let out = text;
  for (let n = rng.geometric(6); n > 0; n--) {
    const op = rng.pick(MUTATOR_NAMES);
    const next = MUTATORS[op](rng, out, donor);
    if (next.length > MAX_INPUT_CHARS && next.length > out.length) continue;
    ops.push(op);
    out = next;
  }
  return { text: out, ops };
}
