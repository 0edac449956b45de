// Evaluating Terraform expressions of one module: literals, `"${…}"` templates, heredocs,
// tuples and objects, `var.x` (tfvars, module arguments, then the default), `local.x`,
// references between resources (`aws_s3_bucket.b.bucket`, `.id` of a bucket, an instance
// `aws_s3_bucket.b[0]`), `count.index` / `each.key` / `each.value` / a dynamic block's iterator
// (instances.ts), `!`, comparisons, `&&`, `||`, arithmetic of known values, `path.module`, and the
// functions jsonencode, format, join, lower, upper, tostring, trimspace, trimprefix, trimsuffix,
// replace, concat, length, keys, values, tolist, toset, tomap. Anything else is unknown.
import type { Location } from '../../types.js';
import type { SyntaxNode } from './hcl.js';
import type { Attr, Block, Scope } from './blocks.js';
import { bound, instanceKey, resourceInstances, unknownReason } from './instances.js';
import { str, unknown, type TfValue } from './value.js';

/** Resource types whose `id` is their bucket or name attribute. */
const ID_ATTR: Record<string, string> = {
  aws_s3_bucket: 'bucket',
  alicloud_oss_bucket: 'bucket',
  tencentcloud_cos_bucket: 'bucket',
  huaweicloud_obs_bucket: 'bucket',
  aws_lambda_function: 'function_name',
  aws_iam_role: 'name',
  alicloud_fc_service: 'name',
  alicloud_fcv3_function: 'function_name',
  aws_sqs_queue: 'name',
  aws_sns_topic: 'name',
  aws_cloudwatch_event_rule: 'name',
};
/** Attributes that are another attribute under another name (`aws_s3_bucket.b.bucket` is its `id`). */
const ALIAS: Record<string, Record<string, string>> = {
  aws_lambda_function: { name: 'function_name' },
  alicloud_fc_function: { function_name: 'name' },
  huaweicloud_fgs_function: { function_name: 'name' },
  tencentcloud_scf_function: { function_name: 'name' },
};
const MAX_DEPTH = 64;
const BUCKET_TYPES = new Set([
  'aws_s3_bucket',
  'alicloud_oss_bucket',
  'tencentcloud_cos_bucket',
  'huaweicloud_obs_bucket',
]);
/** Stands for an unknown interpolation in `holes()`. */
export const HOLE = '\uE000';

export interface ModuleInput {
  /** `var.x` values from tfvars files or a module call's arguments, by name. */
  vars: Map<string, TfValue>;
  /** `module.<name>.` for a called module's instance, '' at the root. */
  prefix?: string;
}

export class Module {
  readonly resources = new Map<string, Block>();
  readonly data = new Map<string, Block>();
  readonly variables = new Map<string, Block>();
  readonly locals = new Map<string, Attr>();
  readonly providers: Block[] = [];
  readonly modules: Block[] = [];
  private readonly localCache = new Map<string, TfValue>();
  private readonly attrCache = new Map<Attr, TfValue>();
  private readonly scopedCache = new Map<Scope, Map<Attr, TfValue>>();
  private readonly instanceCache = new Map<Block, Block[]>();
  /** The instance whose attribute is being evaluated (`count.index`, `each.value`, a dynamic iterator). */
  private scope: Scope | undefined;
  private depth = 0;
  private lenient = false;

  constructor(
    readonly dir: string,
    readonly blocks: Block[],
    readonly input: ModuleInput,
    readonly texts: Map<string, string>,
  ) {
    for (const b of blocks) {
      if (b.type === 'resource' && b.labels.length >= 2) this.resources.set(`${b.labels[0]}.${b.labels[1]}`, b);
      else if (b.type === 'data' && b.labels.length >= 2) this.data.set(`${b.labels[0]}.${b.labels[1]}`, b);
      else if (b.type === 'variable' && b.labels.length) this.variables.set(b.labels[0], b);
      else if (b.type === 'locals') for (const a of b.attrs.values()) this.locals.set(a.name, a);
      else if (b.type === 'provider') this.providers.push(b);
      else if (b.type === 'module') this.modules.push(b);
    }
  }

