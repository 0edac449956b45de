// Write targets from the policies on a function's role, one table per cloud: a statement that
// allows the storage write action (`s3:PutObject`, `oss:PutObject`, or a wildcard covering it) on
// `<bucket>/<path>` lets the function write into <bucket> (docs/architecture.md, "Recursion":
// a policy says where it *may* write, and counts only for a function that states no output).
// AWS: `aws_iam_role_policy`, `aws_iam_role_policy_attachment` → `aws_iam_policy`, the role's
// `inline_policy`, `data "aws_iam_policy_document"`. Alibaba Cloud: `alicloud_ram_role_policy_attachment`
// → `alicloud_ram_policy` (`policy_document`, the older `document`, or the oldest
// `statement = [{ effect, action, resource }]`); a `System` policy names no bucket and is skipped.
import type { WriteTarget } from '../../model/model.js';
import { coversAction, parseOssResource } from '../../model/policies.js';
import type { Location } from '../../types.js';
import type { Block } from './blocks.js';
import type { Ctx } from './context.js';
import { HOLE } from './evaluate.js';
import { jsonValue } from './located.js';
import { field, spanOf, str, type TfValue } from './value.js';

interface Attach {
  type: string;
  /** The attribute naming the role, and the one naming the policy. */
  role: string;
  policy: string;
  /** An attribute whose value means the policy is not in this module (`policy_type = "System"`). */
  external?: { attr: string; value: string };
}

export interface RolePolicyTable {
  role: string;
  roleNames: string[];
  /** A policy document written for one role (`aws_iam_role_policy { role, policy }`). */
  inline: { type: string; role: string; doc: string }[];
  attach: Attach[];
  policy: { type: string; names: string[]; docs: string[] };
  /** Blocks of the role resource that hold a document (`inline_policy { policy }`). */
  nested: { block: string; doc: string }[];
  /** The write action policies must allow. */
  action: string;
  /** The bucket and object path of a resource string, when it names one bucket. */
  resource(s: string): { bucket: string; path: string } | undefined;
  /** How a resource is named in messages. */
  label(s: string): string;
}

