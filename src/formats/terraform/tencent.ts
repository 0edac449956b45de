// Tencent Cloud resources into the Model: tencentcloud_scf_function (name, environment,
// handler, `triggers { name, type, trigger_desc, cos_region }`) and
// tencentcloud_scf_trigger_config (function_name, trigger_name, type, trigger_desc). A COS
// trigger's name is its bucket domain `<bucket>-<appid>.cos.<region>.myqcloud.com` and its
// trigger_desc a JSON document `{"event": …, "filter": {"Prefix": …, "Suffix": …}}`; a timer's
// trigger_desc is its cron expression.
import { keyFilter } from '../common.js';
import type { FunctionDef, Located, OtherTrigger, StorageTrigger, TimerTrigger, Trigger } from '../../model/model.js';
import type { Location } from '../../types.js';
import type { Block } from './blocks.js';
import { Ctx, envOf, FORMAT } from './context.js';
import { events, filterOf, jsonValue, locStr, optStr } from './located.js';
import { field, str, type TfValue } from './value.js';

export function mapTencent(c: Ctx): void {
  const { m } = c;
  for (const [name, b] of m.ofType('tencentcloud_scf_function')) {
    const fname = locStr(m.get(b, 'name'), b.head);
    const env = envOf(m.get(b, 'environment'));
    const fn: FunctionDef = {
      id: c.id(b),
      name: fname,
      vendor: 'tencent',
      format: FORMAT,
      region: c.regionOf(b, 'tencentcloud'),
      env: env.env,
      writes: [],
      at: b.head,
    };
    fn.writes.push(
      ...env.writes(fn).map((w) =>
        w.bucket && typeof w.bucket.value === 'string'
          ? {
              ...w,
              bucket: { ...w.bucket, value: w.bucket.value.replace(/^(?:https?:\/\/)?([^./]+)\.cos\..*$/, '$1') },
            }
          : w,
      ),
    );
    c.addFunction(
      `tencentcloud_scf_function.${name}`,
      fn,
      typeof fname.value === 'string' ? `tencent:${fname.value}` : undefined,
    );
    let i = 0;
    for (const t of b.blocks.filter((x) => x.type === 'triggers')) {
      const tr = trigger(
        c,
        t,
        fn,
        m.get(t, 'type'),
        m.get(t, 'name'),
        m.holes(t, 'trigger_desc'),
        m.get(t, 'cos_region'),
        c.id(b, `.triggers[${i++}]`),
      );
      if (tr) c.triggers.push(tr);
    }
  }
  for (const [, b] of m.ofType('tencentcloud_scf_trigger_config')) {
    const v = m.get(b, 'function_name');
    const fn =
      (v?.t === 'unknown' && v.ref?.type === 'tencentcloud_scf_function'
        ? c.byAddress.get(`tencentcloud_scf_function.${v.ref.name}`)
        : undefined) ??
      c.byName.get(`tencent:${str(v)}`) ??
      c.externalFunction('tencent', str(v) ?? 'a function outside this module', v?.at ?? b.head);
    const tr = trigger(
      c,
      b,
      fn,
      m.get(b, 'type'),
      m.get(b, 'trigger_name'),
      m.holes(b, 'trigger_desc'),
      undefined,
      c.id(b),
    );
    if (tr) c.triggers.push(tr);
  }
}

/** `<bucket>-<appid>.cos.<region>.myqcloud.com` into the bucket and region, each located at its label when written in place. */
function cosDomain(v: TfValue | undefined, fallback: Location): { bucket: Located<string>; region?: Located<string> } {
  const l = locStr(v, fallback);
  if (typeof l.value !== 'string' || v?.t !== 'str') return { bucket: l };
  const mm = /^([^.]+)\.cos\.([^.]+)\.(?:myqcloud\.com|tencentcos\.cn)$/.exec(l.value);
  if (!mm) return { bucket: l };
  const span = (s: number, e: number): Location => {
    const a = v.map?.[s];
    const b = v.map?.[e];
    return a !== undefined && b !== undefined && a >= 0 && b >= a ? { file: v.at.file, start: a, end: b } : l.at;
  };
  const rs = mm[1].length + 5;
  return {
    bucket: { ...l, value: mm[1], at: span(0, mm[1].length) },
    region: { value: mm[2], at: span(rs, rs + mm[2].length) },
  };
}

function trigger(
  c: Ctx,
  b: Block,
  fn: FunctionDef,
  typeV: TfValue | undefined,
  nameV: TfValue | undefined,
  desc: TfValue | undefined,
  cosRegion: TfValue | undefined,
  id: string,
): Trigger | undefined {
  const type = str(typeV) ?? '';
  const name = optStr(nameV) ?? { value: type, at: b.head };
  const base = { id, type, name, function: fn, at: b.head };
  if (type === 'cos') {
    const { bucket, region } = cosDomain(nameV, b.head);
    const cfg = jsonValue(desc).value;
    const ev = events(field(cfg, 'event'), 'tencent', cfg?.at ?? b.head);
    const f = field(cfg, 'filter');
    const fAt = f?.at ?? cfg?.at ?? b.head;
    const prefix = filterOf(field(f, 'Prefix', 'prefix'), fAt);
    const suffix = filterOf(field(f, 'Suffix', 'suffix'), fAt);
    const bucketRegion = cosRegion ? locStr(cosRegion, b.head) : region;
    const s: StorageTrigger = {
      ...base,
      kind: 'storage',
      bucket,
      ...(bucketRegion ? { bucketRegion } : {}),
      events: ev.events,
      eventItems: ev.items,
      ...keyFilter(prefix, suffix),
      native: true,
    };
    return s;
  }
  if (type === 'timer') {
    const t: TimerTrigger = { ...base, kind: 'timer', dialect: 'tencent', schedule: locStr(desc, b.head) };
    return t;
  }
  const o: OtherTrigger = { ...base, kind: type === 'apigw' ? 'other' : 'other', fields: {} };
  return o;
}
