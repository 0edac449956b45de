// CloudFormation / SAM intrinsic functions, as far as a linter can evaluate them without a
// deploy: `!Ref X` and `{Ref: X}` to an `AWS::S3::Bucket` of the same template give that bucket's
// identity (its literal `BucketName`, else `<template path>#<logical id>`: a logical id names a
// bucket only within its own stack — messages show it as `<logical id> (defined in <path>)`); `!Sub "text"` without `${…}` is its
// text, and a `!Sub` written exactly like a bucket's `BucketName` names that bucket. Parameters,
// pseudo parameters (`AWS::Region`…), `!GetAtt`, `!Join`, `!ImportValue`… are unknown.
// The YAML parser keeps unknown tags on the node (`node.tag === '!Ref'`), so no custom tag set
// is needed: a tagged scalar's range is its value, after the tag.
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { Unknown, type Located, type WriteTarget } from '../model/model.js';
import type { Location } from '../types.js';
import { Resolver } from './resolve.js';
import { entries } from '../source/yamlnav.js';

export interface Template {
  resources: YAMLMap | undefined;
  /** logical id → bucket identity, for every AWS::S3::Bucket (literal BucketName, else `<file>#<id>`). */
  buckets: Map<string, string>;
  /** exact `!Sub` text of a bucket's BucketName → bucket identity. */
  subs: Map<string, string>;
  /** identity → how messages name it, for the identities made up here (`Photos (defined in template.yaml)`). */
  displays: Map<string, string>;
}

export function typeOf(r: Resolver, m: YAMLMap | undefined): string {
  const t = r.get(m, 'Type');
  return t && isScalar(t) && typeof t.value === 'string' ? t.value.trim() : '';
}

/**
 * A function resource's name: its literal `FunctionName`, else (absent, empty, or an intrinsic)
 * its logical id, located at the resource's key `at`.
 */
export function functionName(r: Resolver, props: YAMLMap | undefined, id: string, at: Location): Located<string> {
  const fname = r.get(props, 'FunctionName');
  return (fname && isScalar(fname) && !fname.tag ? r.str(fname) : undefined) ?? { value: id, at };
}

export function template(r: Resolver, root: YAMLMap): Template {
  const resources = r.map(r.get(root, 'Resources'));
  const buckets = new Map<string, string>();
  const subs = new Map<string, string>();
  const displays = new Map<string, string>();
  for (const [id, pair] of resources ? entries(resources) : []) {
    const m = r.map(pair.value);
    if (typeOf(r, m) !== 'AWS::S3::Bucket') continue;
    const nameNode = r.get(r.map(r.get(m, 'Properties')), 'BucketName');
    if (nameNode && isScalar(nameNode) && !nameNode.tag && typeof nameNode.value === 'string')
      buckets.set(id, nameNode.value);
    else {
      buckets.set(id, `${r.file}#${id}`);
      displays.set(`${r.file}#${id}`, `${id} (defined in ${r.file})`);
      if (nameNode && isScalar(nameNode) && nameNode.tag === '!Sub' && typeof nameNode.value === 'string')
        subs.set(nameNode.value, `${r.file}#${id}`);
    }
  }
  return { resources, buckets, subs, displays };
}

function intrinsic(node: Node): { fn: string; arg: Node | null } | undefined {
  if (isScalar(node) && node.tag && node.tag.startsWith('!')) return { fn: node.tag.slice(1), arg: node };
  if ((isMap(node) || isSeq(node)) && node.tag && node.tag.startsWith('!')) return { fn: node.tag.slice(1), arg: node };
  if (isMap(node) && node.items.length === 1 && isScalar(node.items[0].key)) {
    const k = String(node.items[0].key.value);
    if (k === 'Ref') return { fn: 'Ref', arg: node.items[0].value as Node | null };
    if (k.startsWith('Fn::')) return { fn: k.slice(4), arg: node.items[0].value as Node | null };
  }
  return undefined;
}

/**
 * The resolver of SAM / CloudFormation templates: an intrinsic function (`!If`, `Fn::Select`,
 * `{Ref: X}`…) is an unknown value for the structural helpers (map, seq, str) and in the schema
 * view, as ROS does (src/formats/dialects/ros.ts): `Filter: !If [...]` is a filter trigger-lint
 * cannot read, not a missing one, and never an "unknown key Fn::If". `cfnStr` and `refTarget`
 * still evaluate the intrinsics they know.
 */
export class CfnResolver extends Resolver {
  override deref(node: Node | null | undefined) {
    const n = node ? (this.budget.deref(node) as Node | undefined) : undefined;
    if (n && intrinsic(n)) return new Unknown('CloudFormation intrinsic function, evaluated at deploy time');
    return super.deref(node);
  }
}

