// Alibaba Cloud resources into the Model: alicloud_fc_service / alicloud_fc_function /
// alicloud_fc_trigger (`type`, `source_arn`, `config` — a JSON document written as a heredoc,
// `jsonencode` or an escaped literal: OSS `events` and `filter.key`, timer `cronExpression`,
// HTTP `authType`/`methods`, log `sourceConfig`/`jobConfig`/`logConfig`, MNS `config_mns`),
// alicloud_fcv3_function / alicloud_fcv3_trigger (`trigger_type`, `trigger_config`), and
// alicloud_oss_bucket (its region is its provider's); RAM policies attached to the function's
// role (its service's for FC 2.0) that grant oss:PutObject are write targets (role-policies.ts).
import { keyFilter } from '../common.js';
import type {
  FunctionDef,
  HttpTrigger,
  Located,
  LogTrigger,
  OtherTrigger,
  QueueTrigger,
  StorageTrigger,
  TimerTrigger,
  Trigger,
} from '../../model/model.js';
import type { Location } from '../../types.js';
import type { Block } from './blocks.js';
import { Ctx, envOf, FORMAT, unknownStr } from './context.js';
import { HOLE } from './evaluate.js';
import { jsonViewOf } from './json-view.js';
import { events, filterOf, jsonValue, locBool, locNum, locStr, optStr, strItems } from './located.js';
import { field, str, type TfValue } from './value.js';
import { ALIYUN_POLICIES, roleWrites } from './role-policies.js';

export function mapAlicloud(c: Ctx): void {
  const { m } = c;
  for (const [name, b] of m.ofType('alicloud_fc_function')) {
    const svc = m.get(b, 'service');
    const fname = locStr(m.get(b, 'name'), b.head);
    // the service by reference, or by the name it is given (`"${alicloud_fc_service.s.name}"` is that name)
    const svcBlock =
      svc?.t === 'unknown' && svc.ref?.type === 'alicloud_fc_service'
        ? m.resource(`alicloud_fc_service.${svc.ref.name}`)
        : str(svc) !== undefined
          ? m.ofType('alicloud_fc_service').find(([, x]) => str(m.get(x, 'name')) === str(svc))?.[1]
          : undefined;
    const fn = fcFunction(c, b, fname, m.get(b, 'environment_variables'));
    const key =
      str(svc) !== undefined && typeof fname.value === 'string' ? `aliyun:${str(svc)}/${fname.value}` : undefined;
    if (svcBlock) fn.region ??= c.regionOf(svcBlock, 'alicloud');
    // FC 2.0 runs a function as its service's role
    if (svcBlock) fn.writes.push(...roleWrites(c, ALIYUN_POLICIES, m.get(svcBlock, 'role')));
    c.addFunction(`alicloud_fc_function.${name}`, fn, key);
  }
  for (const [name, b] of m.ofType('alicloud_fcv3_function')) {
    const fname = locStr(m.get(b, 'function_name'), b.head);
    const fn = fcFunction(c, b, fname, m.get(b, 'environment_variables'));
    fn.writes.push(...roleWrites(c, ALIYUN_POLICIES, m.get(b, 'role')));
    c.addFunction(
      `alicloud_fcv3_function.${name}`,
      fn,
      typeof fname.value === 'string' ? `aliyun:${fname.value}` : undefined,
    );
  }
  for (const [name, b] of m.ofType('alicloud_fc_trigger')) {
    const fn = findFunction(c, b, 'function', 'alicloud_fc_function', () => {
      const s = str(m.get(b, 'service'));
      const f = str(m.get(b, 'function'));
      return s !== undefined && f !== undefined ? `aliyun:${s}/${f}` : undefined;
    });
    const type = str(m.get(b, 'type')) ?? '';
    const cfgAttr = type === 'mns_topic' && b.attrs.has('config_mns') ? 'config_mns' : 'config';
    const t = trigger(
      c,
      b,
      fn,
      { address: `alicloud_fc_trigger.${name}`, type, typeAttr: 'type', cfgAttr },
      optStr(m.get(b, 'name')) ?? { value: name, at: b.head },
    );
    if (t) c.triggers.push(t);
  }
  for (const [name, b] of m.ofType('alicloud_fcv3_trigger')) {
    const fn = findFunction(c, b, 'function_name', 'alicloud_fcv3_function', () => {
      const f = str(m.get(b, 'function_name'));
      return f !== undefined ? `aliyun:${f}` : undefined;
    });
    const type = str(m.get(b, 'trigger_type')) ?? '';
    const t = trigger(
      c,
      b,
      fn,
      { address: `alicloud_fcv3_trigger.${name}`, type, typeAttr: 'trigger_type', cfgAttr: 'trigger_config' },
      optStr(m.get(b, 'trigger_name')) ?? { value: name, at: b.head },
    );
    if (t) c.triggers.push(t);
  }
}

