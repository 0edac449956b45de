// Generic value resolution over a YAML document. A dialect (Serverless Devs, Tencent, ROS…)
// evaluates the text of one `${…}` reference; this module does the rest: splitting strings
// into literal and reference pieces with exact source spans, following references to whole
// nodes, string interpolation, alias budgets, cycle guards, and the resolved-JSON view that
// schema validation uses. An unresolved value is `Unknown`; rules never report on it.
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Location } from '../types.js';
import type { JsonView } from '../model/schema-target.js';
import { Unknown, type AnalysisLimit, type Located, type UndefinedRef } from '../model/model.js';
import type { Source } from '../source/source.js';
import { isPlaceholder } from '../source/source.js';
import { AliasBudget, contentStart, isVerbatim, nodeLoc, entries } from '../source/yamlnav.js';

/** What a dialect returns for one reference. */
export type RefResult =
  | { kind: 'node'; node: Node; origin: Location }
  | { kind: 'string'; value: string; origin?: Location }
  | { kind: 'unknown'; reason: string }
  | { kind: 'undefined'; message: string; related?: { at: Location; message: string }[] };

export interface Dialect {
  /** Regex matching one reference; group 1 is the expression. Must be global. */
  pattern: RegExp;
  evaluate(expr: string, r: Resolver): RefResult;
  /** What a reference's value depends on besides the node it names (e.g. the resource `${this.…}` reads); part of the memo key. */
  context?(): unknown;
}

export type Limit = AnalysisLimit;

export interface Piece {
  value: string | Unknown;
  at: Location;
  origin?: Location;
}

export const UNKNOWN_MARK = '\u0000trigger-lint:unknown';

export type { JsonView };

const MAX_DEPTH = 16;
const MAX_JSON_DEPTH = 256;
/** Values in one JSON view, at most: aliases copy their anchor's values at every use (a 1,000-value anchor used 1,000 times is a million). */
export const MAX_JSON_NODES = 200_000;
/** References expanded into other strings per file, at most (each node once per context, memoized). */
export const MAX_EXPANSIONS = 20_000;
/** Characters of one expanded value, at most (a bucket name or ARN is short; 4 references per level for 14 levels is 268 million). */
export const MAX_EXPANDED_LENGTH = 65_536;

interface Expanded {
  value: string | Unknown;
  context: unknown;
  /** The depth at which the value was cut short by the depth limit (valid only at that depth or deeper); undefined when complete. */
  cutAt?: number;
}

export class Resolver {
  readonly budget: AliasBudget;
  readonly undefinedRefs: UndefinedRef[] = [];
  private reported = new Set<number>();
  private indexes = new WeakMap<YAMLMap, Map<string, Pair<Scalar, Node>>>();
  private depth = 0;
  /** Each node expanded into a string once per dialect context (the same chain no longer re-expands 4^n times). */
  private expanded = new Map<Scalar, Expanded>();
  private expansions = 0;
  /** Times the depth limit cut an expansion short (a value computed while this grew is valid only that deep). */
  cuts = 0;
  /** The first place a budget was hit, for `incomplete-analysis`. */
  readonly limits: Limit[] = [];

  constructor(
    readonly source: Source,
    readonly doc: import('yaml').Document.Parsed,
    public dialect: Dialect | null,
  ) {
    this.budget = new AliasBudget(doc);
  }

  get file(): string {
    return this.source.path;
  }

  loc(node: Node | null | undefined, fallback?: Location): Location {
    return nodeLoc(this.file, node ?? undefined, fallback);
  }

  /** Follow aliases and whole-value references to the node they stand for. */
  deref(node: Node | null | undefined): { node: Node; origin?: Location } | Unknown | undefined {
    let n = this.budget.deref(node) as Node | undefined;
    if (!n) return node && isAlias(node) ? new Unknown('alias limit') : undefined;
    let origin: Location | undefined;
    for (let hops = 0; hops < MAX_DEPTH; hops++) {
      if (!this.dialect || !isScalar(n) || typeof n.value !== 'string') return { node: n, origin };
      const whole = this.wholeRef(n);
      if (!whole) return { node: n, origin };
      const res = this.evalGuarded(whole.expr, whole.at);
      if (res.kind === 'node') {
        const next = this.budget.deref(res.node) as Node | undefined;
        if (!next) return new Unknown('alias limit');
        n = next;
        origin = origin ?? res.origin;
        continue;
      }
      if (res.kind === 'unknown' || res.kind === 'undefined')
        return new Unknown(res.kind === 'unknown' ? res.reason : res.message);
      return { node: n, origin };
    }
    return new Unknown('reference chain too long');
  }

  map(node: Node | null | undefined): YAMLMap | undefined {
    const d = this.deref(node);
    return d && !(d instanceof Unknown) && isMap(d.node) ? d.node : undefined;
  }