/** A value as a located string, evaluating the intrinsics above (undefined when absent). */
export function cfnStr(
  r: Resolver,
  t: Template,
  node: Node | null | undefined,
  fallback?: Location,
): Located<string> | undefined {
  if (node === undefined || node === null) return undefined;
  const at = r.loc(node, fallback);
  const fn = intrinsic(node);
  if (!fn) return r.str(node, fallback);
  const arg = fn.arg;
  if (fn.fn === 'Ref' && arg && isScalar(arg) && typeof arg.value === 'string') {
    const id = arg.value.trim();
    const b = t.buckets.get(id);
    return { value: b ?? new Unknown(`!Ref ${id} is known at deploy time`), at: r.loc(arg, at), ...display(t, b) };
  }
  if (fn.fn === 'Sub' && arg && isScalar(arg) && typeof arg.value === 'string') {
    if (!arg.value.includes('${')) return { value: arg.value, at };
    const b = t.subs.get(arg.value);
    return { value: b ?? new Unknown('!Sub with parameters'), at, ...display(t, b) };
  }
  return { value: new Unknown(`!${fn.fn} is evaluated at deploy time`), at };
}

/** The display of a bucket identity made up here (a spread: nothing for a real name). */
export function display(t: Template, identity: string | undefined): { display?: string } {
  const d = identity === undefined ? undefined : t.displays.get(identity);
  return d ? { display: d } : {};
}

/** The logical id a `!Ref` / `{Ref: X}` names, if the node is one. */
export function refTarget(r: Resolver, node: Node | null | undefined): Located<string> | undefined {
  if (!node) return undefined;
  const fn = intrinsic(node);
  if (!fn || fn.fn !== 'Ref' || !fn.arg || !isScalar(fn.arg)) return undefined;
  return { value: String(fn.arg.value), at: r.loc(fn.arg) };
}

/** Environment variables, each value evaluated with cfnStr. */
export function cfnEnv(r: Resolver, t: Template, ...varMaps: (Node | undefined)[]) {
  const env = new Map<string, Located<string>>();
  const keys = new Map<string, Location>();
  for (const n of varMaps) {
    const m = r.map(n);
    for (const [k, pair] of m ? entries(m) : []) {
      const v = cfnStr(r, t, pair.value, r.loc(pair.key)) ?? { value: '', at: r.loc(pair.key) };
      env.set(k, v);
      keys.set(k, r.loc(pair.key));
    }
  }
  return { env, keys };
}

const WRITE_TEMPLATES = new Set(['S3CrudPolicy', 'S3WritePolicy', 'S3FullAccessPolicy']);
const WRITE_ACTIONS = /^(s3:PutObject|s3:\*|\*|s3:Put\*)$/i;

/** SAM `Policies`: write templates `S3CrudPolicy: {BucketName}` and inline statements. */
export function samPolicyWrites(r: Resolver, t: Template, policies: Node | undefined): WriteTarget[] {
  const out: WriteTarget[] = [];
  if (!policies) return out;
  const list = r.seq(policies)?.items ?? [policies];
  for (const item of list) {
    const m = r.map(item as Node);
    if (!m) continue;
    for (const [k, pair] of entries(m)) {
      if (WRITE_TEMPLATES.has(k)) {
        const bucket = cfnStr(r, t, r.get(r.map(pair.value), 'BucketName'), r.loc(pair.key));
        if (bucket) out.push({ bucket, via: 'policy', label: k, at: r.loc(m) });
      } else if (k === 'Statement') out.push(...statementWrites(r, t, pair.value as Node));
    }
  }
  return out;
}

/** IAM statements granting s3:PutObject on `arn:aws:s3:::<bucket>/<prefix>*`. */
export function statementWrites(r: Resolver, t: Template | undefined, node: Node | undefined): WriteTarget[] {
  const out: WriteTarget[] = [];
  const list = r.seq(node)?.items ?? (node ? [node] : []);
  for (const item of list) {
    const st = r.map(item as Node);
    if (!st) continue;
    const effect = r.str(r.get(st, 'Effect'));
    if (effect && effect.value !== 'Allow') continue;
    const actions = strings(r, r.get(st, 'Action'));
    if (!actions.some((a) => typeof a.value === 'string' && WRITE_ACTIONS.test(a.value))) continue;
    const resNode = r.get(st, 'Resource');
    for (const item2 of r.seq(resNode)?.items ?? (resNode ? [resNode] : [])) {
      const res = t ? cfnStr(r, t, item2 as Node) : r.str(item2 as Node);
      if (!res || typeof res.value !== 'string') continue;
      const m = /^arn:aws:s3:::([^/]+)\/(.*)$/.exec(res.value);
      if (!m) continue;
      const star = m[2].indexOf('*');
      const prefix = star < 0 ? m[2] : m[2].slice(0, star);
      const exact = star === m[2].length - 1 && prefix !== '';
      out.push({
        bucket: { value: m[1], at: res.at },
        prefix: exact ? { value: prefix, at: res.at } : undefined,
        via: 'policy',
        label: res.value,
        at: res.at,
      });
    }
  }
  return out;
}

function strings(r: Resolver, node: Node | undefined): Located<string>[] {
  const seq = r.seq(node);
  if (seq) return seq.items.map((i) => r.str(i as Node)).filter((x): x is Located<string> => !!x);
  const s = r.str(node);
  return s ? [s] : [];
}