/** Which trigger resource, and the attributes holding its type and its config JSON. */
interface TriggerAttrs {
  address: string;
  type: string;
  typeAttr: string;
  cfgAttr: string;
}

/**
 * Hand a trigger's type and config JSON to the `schema` rule (schemas/config/terraform-alicloud.json:
 * the config of each type typed as in every other Alibaba format). A config that is not a JSON
 * object (unknown, or not JSON: an issue of its own) is not checked.
 */
function checkConfig(c: Ctx, b: Block, { address, typeAttr, cfgAttr }: TriggerAttrs, cfg: TfValue | undefined): void {
  const typeV = c.m.get(b, typeAttr);
  if (!typeV || cfg?.t !== 'obj') return;
  const view = jsonViewOf(
    [
      [typeAttr, attrAt(b, typeAttr), typeV],
      [cfgAttr, attrAt(b, cfgAttr), cfg],
    ],
    b.head,
  );
  c.schemaTargets.push({
    file: b.head.file,
    target: { schema: 'config/terraform-alicloud', view, label: address, quote: '"' },
  });
}

/** Where an attribute's name is written (the block's head when it is not). */
function attrAt(b: Block, name: string): Location {
  return b.attrs.get(name)?.key ?? b.head;
}

function fcFunction(c: Ctx, b: Block, name: Located<string>, envV: TfValue | undefined): FunctionDef {
  const { m } = c;
  const env = envOf(envV);
  const fn: FunctionDef = {
    id: c.id(b),
    name,
    vendor: 'aliyun',
    format: FORMAT,
    region: c.regionOf(b, 'alicloud'),
    env: env.env,
    writes: [],
    at: b.head,
  };
  fn.writes.push(...env.writes(fn));
  const handler = optStr(m.get(b, 'handler'));
  const runtime = str(m.get(b, 'runtime'));
  const f = b.attrs.get('filename');
  const text = f ? (m.texts.get(f.file)?.slice(f.expr.startIndex, f.expr.endIndex).trim() ?? '') : '';
  const ref = /^data\.archive_file\.([\w-]+)\.output_path$/.exec(text);
  const arch = ref ? m.data.get(`archive_file.${ref[1]}`) : undefined;
  const dir = arch && arch.attrs.has('source_dir') ? locStr(m.get(arch, 'source_dir'), arch.head) : undefined;
  if (dir && handler) fn.code = { dir, handler, ...(runtime ? { runtime } : {}) };
  return fn;
}

function findFunction(c: Ctx, b: Block, attr: string, type: string, key: () => string | undefined): FunctionDef {
  const v = c.m.get(b, attr);
  if (v?.t === 'unknown' && v.ref?.type === type) {
    const fn = c.byAddress.get(`${type}.${v.ref.name}`);
    if (fn) return fn;
  }
  const k = key();
  if (k && c.byName.get(k)) return c.byName.get(k)!;
  return c.externalFunction(
    'aliyun',
    k?.slice('aliyun:'.length) ?? str(v) ?? 'a function outside this module',
    v?.at ?? b.head,
  );
}

/** Field `i` of an ARN `acs:<service>:<region>:<account>:<resource>`, located when written in place. */
function arnField(v: TfValue | undefined, i: number, fallback: Location): Located<string> | undefined {
  if (!v || v.t !== 'str') return v ? unknownStr('source_arn is not known', v.at) : undefined;
  const parts = v.v.split(':');
  if (parts.length < 5) return undefined;
  const text = i < 4 ? parts[i] : parts.slice(4).join(':');
  if (text.includes(HOLE)) return unknownStr(`source_arn field ${i + 1} is not known`, v.at);
  const start = parts.slice(0, i).join(':').length + (i ? 1 : 0);
  const a = v.map?.[start];
  const e = v.map?.[start + text.length];
  const at =
    a !== undefined && e !== undefined && a >= 0 && e >= a ? { file: v.at.file, start: a, end: e } : (v.at ?? fallback);
  return { value: text, at };
}