  seq(node: Node | null | undefined): YAMLSeq | undefined {
    const d = this.deref(node);
    return d && !(d instanceof Unknown) && isSeq(d.node) ? d.node : undefined;
  }

  /** Child of a map by key (first matching spelling wins), dereferenced. */
  get(map: YAMLMap | undefined, ...keys: string[]): Node | undefined {
    if (!map) return undefined;
    const index = this.keyIndex(map);
    for (const key of keys) {
      const pair = index.get(key);
      if (pair) return pair.value ?? undefined;
    }
    return undefined;
  }

  /** Key node of a map entry, for findings about the key itself. */
  keyNode(map: YAMLMap | undefined, ...keys: string[]): Scalar | undefined {
    if (!map) return undefined;
    const index = this.keyIndex(map);
    for (const key of keys) {
      const pair = index.get(key);
      if (pair) return pair.key;
    }
    return undefined;
  }

  has(map: YAMLMap | undefined, ...keys: string[]): boolean {
    if (!map) return false;
    const index = this.keyIndex(map);
    return keys.some((k) => index.has(k));
  }

  /**
   * Key → first pair of a map, built once per map: lookups in a file's `resources` of thousands
   * of functions stay O(1) instead of a scan per lookup (that was quadratic on large files).
   */
  private keyIndex(map: YAMLMap): Map<string, Pair<Scalar, Node>> {
    let index = this.indexes.get(map);
    if (!index) {
      index = new Map();
      for (const [k, pair] of entries(map)) if (!index.has(k)) index.set(k, pair);
      this.indexes.set(map, index);
    }
    return index;
  }

  /** A scalar's value as pieces: literal text with exact spans, and resolved references. */
  pieces(node: Node | null | undefined): Piece[] | undefined {
    const n = this.budget.deref(node) as Node | undefined;
    if (!n) return undefined;
    if (!isScalar(n)) return undefined;
    const at = this.loc(n);
    if (isPlaceholder(this.source, at.start, at.end)) return [{ value: new Unknown('template placeholder'), at }];
    if (n.value === null || n.value === undefined) return undefined;
    // .nan and .inf are shown as written (JavaScript would say NaN and Infinity)
    if (typeof n.value === 'number' && !Number.isFinite(n.value))
      return [{ value: this.source.text.slice(at.start, at.end).trim(), at }];
    if (typeof n.value !== 'string') return [{ value: String(n.value), at }];
    return this.stringPieces(n);
  }

  private stringPieces(n: Scalar): Piece[] {
    const value = n.value as string;
    const at = this.loc(n);
    const verbatim = isVerbatim(this.source.text, n);
    const base = contentStart(n);
    const span = (from: number, to: number): Location =>
      verbatim ? { file: this.file, start: base + from, end: base + to } : at;
    if (!this.dialect) return [{ value, at }];
    const out: Piece[] = [];
    const re = new RegExp(this.dialect.pattern.source, 'g');
    let last = 0;
    for (let m = re.exec(value); m; m = re.exec(value)) {
      if (m.index > last) out.push({ value: value.slice(last, m.index), at: span(last, m.index) });
      const refAt = this.refSpan(n, m[0], m.index, verbatim, base);
      const res = this.evalGuarded(m[1], refAt);
      if (res.kind === 'string') out.push({ value: res.value, at: refAt, origin: res.origin });
      else if (res.kind === 'node') {
        const inner = this.budget.deref(res.node) as Node | undefined;
        if (inner && isScalar(inner) && inner.value !== null && inner.value !== undefined) {
          const joined = typeof inner.value !== 'string' ? String(inner.value) : this.expand(inner, refAt);
          out.push({ value: joined, at: refAt, origin: res.origin });
        } else out.push({ value: new Unknown('reference to a non-string value'), at: refAt, origin: res.origin });
      } else out.push({ value: new Unknown(res.kind === 'unknown' ? res.reason : res.message), at: refAt });
      last = m.index + m[0].length;
    }
    if (last < value.length || out.length === 0) out.push({ value: value.slice(last), at: span(last, value.length) });
    return out;
  }