export const AWS_POLICIES: RolePolicyTable = {
  role: 'aws_iam_role',
  roleNames: ['name'],
  inline: [{ type: 'aws_iam_role_policy', role: 'role', doc: 'policy' }],
  attach: [{ type: 'aws_iam_role_policy_attachment', role: 'role', policy: 'policy_arn' }],
  policy: { type: 'aws_iam_policy', names: ['arn'], docs: ['policy'] },
  nested: [{ block: 'inline_policy', doc: 'policy' }],
  action: 's3:PutObject',
  resource: (s) => {
    const m = /^arn:aws:s3:::([^/*?]+)\/(.*)$/.exec(s);
    return m ? { bucket: m[1], path: m[2] } : undefined;
  },
  label: (s) => s,
};

export const ALIYUN_POLICIES: RolePolicyTable = {
  role: 'alicloud_ram_role',
  roleNames: ['role_name', 'name'],
  inline: [],
  attach: [
    {
      type: 'alicloud_ram_role_policy_attachment',
      role: 'role_name',
      policy: 'policy_name',
      external: { attr: 'policy_type', value: 'System' },
    },
  ],
  policy: { type: 'alicloud_ram_policy', names: ['policy_name', 'name'], docs: ['policy_document', 'document'] },
  nested: [],
  action: 'oss:PutObject',
  resource: parseOssResource,
  label: (s) => JSON.stringify(s.replaceAll(HOLE, '…')),
};

/** The role a function runs as: its resource address, or the name an ARN (`…:role/<name>`) gives. */
function roleOf(c: Ctx, t: RolePolicyTable, v: TfValue | undefined): { block?: Block; name?: string } {
  if (v?.t === 'unknown' && v.ref?.type === t.role) {
    const block = c.m.resource(`${t.role}.${v.ref.name}`);
    return { block, name: block ? firstStr(c, block, t.roleNames) : undefined };
  }
  const s = str(v);
  const name = s === undefined ? undefined : /:role\/([^/]+)$/i.exec(s)?.[1];
  if (name === undefined) return {};
  const block = c.m.ofType(t.role).find(([, b]) => firstStr(c, b, t.roleNames) === name)?.[1];
  return { block, name };
}

function firstStr(c: Ctx, b: Block, names: string[]): string | undefined {
  for (const n of names) {
    const v = str(c.m.get(b, n));
    if (v !== undefined && !v.includes(HOLE)) return v;
  }
  return undefined;
}

/** Whether attribute `attr` of `b` names this block (by reference) or this name. */
function names(c: Ctx, b: Block, attr: string, type: string, target: Block | undefined, name: string | undefined) {
  const v = c.m.get(b, attr);
  if (v?.t === 'unknown' && v.ref?.type === type) return !!target && c.m.resource(`${type}.${v.ref.name}`) === target;
  const s = str(v);
  return s !== undefined && name !== undefined && (s === name || s.endsWith(`/${name}`));
}

/** Write targets of the policies on the role `roleValue` names (a function's `role`, a service's). */
export function roleWrites(c: Ctx, t: RolePolicyTable, roleValue: TfValue | undefined): WriteTarget[] {
  const { m } = c;
  const role = roleOf(c, t, roleValue);
  if (!role.block && role.name === undefined) return [];
  const docs: { block: Block; attr: string }[] = [];
  for (const i of t.inline)
    for (const [, p] of m.ofType(i.type))
      if (names(c, p, i.role, t.role, role.block, role.name)) docs.push({ block: p, attr: i.doc });
  for (const a of t.attach)
    for (const [, at] of m.ofType(a.type)) {
      if (!names(c, at, a.role, t.role, role.block, role.name)) continue;
      if (a.external && str(m.get(at, a.external.attr)) === a.external.value) continue;
      for (const [, p] of m.ofType(t.policy.type))
        if (names(c, at, a.policy, t.policy.type, p, firstStr(c, p, t.policy.names)))
          for (const d of [...t.policy.docs, 'statement']) if (p.attrs.has(d)) docs.push({ block: p, attr: d });
    }
  for (const n of t.nested)
    for (const b of role.block?.blocks.filter((x) => x.type === n.block) ?? []) docs.push({ block: b, attr: n.doc });
  const out: WriteTarget[] = [];
  for (const d of docs) {
    const a = d.block.attrs.get(d.attr)!;
    const text = m.texts.get(a.file)?.slice(a.expr.startIndex, a.expr.endIndex).trim() ?? '';
    const ref = /^data\.aws_iam_policy_document\.([\w-]+)\.json$/.exec(text);
    if (ref) {
      const doc = m.data.get(`aws_iam_policy_document.${ref[1]}`);
      for (const st of doc?.blocks.filter((x) => x.type === 'statement') ?? [])
        out.push(...statementWrites(t, m.get(st, 'effect'), m.get(st, 'actions'), m.get(st, 'resources')));
      continue;
    }
    for (const st of statements(jsonValue(m.holes(d.block, d.attr)).value, 0))
      out.push(
        ...statementWrites(
          t,
          field(st, 'Effect', 'effect'),
          field(st, 'Action', 'action', 'actions'),
          field(st, 'Resource', 'resource', 'resources'),
        ),
      );
  }
  return out;
}

/** The statements of a document: `{Statement: […]}`, a list of statements, or one statement. */
function statements(v: TfValue | undefined, depth: number): TfValue[] {
  if (!v || depth > 4) return [];
  if (v.t === 'list') return v.items.flatMap((x) => statements(x, depth + 1));
  if (v.t !== 'obj') return [];
  const inner = field(v, 'Statement', 'statement');
  if (inner) return statements(inner, depth + 1);
  return field(v, 'Effect', 'effect') ? [v] : [];
}

const items = (v: TfValue | undefined): TfValue[] => (!v ? [] : v.t === 'list' ? v.items : [v]);

function statementWrites(
  t: RolePolicyTable,
  effect: TfValue | undefined,
  actions: TfValue | undefined,
  resources: TfValue | undefined,
): WriteTarget[] {
  const e = str(effect);
  if (effect && (e === undefined || e.toLowerCase() !== 'allow')) return [];
  if (!items(actions).some((x) => str(x) !== undefined && coversAction(str(x)!, t.action))) return [];
  const out: WriteTarget[] = [];
  for (const res of items(resources)) {
    if (res.t !== 'str') continue;
    const parsed = t.resource(res.v);
    if (!parsed || parsed.bucket.includes(HOLE) || /[*?]/.test(parsed.bucket)) continue;
    const bStart = res.v.length - parsed.path.length - 1 - parsed.bucket.length;
    const cut = parsed.path.search(new RegExp(`[*?${HOLE}]`));
    const prefix = cut < 0 ? parsed.path : parsed.path.slice(0, cut);
    const at: Location = res.at;
    const pStart = bStart + parsed.bucket.length + 1;
    out.push({
      bucket: { value: parsed.bucket, at: spanOf(res, bStart, bStart + parsed.bucket.length) },
      ...(prefix !== '' ? { prefix: { value: prefix, at: spanOf(res, pStart, pStart + prefix.length) } } : {}),
      via: 'policy',
      label: t.label(res.v),
      at,
    });
  }
  return out;
}
