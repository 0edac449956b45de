// ROS (Alibaba Cloud Resource Orchestration Service) intrinsic functions, as written in ROS
// templates and in Funcraft `Aliyun::Serverless` templates: `Ref`, `Fn::Sub`, `Fn::Join` and
// `Fn::GetAtt`, in long form (`{Ref: X}`) or as YAML tags (`!Ref X`; yaml@2 keeps the tag on
// the node and only warns about it, so no `customTags` option is needed). A value resolves
// where the template itself defines it — a parameter's `Default`, a literal property of another
// resource — and is unknown otherwise (pseudo parameters such as `ALIYUN::Region`, physical
// ids, attributes only known after deploy). A reference to a name the template does not
// declare is recorded for `undefined-variable` (ROS rejects such a template).
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { MAX_EXPANDED_LENGTH, MAX_EXPANSIONS, Resolver, type Dialect, type Limit, type RefResult } from '../resolve.js';
import { Unknown, type Located } from '../../model/model.js';
import type { Source } from '../../source/source.js';
import type { Location } from '../../types.js';
import { entries } from '../../source/yamlnav.js';
import { didYouMean } from '../../source/suggest.js';

const TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!GetAtt': 'Fn::GetAtt',
  '!Select': 'Fn::Select',
  '!If': 'Fn::If',
  '!Base64': 'Fn::Base64',
  '!FindInMap': 'Fn::FindInMap',
  '!Split': 'Fn::Split',
  '!Replace': 'Fn::Replace',
  '!Str': 'Fn::Str',
  '!GetAZs': 'Fn::GetAZs',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
};

/** Attributes ROS returns that the template itself defines: resource type → attribute → property. */
const KNOWN_ATTRIBUTES: Record<string, Record<string, string>> = {
  'ALIYUN::OSS::Bucket': { Name: 'BucketName' },
  'ALIYUN::FC::Function': { FunctionName: 'FunctionName', ServiceName: 'ServiceName' },
  'ALIYUN::FC::Service': { ServiceName: 'ServiceName' },
  'ALIYUN::FC::Trigger': { TriggerName: 'TriggerName' },
  'ALIYUN::RAM::Role': { RoleName: 'RoleName' },
};
/** What `Ref` of a resource returns, where it is a property of the template (an OSS bucket's name). */
const REF_PROPERTY: Record<string, string> = { 'ALIYUN::OSS::Bucket': 'BucketName' };

export interface Intrinsic {
  fn: string;
  /** The argument; for a tagged node, the node itself (read without its tag). */
  arg: Node | null;
  tagged: boolean;
}

type Evaluated = { value: string | Unknown; origin?: Location };
type Lookup = Evaluated | { undefined: string };

function settle(l: Lookup): Evaluated {
  return 'undefined' in l ? { value: new Unknown(l.undefined) } : l;
}

const MAX_DEPTH = 16;

/** Resolver for ROS templates: intrinsic functions are evaluated, `${…}` only inside `Fn::Sub`. */
export class RosResolver extends Resolver {
  private readonly sub: Resolver;
  private locals: YAMLMap[] = [];
  private depthRos = 0;
  private readonly root: YAMLMap | undefined;
  /** Each intrinsic evaluated once per enclosing `Fn::Sub` locals (nested Sub chains no longer re-evaluate 4^n times). */
  private readonly evaluated = new Map<Node, { locals: YAMLMap | undefined; value: Evaluated }>();
  private evaluations = 0;

  constructor(source: Source, doc: Document.Parsed) {
    super(source, doc, null);
    this.root = isMap(doc.contents) ? doc.contents : undefined;
    this.sub = new Resolver(source, doc, this.subDialect());
  }

  /** Every reference that names nothing, from intrinsics and from `Fn::Sub` strings. */
  allUndefinedRefs() {
    return [...this.undefinedRefs, ...this.sub.undefinedRefs].sort((a, b) => a.at.start - b.at.start);
  }

  /** Where a budget stopped resolution, from intrinsics and from `Fn::Sub` strings (the first one). */
  allLimits(): Limit[] {
    return [...this.limits, ...this.sub.limits].slice(0, 1);
  }

