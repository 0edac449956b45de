// AWS resources into the Model: aws_lambda_function (name, environment.variables, handler, code
// from `filename` / `source_dir` through data "archive_file"), aws_s3_bucket_notification
// (lambda_function / queue / topic blocks: events, filter_prefix, filter_suffix), IAM role
// policies that grant s3:PutObject (role-policies.ts), and schedules
// (aws_cloudwatch_event_rule + aws_cloudwatch_event_target, aws_scheduler_schedule).
// aws_lambda_permission grants S3 the right to invoke and adds nothing the rules read.
import { keyFilter } from '../common.js';
import type { FunctionDef, StorageTrigger, TimerTrigger } from '../../model/model.js';
import type { Block } from './blocks.js';
import { Ctx, envOf, FORMAT, unknownStr } from './context.js';
import { events, filterOf, locBool, locStr, optStr } from './located.js';
import { AWS_POLICIES, roleWrites } from './role-policies.js';
import { field, str, type TfValue } from './value.js';

export function mapAws(c: Ctx): void {
  const { m } = c;
  for (const [name, b] of m.ofType('aws_lambda_function')) {
    const at = b.head;
    const fname = locStr(m.get(b, 'function_name'), at);
    // `environment { variables = {…} }`, or the Terraform 0.11 spelling `environment = { variables = {…} }`
    const envBlock = b.blocks.find((x) => x.type === 'environment');
    const env = envOf(envBlock ? m.get(envBlock, 'variables') : field(m.get(b, 'environment'), 'variables'));
    const fn: FunctionDef = {
      id: c.id(b),
      name: fname,
      vendor: 'aws',
      format: FORMAT,
      region: c.regionOf(b, 'aws'),
      env: env.env,
      writes: [],
      at,
    };
    fn.writes.push(...env.writes(fn), ...roleWrites(c, AWS_POLICIES, m.get(b, 'role')));
    const dir = codeDir(c, b);
    const handler = optStr(m.get(b, 'handler'));
    const runtime = str(m.get(b, 'runtime'));
    if (dir && handler) fn.code = { dir, handler, ...(runtime ? { runtime } : {}) };
    c.addFunction(
      `aws_lambda_function.${name}`,
      fn,
      typeof fname.value === 'string' ? `aws:${fname.value}` : undefined,
    );
  }
  for (const [name, b] of m.ofType('aws_s3_bucket_notification')) notification(c, name, b);
  schedules(c);
}

/** The folder of the function's code: `source_dir` of the archive_file its `filename` comes from. */
function codeDir(c: Ctx, b: Block) {
  const f = b.attrs.get('filename');
  const text = f ? (c.m.texts.get(f.file)?.slice(f.expr.startIndex, f.expr.endIndex) ?? '') : '';
  const ref = /^data\.archive_file\.([\w-]+)\.output_path$/.exec(text.trim());
  const arch = ref ? c.m.data.get(`archive_file.${ref[1]}`) : undefined;
  if (!arch) return undefined;
  const dir = c.m.get(arch, 'source_dir');
  if (dir) return locStr(dir, arch.head);
  const file = str(c.m.get(arch, 'source_file'));
  if (file === undefined) return undefined;
  const slash = file.lastIndexOf('/');
  return { value: slash < 0 ? '.' : file.slice(0, slash), at: c.m.get(arch, 'source_file')!.at };
}

/** The function a notification's `lambda_function_arn` names. */
function target(c: Ctx, v: TfValue | undefined, fallback: Block): FunctionDef {
  if (v?.t === 'unknown' && v.ref && v.ref.type === 'aws_lambda_function') {
    const fn = c.byAddress.get(`aws_lambda_function.${v.ref.name}`);
    if (fn) return fn;
  }
  const s = str(v);
  const byName = s ? (/:function:([^:]+)(?::[^:]+)?$/.exec(s)?.[1] ?? s) : undefined;
  if (byName && c.byName.get(`aws:${byName}`)) return c.byName.get(`aws:${byName}`)!;
  const at = v?.at ?? fallback.head;
  const label = s ?? c.m.texts.get(at.file)?.slice(at.start, at.end) ?? 'a destination';
  return c.externalFunction('aws', label, at);
}