  /** The instances of resources of one type, by name (`f`, `f[0]`, `f["images"]`): a count of 0 makes none. */
  ofType(type: string): [string, Block][] {
    return [...this.resources]
      .filter(([k]) => k.startsWith(type + '.') && k.indexOf('.', type.length + 1) < 0)
      .flatMap(([, b]) => this.instances(b).map((x): [string, Block] => [x.labels[1], x]));
  }

  /** The instances of a resource (itself without count / for_each), made once. */
  instances(b: Block): Block[] {
    let out = this.instanceCache.get(b);
    if (!out) {
      out = resourceInstances(this, b);
      this.instanceCache.set(b, out);
    }
    return out;
  }

  /** A resource instance by address (`aws_iam_role.r`, `aws_iam_role.r[0]`). */
  resource(address: string): Block | undefined {
    const m = /^([^.]+)\.([^.[]+)(\[.*\])?$/.exec(address);
    const b = m ? this.resources.get(`${m[1]}.${m[2]}`) : undefined;
    if (!b || !m) return undefined;
    return this.instances(b).find((x) => x.labels[1] === m[2] + (m[3] ?? ''));
  }

  /** An attribute evaluated in the scope of an instance (none: the module's). */
  attr(a: Attr | undefined, scope?: Scope): TfValue | undefined {
    if (!a) return undefined;
    const why = unknownReason(scope);
    if (why) return unknown(why, loc(a.file, a.expr));
    const saved = this.scope;
    this.scope = scope;
    try {
      if (this.lenient) return this.expr(a.expr, a.file); // never cache a value with holes
      let cache = scope ? this.scopedCache.get(scope) : this.attrCache;
      if (!cache) {
        cache = new Map<Attr, TfValue>();
        this.scopedCache.set(scope!, cache);
      }
      const hit = cache.get(a);
      if (hit) return hit;
      const v = this.expr(a.expr, a.file);
      cache.set(a, v);
      return v;
    } finally {
      this.scope = saved;
    }
  }

  /** An attribute of a block (in its instance's scope), evaluated. */
  get(b: Block | undefined, name: string): TfValue | undefined {
    return b ? this.attr(b.attrs.get(name), b.scope) : undefined;
  }

  /**
   * A string attribute with each unknown interpolation kept as HOLE (an ARN
   * `"acs:oss:${var.region}:${data.alicloud_account.this.id}:${alicloud_oss_bucket.b.bucket}"` keeps its known fields).
   */
  holes(b: Block | undefined, name: string): TfValue | undefined {
    const a = b?.attrs.get(name);
    if (!a) return undefined;
    this.lenient = true;
    try {
      return this.attr(a, b!.scope);
    } finally {
      this.lenient = false;
    }
  }

  expr(n: SyntaxNode, file: string): TfValue {
    const at = loc(file, n);
    if (this.depth > MAX_DEPTH) return unknown('expression too deep', at);
    this.depth++;
    try {
      return this.eval(n, file, at);
    } finally {
      this.depth--;
    }
  }

  private eval(n: SyntaxNode, file: string, at: Location): TfValue {
    switch (n.type) {
      case 'expression': {
        const kids = n.namedChildren.filter((x): x is SyntaxNode => !!x && x.type !== 'comment');
        if (!kids.length) return unknown('empty expression', at);
        const [head, ...rest] = kids;
        if (head.type === 'variable_expr') return this.traversal(head, rest, file, at);
        let v = this.expr(head, file);
        for (const step of rest) v = this.step(v, step, file, at);
        return kids.length === 1 ? v : v;
      }
      case 'literal_value':
        return this.literal(n.namedChildren[0], file, at);
      case 'template_expr':
        return this.expr(n.namedChildren[0], file);
      case 'quoted_template':
        return this.template(n, file, at, false);
      case 'heredoc_template':
        return this.template(n, file, at, true);
      case 'collection_value':
        return this.expr(n.namedChildren[0], file);
      case 'tuple':
        return {
          t: 'list',
          items: n.namedChildren
            .filter((x): x is SyntaxNode => x?.type === 'expression')
            .map((x) => this.expr(x, file)),
          at,
        };
      case 'object': {
        const fields = new Map<string, { key: Location; val: TfValue }>();
        for (const e of n.namedChildren) {
          if (e?.type !== 'object_elem') continue;
          const k = e.childForFieldName('key');
          const v = e.childForFieldName('val');
          if (!k || !v) continue;
          const kv = this.objectKey(k, file);
          if (kv === undefined) continue;
          fields.set(kv, { key: loc(file, k), val: this.expr(v, file) });
        }
        return { t: 'obj', fields, at };
      }
      case 'function_call':
        return this.call(n, file, at);
      case 'operation':
        return n.namedChildren[0] ? this.expr(n.namedChildren[0], file) : unknown('an operation', at);
      case 'binary_operation':
      case 'unary_operation':
        return this.operation(n, file, at);
      case 'conditional': {
        const [c, a, b] = n.namedChildren.filter((x): x is SyntaxNode => x?.type === 'expression');
        const cv = c ? this.expr(c, file) : undefined;
        if (cv?.t === 'bool' && a && b) return this.expr(cv.v ? a : b, file);
        return unknown('a conditional expression', at);
      }
      default:
        return unknown(`a ${n.type.replace(/_/g, ' ')}`, at);
    }
  }

  private objectKey(k: SyntaxNode, file: string): string | undefined {
    const first = k.namedChildren[0];
    if (first?.type === 'variable_expr' && k.namedChildren.length === 1) return first.text;
    const v = this.expr(k, file);
    return str(v);
  }

  private literal(n: SyntaxNode, file: string, at: Location): TfValue {
    switch (n.type) {
      case 'numeric_lit':
        return { t: 'num', v: Number(n.text), at };
      case 'bool_lit':
        return { t: 'bool', v: n.text === 'true', at };
      case 'null_lit':
        return { t: 'null', at };
      case 'string_lit':
        return this.template(n, file, at, false);
      default:
        return unknown(n.type, at);
    }
  }

  /** A quoted template or heredoc: its parts joined, with each character's source offset. */
  private template(n: SyntaxNode, file: string, at: Location, heredoc: boolean): TfValue {
    const parts = n.namedChildren.filter(
      (x): x is SyntaxNode =>
        !!x &&
        (x.type === 'template_literal' || x.type === 'template_interpolation' || x.type === 'template_directive'),
    );
    if (parts.length === 1 && parts[0].type === 'template_interpolation') {
      // "${x}" keeps x's type
      const e = parts[0].namedChildren.find((x) => x?.type === 'expression');
      return e ? this.expr(e, file) : unknown('empty interpolation', at);
    }
    let v = '';
    const map: number[] = [];
    for (const p of parts) {
      if (p.type === 'template_literal') {
        const d = heredoc ? { text: p.text, offsets: [...Array(p.text.length + 1).keys()] } : unescape(p.text);
        v += d.text;
        for (let i = 0; i < d.text.length; i++) map.push(p.startIndex + d.offsets[i]);
      } else if (p.type === 'template_interpolation') {
        const e = p.namedChildren.find((x) => x?.type === 'expression');
        const iv = e ? this.expr(e, file) : undefined;
        const s = str(iv);
        if (s === undefined && !this.lenient) return unknown(iv?.t === 'unknown' ? iv.reason : 'an interpolation', at);
        const piece = s ?? HOLE;
        v += piece;
        for (let i = 0; i < piece.length; i++) map.push(-1);
      } else return unknown('a template directive (%{…})', at);
    }
    const last = parts[parts.length - 1];
    map.push(last && last.type === 'template_literal' ? last.endIndex : -1);
    if (parts.length === 0) {
      map.length = 0;
      map.push(-1);
    }
    if (heredoc && n.children.some((c) => c?.type === 'heredoc_start' && c.text === '<<-')) return dedent(v, map, at);
    return { t: 'str', v, at, map };
  }

  private traversal(head: SyntaxNode, rest: SyntaxNode[], file: string, at: Location): TfValue {
    const root = head.text;
    let i = 0;
    // leading attribute names (indexes in between are instance keys of count / for_each)
    const steps = rest.filter((s) => s.type === 'get_attr' || s.type === 'index' || s.type === 'splat');
    const nameAt = (k: number) => (steps[k]?.type === 'get_attr' ? steps[k].namedChildren[0]?.text : undefined);
    const take = () => {
      while (i < steps.length && steps[i].type !== 'get_attr') i++;
      const n = nameAt(i);
      if (n !== undefined) i++;
      return n;
    };
    const restFrom = (k: number) => steps.slice(k);
    const apply = (v: TfValue, from: number): TfValue =>
      restFrom(from).reduce((acc, s) => this.step(acc, s, file, at), v);
    const b0 = bound(this.scope, root);
    // count.index, each.value.x, a dynamic block's iterator: the element stays located where it is
    // written (in the for_each map or list), like a field of an object value
    if (b0) return apply(b0, 0);
    switch (root) {
      case 'var': {
        const name = nameAt(0);
        if (!name) return unknown('var', at);
        const given = this.input.vars.get(name);
        if (given) return apply(withOrigin(given, at), 1);
        const decl = this.variables.get(name);
        const def = decl ? this.get(decl, 'default') : undefined;
        if (!decl) return unknown(`var.${name} is not declared`, at);
        if (!def || def.t === 'null') return unknown(`var.${name} has no default and no value in terraform.tfvars`, at);
        return apply(withOrigin(def, at), 1);
      }
      case 'local': {
        const name = nameAt(0);
        const a = name ? this.locals.get(name) : undefined;
        if (!a || !name) return unknown(`local.${name ?? ''} is not defined`, at);
        let v = this.lenient ? undefined : this.localCache.get(name);
        if (this.lenient) v = this.attr(a)!;
        else if (!v) {
          this.localCache.set(name, unknown(`local.${name} refers to itself`, at));
          v = this.attr(a)!;
          this.localCache.set(name, v);
        }
        return apply(withOrigin(v, at), 1);
      }
      case 'path': {
        const name = nameAt(0);
        return name === 'module' || name === 'root' || name === 'cwd'
          ? { t: 'str', v: '.', at }
          : unknown(`path.${name}`, at);
      }
      case 'data': {
        const type = take();
        const name = take();
        const attr = take();
        const b = type && name ? this.data.get(`${type}.${name}`) : undefined;
        if (!b || !attr) return unknown(`data.${type}.${name}`, at);
        if (type === 'archive_file' && attr === 'output_path')
          return this.get(b, 'output_path') ?? unknown('archive_file output_path', at);
        const v = this.get(b, attr);
        return v ? apply(withOrigin(v, at), i) : unknown(`data.${type}.${name}.${attr}`, at);
      }
      case 'module':
      case 'count':
      case 'each':
      case 'self':
      case 'terraform':
        return unknown(`${root}.…`, at);
      default: {
        const name0 = take();
        const decl = name0 ? this.resources.get(`${root}.${name0}`) : undefined;
        if (!decl || !name0) return unknown(`${root}.${name0 ?? ''} is not a resource of this module`, at);
        // an instance of a count / for_each resource is named by its index or key
        let name = name0;
        if (steps[i]?.type === 'index') {
          const k = this.indexOf(steps[i++], file, at);
          if (k === undefined || typeof k === 'object') return unknown(`${root}.${name0}[…]`, at);
          name = `${name0}${instanceKey(k)}`;
        }
        const b = this.resource(`${root}.${name}`);
        if (!b) return unknown(`${root}.${name} has no known instance`, at);
        const attr0 = take();
        if (b.scope?.unknown) return unknown(b.scope.unknown, at, { type: root, name, attr: attr0 ?? '' });
        if (!attr0) return unknown(`${root}.${name}`, at, { type: root, name, attr: '' });
        const attr = attr0 === 'id' && ID_ATTR[root] ? ID_ATTR[root] : (ALIAS[root]?.[attr0] ?? attr0);
        let v = this.get(b, attr);
        if (!v && BUCKET_TYPES.has(root) && (attr === 'bucket' || attr === 'arn') && !b.attrs.has('bucket')) {
          // no `bucket` (a `bucket_prefix`, or a name Terraform generates): the resource is the bucket's identity
          // identity within this module instance only (like a SAM bucket's logical id); messages show the address
          const address = `${this.input.prefix ?? ''}${root}.${name}`;
          const id = `${address}#${encodeURIComponent(this.dir)}`;
          v = {
            t: 'str',
            v: attr === 'arn' && root === 'aws_s3_bucket' ? `arn:aws:s3:::${id}` : id,
            at,
            display: `${address} (its name is generated at apply)`,
          };
        }
        if (!v && root === 'aws_s3_bucket' && attr === 'arn') {
          const bucket = str(this.get(b, 'bucket'));
          if (bucket !== undefined) v = { t: 'str', v: `arn:aws:s3:::${bucket}`, at };
        }
        if (!v) return unknown(`${root}.${name}.${attr0}`, at, { type: root, name, attr: attr0 });
        return apply(withOrigin(v, at), i);
      }
    }
  }

  /** The operand written as these nodes (`var.n`, `1`, `length(var.x)`). */
  private operand(nodes: SyntaxNode[], file: string, at: Location): TfValue {
    const [head, ...rest] = nodes;
    if (!head) return unknown('an operand', at);
    if (head.type === 'variable_expr') return this.traversal(head, rest, file, at);
    return rest.reduce((v, s) => this.step(v, s, file, at), this.expr(head, file));
  }

  /** `!`, `-`, comparisons and `&&` / `||` of known values (a count of `var.enabled ? 1 : 0`); else unknown. */
  private operation(n: SyntaxNode, file: string, at: Location): TfValue {
    const kids = n.children.filter((x): x is SyntaxNode => !!x && x.type !== 'comment');
    const k = kids.findIndex((x) => !x.isNamed);
    if (k < 0) return unknown('an operation', at);
    const op = kids[k].text;
    const right = this.operand(kids.slice(k + 1), file, at);
    if (k === 0) {
      if (op === '!' && right.t === 'bool') return { t: 'bool', v: !right.v, at };
      if (op === '-' && right.t === 'num') return { t: 'num', v: -right.v, at };
      return unknown(`${op}…`, at);
    }
    const left = this.operand(kids.slice(0, k), file, at);
    const l = left.t === 'num' || left.t === 'bool' ? left.v : str(left);
    const r = right.t === 'num' || right.t === 'bool' ? right.v : str(right);
    if (op === '&&' && (left.t === 'bool' || right.t === 'bool')) {
      if (l === false || r === false) return { t: 'bool', v: false, at };
      if (l === true && r === true) return { t: 'bool', v: true, at };
    }
    if (op === '||' && (left.t === 'bool' || right.t === 'bool')) {
      if (l === true || r === true) return { t: 'bool', v: true, at };
      if (l === false && r === false) return { t: 'bool', v: false, at };
    }
    const nulls = left.t === 'null' || right.t === 'null';
    if ((l === undefined && left.t !== 'null') || (r === undefined && right.t !== 'null'))
      return unknown(`an operation on an unknown value`, at);
    const num = typeof l === 'number' && typeof r === 'number';
    switch (op) {
      case '==':
        return { t: 'bool', v: nulls ? left.t === right.t : l === r, at };
      case '!=':
        return { t: 'bool', v: nulls ? left.t !== right.t : l !== r, at };
      case '>':
        return num ? { t: 'bool', v: l > r, at } : unknown(op, at);
      case '>=':
        return num ? { t: 'bool', v: l >= r, at } : unknown(op, at);
      case '<':
        return num ? { t: 'bool', v: l < r, at } : unknown(op, at);
      case '<=':
        return num ? { t: 'bool', v: l <= r, at } : unknown(op, at);
      case '+':
        return num ? { t: 'num', v: l + r, at } : unknown(op, at);
      case '-':
        return num ? { t: 'num', v: l - r, at } : unknown(op, at);
      case '*':
        return num ? { t: 'num', v: l * r, at } : unknown(op, at);
      default:
        return unknown(`the operator ${op}`, at);
    }
  }

  /** One `.attr` / `[index]` step applied to a value. */
  private step(v: TfValue, s: SyntaxNode, file: string, at: Location): TfValue {
    if (v.t === 'unknown') return v;
    if (s.type === 'get_attr') {
      const name = s.namedChildren[0]?.text ?? '';
      if (v.t === 'obj') return v.fields.get(name)?.val ?? unknown(`no attribute ${name}`, at);
      return unknown(`.${name}`, at);
    }
    if (s.type === 'index') {
      const idx = this.indexOf(s, file, at);
      if (v.t === 'list' && typeof idx === 'number') return v.items[idx] ?? unknown('index out of range', at);
      if (v.t === 'obj' && idx !== undefined && typeof idx !== 'object')
        return v.fields.get(String(idx))?.val ?? unknown('no such key', at);
      return unknown('an index', at);
    }
    return unknown('a splat', at);
  }

  /** The value of an `[index]` (`.0` in Terraform 0.11): a number, a string, or unknown. */
  private indexOf(s: SyntaxNode, file: string, at: Location): number | string | { unknown: true } | undefined {
    const e = s.namedChildren[0];
    if (!e) return undefined;
    if (e.type !== 'new_index') return Number(e.text.replace(/^\./, ''));
    const idx = e.namedChildren[0] ? this.expr(e.namedChildren[0], file) : unknown('an index', at);
    if (idx?.t === 'num') return idx.v;
    const k = str(idx);
    return k ?? { unknown: true };
  }

  private call(n: SyntaxNode, file: string, at: Location): TfValue {
    const name = n.namedChildren.find((x) => x?.type === 'identifier')?.text ?? '';
    const argsNode = n.namedChildren.find((x) => x?.type === 'function_arguments');
    if (argsNode?.namedChildren.some((x) => x?.type === 'ellipsis'))
      return unknown(`${name}(…) with expanded arguments`, at);
    const args = (argsNode?.namedChildren ?? [])
      .filter((x): x is SyntaxNode => x?.type === 'expression')
      .map((x) => this.expr(x, file));
    const strs = () => args.map(str);
    const out = (v: string | undefined) =>
      v === undefined ? unknown(`${name}(…) of an unknown value`, at) : { t: 'str' as const, v, at };
    switch (name) {
      case 'jsonencode':
        return args[0] ?? unknown('jsonencode()', at);
      case 'tostring':
        return args[0] && str(args[0]) !== undefined ? args[0] : unknown('tostring()', at);
      case 'lower':
        return out(strs()[0]?.toLowerCase());
      case 'upper':
        return out(strs()[0]?.toUpperCase());
      case 'trimspace':
        return out(strs()[0]?.trim());
      case 'trimprefix': {
        const [s, p] = strs();
        return out(s === undefined || p === undefined ? undefined : s.startsWith(p) ? s.slice(p.length) : s);
      }
      case 'trimsuffix': {
        const [s, p] = strs();
        return out(
          s === undefined || p === undefined ? undefined : s.endsWith(p) ? s.slice(0, s.length - p.length) : s,
        );
      }
      case 'replace': {
        const [s, a, b] = strs();
        return out(
          s === undefined || a === undefined || b === undefined || /^\/.*\/$/.test(a) ? undefined : s.split(a).join(b),
        );
      }
      case 'format': {
        const [f, ...rest] = strs();
        if (f === undefined) return out(undefined);
        let k = 0;
        let bad = false;
        const s = f.replace(/%(%|[-+# 0]*\d*(?:\.\d+)?[svdfqt])/g, (m, spec: string) => {
          if (spec === '%') return '%';
          const a = rest[k++];
          if (a === undefined) {
            bad = true;
            return '';
          }
          return spec.endsWith('q') ? JSON.stringify(a) : a;
        });
        return out(bad ? undefined : s);
      }
      case 'join': {
        const sep = str(args[0]);
        const lists = args.slice(1);
        if (sep === undefined || lists.some((l) => l.t !== 'list')) return out(undefined);
        const items = lists.flatMap((l) => (l as Extract<TfValue, { t: 'list' }>).items.map(str));
        return out(items.some((x) => x === undefined) ? undefined : items.join(sep));
      }
      case 'tolist':
      case 'toset':
      case 'tomap': {
        const a = args[0];
        if (!a || (a.t !== 'list' && a.t !== 'obj')) return unknown(`${name}() of an unknown value`, at);
        if (name !== 'toset' || a.t !== 'list') return a;
        const seen = new Set<string>();
        return {
          ...a,
          items: a.items.filter((x) => (str(x) === undefined ? true : !seen.has(str(x)!) && !!seen.add(str(x)!))),
        };
      }
      case 'length': {
        const a = args[0];
        if (a?.t === 'list') return { t: 'num', v: a.items.length, at };
        if (a?.t === 'obj') return { t: 'num', v: a.fields.size, at };
        if (a?.t === 'str') return { t: 'num', v: [...a.v].length, at };
        return unknown('length() of an unknown value', at);
      }
      case 'keys':
      case 'values': {
        const a = args[0];
        if (a?.t !== 'obj') return unknown(`${name}() of an unknown value`, at);
        const items = [...a.fields].map(([k, f]): TfValue => (name === 'keys' ? { t: 'str', v: k, at: f.key } : f.val));
        return { t: 'list', items, at };
      }
      case 'concat': {
        if (args.some((l) => l.t !== 'list')) return unknown('concat() of an unknown value', at);
        return { t: 'list', items: args.flatMap((l) => (l as Extract<TfValue, { t: 'list' }>).items), at };
      }
      default:
        return unknown(`${name}(…)`, at);
    }
  }
}

const loc = (file: string, n: SyntaxNode): Location => ({ file, start: n.startIndex, end: n.endIndex });

/** A value used through a reference: where it came from stays, for messages and for fixes (never applied there). */
function withOrigin(v: TfValue, at: Location): TfValue {
  if (v.t === 'str') return v.display ? { ...v, at } : { ...v, at, map: undefined, origin: v.origin ?? v.at };
  return v;
}

/** Decode a quoted string's escapes; offsets[i] is where decoded character i starts in the raw text (plus the end). */
function unescape(raw: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < raw.length;) {
    offsets.length = text.length;
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      const e = raw[i + 1];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
      if (simple[e] !== undefined) {
        offsets.push(i);
        text += simple[e];
        i += 2;
        continue;
      }
      const u =
        e === 'u'
          ? /^[0-9a-fA-F]{4}/.exec(raw.slice(i + 2))
          : e === 'U'
            ? /^[0-9a-fA-F]{8}/.exec(raw.slice(i + 2))
            : null;
      if (u) {
        const s = String.fromCodePoint(parseInt(u[0], 16));
        for (let k = 0; k < s.length; k++) offsets.push(i);
        text += s;
        i += 2 + u[0].length;
        continue;
      }
    }
    if ((c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') {
      offsets.push(i);
      text += c;
      i += 2;
      continue;
    }
    offsets.push(i);
    text += c;
    i++;
  }
  offsets.length = text.length;
  offsets.push(raw.length);
  return { text, offsets };
}

/** `<<-EOT`: the common leading whitespace of the lines removed, offsets kept. */
function dedent(v: string, map: number[], at: Location): TfValue {
  const lines = v.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  let out = '';
  const m: number[] = [];
  let pos = 0;
  for (const [k, l] of lines.entries()) {
    const drop = Math.min(cut, /^[ \t]*/.exec(l)![0].length);
    out += l.slice(drop);
    for (let j = drop; j < l.length; j++) m.push(map[pos + j]);
    pos += l.length;
    if (k < lines.length - 1) {
      out += '\n';
      m.push(map[pos]);
      pos++;
    }
  }
  m.push(map[map.length - 1]);
  return { t: 'str', v: out, at, map: m };
}