  get parameters(): YAMLMap | undefined {
    const p = this.get(this.root, 'Parameters');
    return p && isMap(p) ? p : undefined;
  }

  get resources(): YAMLMap | undefined {
    const p = this.get(this.root, 'Resources');
    return p && isMap(p) ? p : undefined;
  }

  /** The intrinsic function a node is, if any. */
  intrinsic(node: Node | null | undefined): Intrinsic | undefined {
    const n = this.budget.deref(node) as Node | undefined;
    if (!n) return undefined;
    if (n.tag && TAGS[n.tag]) return { fn: TAGS[n.tag], arg: n, tagged: true };
    if (isMap(n) && n.items.length === 1) {
      const [first] = entries(n); // none when the one key is not a scalar (`? [a]: b`, `: b`)
      if (first && (first[0] === 'Ref' || first[0].startsWith('Fn::')))
        return { fn: first[0], arg: first[1].value ?? null, tagged: false };
    }
    return undefined;
  }

  /** Locations include a node's tag (`!Ref X`, not just `X`) and drop a block map's trailing newline. */
  override loc(node: Node | null | undefined, fallback?: Location): Location {
    const at = super.loc(node, fallback);
    if (!node?.range) return at;
    const text = this.source.text;
    let { start, end } = at;
    if (node.tag && node.tag.startsWith('!')) {
      const i = text.lastIndexOf(node.tag, start);
      if (i >= 0 && text.slice(i + node.tag.length, start).trim() === '') start = i;
    }
    while (end > start && /\s/.test(text[end - 1])) end--;
    return { file: at.file, start, end };
  }

  /** An intrinsic is an unresolved value for the structural helpers (map/seq/json). */
  override deref(node: Node | null | undefined) {
    if (this.intrinsic(node)) return new Unknown('ROS intrinsic function');
    return super.deref(node);
  }

  override str(node: Node | null | undefined, fallbackAt?: Location): Located<string> | undefined {
    const i = this.intrinsic(node);
    if (!i) return super.str(node, fallbackAt);
    const at = this.loc(node, fallbackAt);
    const res = this.evaluateOnce(node!, i, at);
    return { value: res.value, at, origin: res.origin };
  }

  /**
   * An intrinsic's value, memoized per node and enclosing `Fn::Sub` locals, within the expansion
   * budget (evaluations and length); a value the depth limit cut short is not kept.
   */
  private evaluateOnce(node: Node, i: Intrinsic, at: Location): Evaluated {
    const locals = this.locals[this.locals.length - 1];
    const hit = this.evaluated.get(node);
    if (hit && hit.locals === locals) return hit.value;
    if (++this.evaluations > MAX_EXPANSIONS) {
      return {
        value: this.overBudget(
          at,
          `more than ${MAX_EXPANSIONS.toLocaleString('en')} intrinsic functions evaluated in this file`,
        ),
      };
    }
    const cuts = this.cuts + this.sub.cuts;
    let value = this.evaluate(i, at);
    if (typeof value.value === 'string' && value.value.length > MAX_EXPANDED_LENGTH) {
      value = {
        value: this.overBudget(
          at,
          `the value would be longer than ${MAX_EXPANDED_LENGTH.toLocaleString('en')} characters`,
        ),
      };
    }
    if (this.cuts + this.sub.cuts === cuts) this.evaluated.set(node, { locals, value });
    return value;
  }

  override fields(node: Node | null | undefined, sep: string): Located<string>[] | undefined {
    if (!this.intrinsic(node)) return super.fields(node, sep);
    const s = this.str(node);
    if (!s || typeof s.value !== 'string') return undefined;
    return s.value.split(sep).map((v) => ({ value: v, at: s.at }));
  }

