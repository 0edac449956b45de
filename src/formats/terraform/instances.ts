// `count`, `for_each` and `dynamic` blocks, as `terraform plan` expands them: a resource with a
// known `count = 0` (or an empty `for_each`) does not exist; a known count / for_each makes one
// instance per index or key (`name[0]`, `name["key"]`) binding `count.index` / `each.key` /
// `each.value`; a `dynamic "x"` block with a known `for_each` makes one `x` block per element
// (its iterator bound). When the count or for_each is not known, one instance stands for them
// all with every value unknown — never a guess, never an error.
import type { Location } from '../../types.js';
import type { Attr, Block, Scope } from './blocks.js';
import { str, unknown, type TfValue } from './value.js';

/** More instances than this are not expanded (their values are unknown). */
const MAX_INSTANCES = 1000;

export interface Evaluator {
  attr(a: Attr | undefined, scope?: Scope): TfValue | undefined;
  texts: Map<string, string>;
}

/** The reason a scope's values are unknown, from it or an enclosing one. */
export function unknownReason(scope: Scope | undefined): string | undefined {
  for (let s = scope; s; s = s.parent) if (s.unknown) return s.unknown;
  return undefined;
}

/** The value a scope binds to a name (`count`, `each`, an iterator), from it or an enclosing one. */
export function bound(scope: Scope | undefined, name: string): TfValue | undefined {
  for (let s = scope; s; s = s.parent) {
    const v = s.names.get(name);
    if (v) return v;
  }
  return undefined;
}

/** The label of an instance key: `[0]`, `["images"]`. */
export const instanceKey = (k: string | number): string => `[${typeof k === 'number' ? k : JSON.stringify(k)}]`;

/** The keys and values a `for_each` value iterates, or the reason they are not known. */
function elements(
  v: TfValue | undefined,
  what: string,
  set: boolean,
): { key: string | number; value: TfValue }[] | string {
  if (!v) return [];
  if (v.t === 'unknown') return `${what} is not known (${v.reason})`;
  if (v.t === 'obj') return [...v.fields].map(([key, f]) => ({ key, value: f.val }));
  if (v.t === 'list') {
    if (v.items.length > MAX_INSTANCES) return `${what} has more than ${MAX_INSTANCES} elements`;
    // a resource's set is keyed by its strings, a dynamic block's list by index
    return v.items.map((value, i) => ({ key: set ? (str(value) ?? i) : i, value }));
  }
  if (v.t === 'null') return [];
  return `${what} is a ${v.t}, not a map or set`;
}

const obj = (at: Location, fields: Record<string, TfValue>): TfValue => ({
  t: 'obj',
  fields: new Map(Object.entries(fields).map(([k, val]) => [k, { key: at, val }])),
  at,
});

/** The instances of a resource (or data source): itself when it has neither count nor for_each. */
export function resourceInstances(m: Evaluator, b: Block): Block[] {
  const [type, name] = b.labels;
  const countA = b.attrs.get('count');
  const eachA = b.attrs.get('for_each');
  const inst = (label: string, scope: Scope | undefined): Block => ({
    ...b,
    labels: [type, label],
    scope,
    blocks: expandBlocks(m, b.blocks, scope),
  });
  if (countA) {
    const v = m.attr(countA)!;
    const n = v.t === 'num' ? v.v : v.t === 'str' && /^\d+$/.test(v.v) ? Number(v.v) : undefined;
    if (n === undefined || !Number.isInteger(n) || n < 0 || n > MAX_INSTANCES) {
      const why = v.t === 'unknown' ? v.reason : n === undefined ? `a ${v.t}` : String(n);
      return [inst(name, { names: new Map(), unknown: `count is not known (${why})` })];
    }
    return Array.from({ length: n }, (_, i) =>
      inst(`${name}${instanceKey(i)}`, {
        names: new Map([['count', obj(v.at, { index: { t: 'num', v: i, at: v.at } })]]),
      }),
    );
  }
  if (eachA) {
    const els = elements(m.attr(eachA), 'for_each', true);
    if (typeof els === 'string') return [inst(name, { names: new Map(), unknown: els })];
    return els.map((e) =>
      inst(`${name}${instanceKey(e.key)}`, {
        names: new Map([
          ['each', obj(e.value.at, { key: { t: 'str', v: String(e.key), at: e.value.at }, value: e.value })],
        ]),
      }),
    );
  }
  return [b.blocks.some(hasDynamic) ? { ...b, blocks: expandBlocks(m, b.blocks, undefined) } : b];
}

const hasDynamic = (b: Block): boolean => b.type === 'dynamic' || b.blocks.some(hasDynamic);

/** Nested blocks with every `dynamic` block expanded and the scope of their instance. */
export function expandBlocks(m: Evaluator, blocks: Block[], scope: Scope | undefined): Block[] {
  if (!scope && !blocks.some(hasDynamic)) return blocks;
  const out: Block[] = [];
  for (const x of blocks) {
    if (x.type !== 'dynamic') {
      out.push({ ...x, scope, blocks: expandBlocks(m, x.blocks, scope) });
      continue;
    }
    const type = x.labels[0] ?? '';
    const content = x.blocks.find((c) => c.type === 'content');
    if (!content) continue;
    const it = x.attrs.get('iterator');
    const iterator = it ? (m.texts.get(it.file)?.slice(it.expr.startIndex, it.expr.endIndex).trim() ?? type) : type;
    const made = (s: Scope): Block => ({
      type,
      labels: [],
      head: x.head,
      attrs: content.attrs,
      blocks: expandBlocks(m, content.blocks, s),
      at: x.at,
      file: x.file,
      scope: s,
    });
    const els = elements(m.attr(x.attrs.get('for_each'), scope) ?? unknown('no for_each', x.head), 'for_each', false);
    if (typeof els === 'string') {
      out.push(made({ names: new Map(), unknown: `dynamic "${type}": ${els}`, parent: scope }));
      continue;
    }
    for (const e of els)
      out.push(
        made({
          names: new Map([
            [iterator, obj(e.value.at, { key: { t: 'str', v: String(e.key), at: e.value.at }, value: e.value })],
          ]),
          parent: scope,
        }),
      );
  }
  return out;
}