  /**
   * A referenced string node's value with its own references resolved, memoized per node and
   * dialect context, within the expansion budget (count and length): past it, unknown, and the
   * first place it was hit is recorded in `limits`.
   */
  private expand(inner: Scalar, refAt: Location): string | Unknown {
    const context = this.dialect?.context?.();
    const hit = this.expanded.get(inner);
    if (hit && hit.context === context && (hit.cutAt === undefined || this.depth >= hit.cutAt)) return hit.value;
    if (this.depth >= MAX_DEPTH) {
      this.cuts++;
      return new Unknown('reference cycle');
    }
    if (++this.expansions > MAX_EXPANSIONS)
      return this.overBudget(
        refAt,
        `more than ${MAX_EXPANSIONS.toLocaleString('en')} references expanded in this file`,
      );
    const cuts = this.cuts;
    let value: string | Unknown;
    this.depth++;
    try {
      value = joinPieces(this.stringPieces(inner));
    } finally {
      this.depth--;
    }
    if (typeof value === 'string' && value.length > MAX_EXPANDED_LENGTH) {
      value = this.overBudget(
        refAt,
        `the value would be longer than ${MAX_EXPANDED_LENGTH.toLocaleString('en')} characters`,
      );
    }
    this.expanded.set(inner, { value, context, cutAt: this.cuts === cuts ? undefined : this.depth });
    return value;
  }

  /** Record the first budget hit of this file (at `at`) and return the unknown value it leaves. */
  overBudget(at: Location, why: string, remedy = 'write it without so many nested references'): Unknown {
    if (!this.limits.length) {
      const text = this.source.text.slice(at.start, at.end).replace(/\s+/g, ' ');
      const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
      this.limits.push({
        at,
        message: `references not fully resolved at "${shown}": ${why}; this value and every value built from it are treated as unknown (nothing is reported on them); ${remedy}`,
      });
    }
    return new Unknown('expansion budget');
  }

  private refSpan(n: Scalar, text: string, index: number, verbatim: boolean, base: number): Location {
    if (verbatim) return { file: this.file, start: base + index, end: base + index + text.length };
    const r = n.range!;
    const raw = this.source.text.slice(r[0], r[1]);
    const i = raw.indexOf(text);
    return i >= 0 ? { file: this.file, start: r[0] + i, end: r[0] + i + text.length } : this.loc(n);
  }

  private wholeRef(n: Scalar): { expr: string; at: Location } | undefined {
    const value = n.value as string;
    // the first reference, as the engine finds it, must span the whole value: an anchored pattern
    // would stretch a lazy `${…}` over `${a}${b}` and read "a}${b" as one name
    const re = new RegExp(this.dialect!.pattern.source, 'g');
    const m = re.exec(value);
    if (!m || m.index !== 0 || m[0].length !== value.length) return undefined;
    return { expr: m[1], at: this.refSpan(n, m[0], 0, isVerbatim(this.source.text, n), contentStart(n)) };
  }

  private evalGuarded(expr: string, at: Location): RefResult {
    if (this.depth >= MAX_DEPTH) {
      this.cuts++;
      return { kind: 'unknown', reason: 'reference cycle' };
    }
    this.depth++;
    try {
      const res = this.dialect!.evaluate(expr.trim(), this);
      if (res.kind === 'undefined' && !this.reported.has(at.start)) {
        this.reported.add(at.start);
        this.undefinedRefs.push({ at, expression: expr.trim(), message: res.message, related: res.related });
      }
      return res;
    } finally {
      this.depth--;
    }
  }

  /**
   * Evaluate every reference under a node, so a reference that names nothing is reported
   * (`undefined-variable`) even where no rule reads the value (a description, a tag…).
   */
  touchAll(node: Node | null | undefined): void {
    if (!this.dialect) return;
    const stack: unknown[] = [node];
    let visited = 0;
    while (stack.length && visited++ < 200_000) {
      const n = stack.pop();
      if (!n || typeof n !== 'object') continue;
      if (isScalar(n)) {
        if (typeof n.value === 'string' && n.value.includes('${')) this.pieces(n);
      } else if (isMap(n)) {
        for (const p of n.items) stack.push(p.value);
      } else if (isSeq(n)) {
        for (const it of n.items) stack.push(it);
      }
    }
  }

  /** A scalar as a located string (numbers and booleans as their text). */
  str(node: Node | null | undefined, fallbackAt?: Location): Located<string> | undefined {
    if (node === null || node === undefined) return undefined;
    const d = this.deref(node);
    if (d instanceof Unknown) return { value: d, at: this.loc(node, fallbackAt) };
    if (!d) return undefined;
    const at = this.loc(node, fallbackAt);
    if (!isScalar(d.node)) return { value: new Unknown('not a string'), at };
    const pieces = this.pieces(d.node);
    if (!pieces) return undefined;
    const single = pieces.length === 1 ? pieces[0] : undefined;
    let value = joinPieces(pieces);
    // a whole-value reference lands here, not in expand(): the same length budget
    if (typeof value === 'string' && value.length > MAX_EXPANDED_LENGTH)
      value = this.overBudget(
        at,
        `the value would be longer than ${MAX_EXPANDED_LENGTH.toLocaleString('en')} characters`,
      );
    return { value, at, origin: d.origin ?? single?.origin };
  }