  private evaluate(i: Intrinsic, at: Location): Evaluated {
    if (this.depthRos >= MAX_DEPTH) {
      this.cuts++;
      return { value: new Unknown('reference chain too long') };
    }
    this.depthRos++;
    try {
      switch (i.fn) {
        case 'Ref': {
          const name = this.rawString(i.arg);
          return name === undefined
            ? { value: new Unknown('Ref of a computed name') }
            : settle(this.ref(name, at, `Ref: ${name}`));
        }
        case 'Fn::GetAtt': {
          const args = this.rawList(i.arg) ?? this.rawString(i.arg)?.split('.');
          if (!args || args.length < 2) return { value: new Unknown('malformed Fn::GetAtt') };
          const [res, attr] = [this.rawString(args[0]), this.rawString(args[1])];
          if (res === undefined || attr === undefined) return { value: new Unknown('Fn::GetAtt of a computed name') };
          return settle(this.getAtt(res, attr, at, `Fn::GetAtt: [${res}, ${attr}]`));
        }
        case 'Fn::Join':
          return this.join(i.arg);
        case 'Fn::Sub':
          return this.subst(i.arg, i.tagged);
        default:
          return { value: new Unknown(`${i.fn} is evaluated at deploy time`) };
      }
    } finally {
      this.depthRos--;
    }
  }

  private rawString(node: Node | string | null | undefined): string | undefined {
    if (typeof node === 'string') return node;
    const n = this.budget.deref(node) as Node | undefined;
    return n && isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number')
      ? String(n.value)
      : undefined;
  }

  private rawList(node: Node | null | undefined): Node[] | undefined {
    const n = this.budget.deref(node) as Node | undefined;
    return n && isSeq(n) ? (n.items as Node[]) : undefined;
  }

  private join(arg: Node | null): Evaluated {
    const args = this.rawList(arg);
    const sep = args ? this.rawString(args[0]) : undefined;
    const list = args && args.length === 2 ? this.rawList(args[1]) : undefined;
    if (sep === undefined || !list) return { value: new Unknown('Fn::Join of a computed list') };
    const parts: string[] = [];
    for (const item of list) {
      const s = this.str(item);
      if (!s) return { value: new Unknown('Fn::Join item is not a string') };
      if (s.value instanceof Unknown) return { value: s.value };
      parts.push(s.value);
    }
    return { value: parts.join(sep) };
  }

  private subst(arg: Node | null, tagged: boolean): Evaluated {
    let text: Node | null | undefined = arg;
    let locals: YAMLMap | undefined;
    const list = this.rawList(arg);
    if (list) {
      text = list[0];
      const m = this.budget.deref(list[1]) as Node | undefined;
      locals = m && isMap(m) ? m : undefined;
    } else if (!tagged && !isScalar(this.budget.deref(arg)))
      return { value: new Unknown('Fn::Sub of a computed string') };
    if (locals) this.locals.push(locals);
    try {
      const s = this.sub.str(text);
      return s ? { value: s.value } : { value: new Unknown('Fn::Sub of a computed string') };
    } finally {
      if (locals) this.locals.pop();
    }
  }

  private subDialect(): Dialect {
    return {
      pattern: /\$\{([^{}]*)\}/g,
      context: () => this.locals[this.locals.length - 1],
      evaluate: (expr, r): RefResult => {
        if (expr.startsWith('!')) return { kind: 'string', value: `\${${expr.slice(1)}}` };
        for (let i = this.locals.length - 1; i >= 0; i--) {
          const local = this.get(this.locals[i], expr);
          if (local !== undefined)
            return this.asRefResult(this.str(local) ?? { value: new Unknown('not a string'), at: r.loc(local) });
        }
        const at = r.loc(undefined);
        const dot = expr.indexOf('.');
        const res =
          dot > 0 && !expr.startsWith('ALIYUN::')
            ? this.getAtt(expr.slice(0, dot), expr.slice(dot + 1), at, `\${${expr}}`, true)
            : this.ref(expr, at, `\${${expr}}`, true);
        return this.asRefResult(res);
      },
    };
  }

  private asRefResult(e: Lookup | Located<string>): RefResult {
    if ('undefined' in e) return { kind: 'undefined', message: e.undefined };
    if (e.value instanceof Unknown) return { kind: 'unknown', reason: e.value.reason };
    return { kind: 'string', value: e.value, origin: e.origin };
  }

  private names(): string[] {
    return [
      ...(this.parameters ? entries(this.parameters).map(([k]) => k) : []),
      ...(this.resources ? entries(this.resources).map(([k]) => k) : []),
    ];
  }