function trigger(c: Ctx, b: Block, fn: FunctionDef, attrs: TriggerAttrs, name: Located<string>): Trigger | undefined {
  const { m } = c;
  const { type, cfgAttr } = attrs;
  const arn = m.holes(b, 'source_arn');
  const written = m.holes(b, cfgAttr);
  const { value: cfg, issue } = jsonValue(written);
  checkConfig(c, b, attrs, cfg);
  if (issue)
    c.issues.push({
      at: written!.at,
      message: `${cfgAttr} ${issue}: Function Compute rejects the trigger; write valid JSON, or use jsonencode({…})`,
    });
  const at = b.head;
  const base = { id: c.id(b), type, name, function: fn, at };
  const get = (...path: string[]) =>
    path.reduce<TfValue | undefined>((v, k) => field(v, k, k[0].toUpperCase() + k.slice(1)), cfg);
  switch (type) {
    case 'oss': {
      const res = arnField(arn, 4, at);
      const bucket =
        res && typeof res.value === 'string'
          ? { ...res, value: res.value.split('/')[0] }
          : (res ?? unknownStr('no source_arn', at));
      const bucketRegion = arnField(arn, 2, at);
      const ev = events(get('events'), 'aliyun', at);
      const keyAt = get('filter', 'key')?.at ?? get('filter')?.at ?? cfg?.at ?? at;
      const prefix = filterOf(get('filter', 'key', 'prefix'), keyAt);
      const suffix = filterOf(get('filter', 'key', 'suffix'), keyAt);
      const s: StorageTrigger = {
        ...base,
        kind: 'storage',
        bucket,
        ...(bucketRegion && bucketRegion.value !== '' ? { bucketRegion } : {}),
        events: ev.events,
        eventItems: ev.items,
        ...keyFilter(prefix, suffix),
        native: true,
      };
      return s;
    }
    case 'timer': {
      const t: TimerTrigger = {
        ...base,
        kind: 'timer',
        dialect: 'aliyun',
        schedule: locStr(get('cronExpression'), cfg?.at ?? at),
        ...(get('enable') ? { enabled: locBool(get('enable')) } : {}),
        ...(get('payload') ? { payload: locStr(get('payload'), at) } : {}),
      };
      return t;
    }
    case 'http': {
      const methods = strItems(get('methods'), at);
      const h: HttpTrigger = {
        ...base,
        kind: 'http',
        gateway: false,
        ...(methods.list
          ? {
              methods: {
                ...methods.list,
                value: Array.isArray(methods.list.value)
                  ? methods.list.value.map((x) => x.toUpperCase())
                  : methods.list.value,
              },
            }
          : {}),
        methodItems: methods.items,
        ...(get('authType') ? { authType: locStr(get('authType'), at) } : {}),
        ...(m.get(b, 'qualifier') ? { qualifier: locStr(m.get(b, 'qualifier'), at) } : {}),
      };
      return h;
    }
    case 'log': {
      const proj = arnField(arn, 4, at);
      const l: LogTrigger = {
        ...base,
        kind: 'log',
        ...(proj && typeof proj.value === 'string'
          ? { sourceProject: { ...proj, value: proj.value.replace(/^project\//, '') } }
          : {}),
        ...(get('sourceConfig', 'logstore') ? { sourceLogstore: locStr(get('sourceConfig', 'logstore'), at) } : {}),
        ...(get('logConfig', 'project') ? { logProject: locStr(get('logConfig', 'project'), at) } : {}),
        ...(get('logConfig', 'logstore') ? { logLogstore: locStr(get('logConfig', 'logstore'), at) } : {}),
        ...(get('jobConfig', 'triggerInterval') ? { interval: locNum(get('jobConfig', 'triggerInterval')) } : {}),
        ...(get('jobConfig', 'maxRetryTime') ? { retries: locNum(get('jobConfig', 'maxRetryTime')) } : {}),
        ...(get('enable') ? { enabled: locBool(get('enable')) } : {}),
      };
      return l;
    }
    case 'mns_topic': {
      const topic = arnField(arn, 4, at);
      const q: QueueTrigger = {
        ...base,
        kind: 'queue',
        ...(topic && typeof topic.value === 'string'
          ? { topic: { ...topic, value: topic.value.replace(/^\/?topics\//, '') } }
          : {}),
        ...(get('filterTag') ? { filter: locStr(get('filterTag'), at) } : {}),
      };
      return q;
    }
    default: {
      const o: OtherTrigger = { ...base, kind: type === 'eventbridge' ? 'other' : 'other', fields: {} };
      return o;
    }
  }
}