  /** Split a scalar on a separator into located fields (an unknown piece never splits). */
  fields(node: Node | null | undefined, sep: string): Located<string>[] | undefined {
    const d = this.deref(node);
    if (!d || d instanceof Unknown || !isScalar(d.node)) return undefined;
    const pieces = this.pieces(d.node);
    if (!pieces) return undefined;
    const out: { parts: Piece[] }[] = [{ parts: [] }];
    for (const p of pieces) {
      if (p.value instanceof Unknown) {
        out[out.length - 1].parts.push(p);
        continue;
      }
      const pv = p.value;
      const chunks = pv.split(sep);
      let off = 0;
      chunks.forEach((chunk, i) => {
        if (i > 0) out.push({ parts: [] });
        const sub: Location =
          p.at.end - p.at.start === pv.length && !p.origin
            ? { file: p.at.file, start: p.at.start + off, end: p.at.start + off + chunk.length }
            : p.at;
        out[out.length - 1].parts.push({ value: chunk, at: sub, origin: p.origin });
        off += chunk.length + sep.length;
      });
    }
    return out.map(({ parts }) => {
      const nonEmpty = parts.filter((p) => !(typeof p.value === 'string' && p.value === '' && parts.length > 1));
      const use = nonEmpty.length ? nonEmpty : parts;
      const at: Location = use.length
        ? { file: use[0].at.file, start: use[0].at.start, end: use[use.length - 1].at.end }
        : this.loc(d.node);
      return { value: joinPieces(parts), at, origin: parts.length === 1 ? parts[0].origin : undefined };
    });
  }

  /** The resolved JSON value of a node, with locations of every key and value. */
  json(node: Node | null | undefined, pointer = ''): JsonView {
    const view: JsonView = { value: undefined, locations: new Map(), unknown: new Set() };
    view.value = this.toJson(node, pointer, view, 0, undefined, new Set(), undefined);
    return view;
  }

  private toJson(
    node: Node | null | undefined,
    ptr: string,
    view: JsonView,
    depth: number,
    keyLoc: Location | undefined,
    /** The collections being written out above this value: an alias back to one of them is a cycle. */
    open: Set<Node>,
    /** The outermost alias whose anchor is being written out here (where a budget hit is shown). */
    alias: Location | undefined,
  ): unknown {
    const at = this.loc(node ?? undefined);
    if (!alias && isAlias(node)) alias = at;
    if (depth > MAX_JSON_DEPTH) {
      view.unknown.add(ptr);
      view.locations.set(ptr, { key: keyLoc, value: at });
      return UNKNOWN_MARK;
    }
    if (view.locations.size >= MAX_JSON_NODES) {
      this.overBudget(
        alias ?? at,
        `the values aliases copy exceed ${MAX_JSON_NODES.toLocaleString('en-US')}`,
        'use fewer aliases of large anchors',
      );
      view.unknown.add(ptr);
      view.locations.set(ptr, { key: keyLoc, value: at });
      return UNKNOWN_MARK;
    }
    const d = this.deref(node);
    view.locations.set(ptr, { key: keyLoc, value: at });
    // a recursive structure (an alias inside the node it names) has no JSON form
    if (d instanceof Unknown || (d && open.has(d.node))) {
      view.unknown.add(ptr);
      return UNKNOWN_MARK;
    }
    if (!d) return null;
    const n = d.node;
    if (isMap(n)) {
      const obj: Record<string, unknown> = {};
      open.add(n);
      for (const [k, pair] of entries(n)) {
        const p = `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        obj[k] = this.toJson(pair.value ?? null, p, view, depth + 1, this.loc(pair.key), open, alias);
        if (pair.value === null || pair.value === undefined)
          view.locations.set(p, { key: this.loc(pair.key), value: this.loc(pair.key) });
      }
      open.delete(n);
      return obj;
    }
    if (isSeq(n)) {
      open.add(n);
      const list = n.items.map((item, i) =>
        this.toJson(item as Node, `${ptr}/${i}`, view, depth + 1, undefined, open, alias),
      );
      open.delete(n);
      return list;
    }
    if (isScalar(n)) {
      if (typeof n.value === 'string') {
        const pieces = this.pieces(n)!;
        const v = joinPieces(pieces);
        if (v instanceof Unknown || v.length > MAX_EXPANDED_LENGTH) {
          view.unknown.add(ptr);
          return UNKNOWN_MARK;
        }
        return v;
      }
      if (isPlaceholder(this.source, at.start, at.end)) {
        view.unknown.add(ptr);
        return UNKNOWN_MARK;
      }
      return n.value ?? null;
    }
    view.unknown.add(ptr);
    return UNKNOWN_MARK;
  }
}

export function joinPieces(pieces: Piece[]): string | Unknown {
  let s = '';
  for (const p of pieces) {
    if (p.value instanceof Unknown) return p.value;
    s += p.value;
  }
  return s;
}