  private undefinedName(name: string, what: string): string {
    const guess = didYouMean(name, this.names());
    return `undefined reference "${what}": the template has no parameter or resource "${name}"; ${guess ? `did you mean "${guess}"?` : 'declare it under Parameters or Resources, or fix the reference'}`;
  }

  private record(at: Location, expression: string, message: string) {
    if (this.undefinedRefs.some((u) => u.at.start === at.start && u.at.end === at.end)) return;
    this.undefinedRefs.push({ at, expression, message });
  }

  private ref(name: string, at: Location, what: string, inSub = false): Lookup {
    if (name.startsWith('ALIYUN::')) return { value: new Unknown(`${name} is known at deploy time`) };
    const param = this.parameters ? this.get(this.parameters, name) : undefined;
    if (param !== undefined || this.has(this.parameters, name)) {
      const def = this.get(this.map(param), 'Default');
      if (def === undefined || def === null) return { value: new Unknown(`parameter ${name} has no Default`) };
      const s = this.str(def);
      return s
        ? { value: s.value, origin: this.loc(def) }
        : { value: new Unknown(`parameter ${name} is not a string`) };
    }
    const resource = this.resourceMap(name);
    if (resource) {
      const type = this.rawString(this.get(resource, 'Type'));
      const prop = type ? REF_PROPERTY[type] : undefined;
      if (!prop) return { value: new Unknown(`Ref ${name} is a physical id known at deploy time`) };
      return this.property(resource, prop);
    }
    if (this.has(this.resources, name)) return { value: new Unknown(`resource ${name} is not a map`) };
    const message = this.undefinedName(name, what);
    if (inSub) return { undefined: message };
    this.record(at, what, message);
    return { value: new Unknown(message) };
  }

  private getAtt(name: string, attr: string, at: Location, what: string, inSub = false): Lookup {
    const resource = this.resourceMap(name);
    if (!resource) {
      if (this.has(this.resources, name)) return { value: new Unknown(`resource ${name} is not a map`) };
      const message = this.undefinedName(name, what);
      if (inSub) return { undefined: message };
      this.record(at, what, message);
      return { value: new Unknown(message) };
    }
    const type = this.rawString(this.get(resource, 'Type'));
    const prop = type ? KNOWN_ATTRIBUTES[type]?.[attr] : undefined;
    if (!prop) return { value: new Unknown(`${name}.${attr} is known after deploy`) };
    return this.property(resource, prop);
  }

  private property(resource: YAMLMap, prop: string): Evaluated {
    const node = this.get(this.map(this.get(resource, 'Properties')), prop);
    if (node === undefined || node === null) return { value: new Unknown(`${prop} is not set`) };
    const s = this.str(node);
    return s
      ? { value: s.value, origin: s.origin ?? this.loc(node) }
      : { value: new Unknown(`${prop} is not a string`) };
  }

  /** A resource's map by logical id. */
  resourceMap(name: string): YAMLMap | undefined {
    return this.map(this.get(this.resources, name));
  }

  /** The logical id an intrinsic points at (`Fn::GetAtt: [F, …]`, `Ref: F`, `${F.Attr}`). */
  target(node: Node | null | undefined): string | undefined {
    const i = this.intrinsic(node);
    if (!i) return undefined;
    if (i.fn === 'Ref') return this.rawString(i.arg);
    if (i.fn === 'Fn::GetAtt') {
      const list = this.rawList(i.arg);
      return list ? this.rawString(list[0]) : this.rawString(i.arg)?.split('.')[0];
    }
    if (i.fn === 'Fn::Sub') {
      const text = this.rawString(this.rawList(i.arg)?.[0] ?? i.arg);
      const m = text ? /^\$\{([^.{}]+)\.[^{}]+\}$/.exec(text) : null;
      return m ? m[1] : undefined;
    }
    return undefined;
  }

  /** Type of a resource map. */
  typeOf(map: YAMLMap | undefined): string | undefined {
    return this.rawString(this.get(map, 'Type'));
  }
}

/** Whether a document is a ROS template (with or without a Transform). */
export function isRosTemplate(root: unknown): root is YAMLMap {
  return (
    isMap(root) && (root.has('ROSTemplateFormatVersion') || root.has('Transform')) && isMap(root.get('Resources', true))
  );
}