function notification(c: Ctx, name: string, b: Block): void {
  const { m } = c;
  const bucketV = m.get(b, 'bucket');
  const bucket = locStr(bucketV, b.head);
  const bucketBlock = typeof bucket.value === 'string' ? c.awsBuckets().get(bucket.value) : undefined;
  // the bucket's provider region, pointed at where this notification names the bucket
  const region = bucketBlock ? c.regionOf(bucketBlock, 'aws') : c.regionOf(b, 'aws');
  const bucketRegion = region ? { ...region, at: bucket.at, origin: region.at } : undefined;
  let i = 0;
  for (const d of b.blocks) {
    const arnAttr =
      d.type === 'lambda_function'
        ? 'lambda_function_arn'
        : d.type === 'queue'
          ? 'queue_arn'
          : d.type === 'topic'
            ? 'topic_arn'
            : undefined;
    if (!arnAttr) continue;
    const fn = target(c, m.get(d, arnAttr), d);
    const ev = events(m.get(d, 'events'), 'aws', d.head);
    const prefix = filterOf(m.get(d, 'filter_prefix'), d.head);
    const suffix = filterOf(m.get(d, 'filter_suffix'), d.head);
    const id = optStr(m.get(d, 'id'));
    const t: StorageTrigger = {
      id: c.id(b, `.${d.type}[${i++}]`),
      kind: 'storage',
      type: 's3',
      name: id ?? { value: `${name}.${d.type}[${i - 1}]`, at: d.head },
      function: fn,
      at: d.head,
      bucket,
      ...(bucketRegion ? { bucketRegion } : {}),
      events: ev.events,
      eventItems: ev.items,
      ...keyFilter(prefix, suffix),
      native: true,
      configuration: { value: `${c.prefix}aws_s3_bucket_notification.${name}`, at: b.head },
    };
    c.triggers.push(t);
  }
}

/** A schedule that targets a function of the module. */
function schedules(c: Ctx): void {
  const { m } = c;
  const fnOf = (v: TfValue | undefined) =>
    v?.t === 'unknown' && v.ref?.type === 'aws_lambda_function'
      ? c.byAddress.get(`aws_lambda_function.${v.ref.name}`)
      : undefined;
  for (const [name, t] of m.ofType('aws_cloudwatch_event_target')) {
    const fn = fnOf(m.get(t, 'arn'));
    const rv = m.get(t, 'rule');
    const ruleName = str(rv);
    const rule =
      rv?.t === 'unknown' && rv.ref?.type === 'aws_cloudwatch_event_rule'
        ? m.resource(`aws_cloudwatch_event_rule.${rv.ref.name}`)
        : m
            .ofType('aws_cloudwatch_event_rule')
            .find(([k, x]) => str(m.get(x, 'name')) === ruleName || k === ruleName)?.[1];
    if (!fn || !rule || !rule.attrs.has('schedule_expression')) continue;
    const state = m.get(rule, 'state');
    const timer: TimerTrigger = {
      id: c.id(t),
      kind: 'timer',
      type: 'schedule',
      name: { value: name, at: t.head },
      function: fn,
      at: rule.head,
      dialect: 'aws',
      schedule: locStr(m.get(rule, 'schedule_expression'), rule.head),
      ...(state
        ? { enabled: { value: str(state) !== 'DISABLED', at: state.at } }
        : rule.attrs.has('is_enabled')
          ? { enabled: locBool(m.get(rule, 'is_enabled')) }
          : {}),
      ...(t.attrs.has('input') ? { payload: locStr(m.get(t, 'input'), t.head) } : {}),
    };
    c.triggers.push(timer);
  }
  for (const [name, s] of m.ofType('aws_scheduler_schedule')) {
    const tgt = s.blocks.find((x) => x.type === 'target');
    const fn = fnOf(m.get(tgt, 'arn'));
    if (!fn) continue;
    const state = m.get(s, 'state');
    const tz = m.get(s, 'schedule_expression_timezone');
    const timer: TimerTrigger = {
      id: c.id(s),
      kind: 'timer',
      type: 'schedule',
      name: { value: name, at: s.head },
      function: fn,
      at: s.head,
      dialect: 'aws',
      schedule: s.attrs.has('schedule_expression')
        ? locStr(m.get(s, 'schedule_expression'), s.head)
        : unknownStr('no schedule', s.head),
      ...(tz ? { timezone: locStr(tz, s.head) } : {}),
      ...(state ? { enabled: { value: str(state) !== 'DISABLED', at: state.at } } : {}),
      ...(tgt?.attrs.has('input') ? { payload: locStr(m.get(tgt, 'input'), tgt.head) } : {}),
    };
    c.triggers.push(timer);
  }
}
