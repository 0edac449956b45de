// Huawei Cloud resources into the Model: huaweicloud_fgs_function (name, `user_data` — the
// environment variables as a JSON document —, handler), huaweicloud_fgs_trigger (`type`,
// `obs { bucket_name, events, prefix, suffix }`, `timer { name, schedule_type, schedule }`) and
// huaweicloud_fgs_function_trigger (`type`, `event_data` as jsonencode or a JSON string).
import { keyFilter } from '../common.js';
import type { FunctionDef, OtherTrigger, StorageTrigger, TimerTrigger } from '../../model/model.js';
import type { Block } from './blocks.js';
import { Ctx, envOf, FORMAT } from './context.js';
import { events, filterOf, jsonValue, locBool, locStr, optStr } from './located.js';
import { field, str, type TfValue } from './value.js';

export function mapHuawei(c: Ctx): void {
  const { m } = c;
  for (const [name, b] of m.ofType('huaweicloud_fgs_function')) {
    const fname = locStr(m.get(b, 'name') ?? m.get(b, 'function_name'), b.head);
    const env = envOf(jsonValue(m.holes(b, 'user_data')).value);
    const fn: FunctionDef = {
      id: c.id(b),
      name: fname,
      vendor: 'huawei',
      format: FORMAT,
      region: c.regionOf(b, 'huaweicloud'),
      env: env.env,
      writes: [],
      at: b.head,
    };
    fn.writes.push(...env.writes(fn));
    c.addFunction(
      `huaweicloud_fgs_function.${name}`,
      fn,
      typeof fname.value === 'string' ? `huawei:${fname.value}` : undefined,
    );
  }
  const fnOf = (b: Block) => {
    const v = m.get(b, 'function_urn');
    return (
      (v?.t === 'unknown' && v.ref?.type === 'huaweicloud_fgs_function'
        ? c.byAddress.get(`huaweicloud_fgs_function.${v.ref.name}`)
        : undefined) ?? c.externalFunction('huawei', str(v) ?? 'a function outside this module', v?.at ?? b.head)
    );
  };
  for (const [name, b] of m.ofType('huaweicloud_fgs_trigger')) {
    const fn = fnOf(b);
    const type = (str(m.get(b, 'type')) ?? '').toUpperCase();
    const base = { id: c.id(b), type: type.toLowerCase(), name: { value: name, at: b.head }, function: fn, at: b.head };
    const obs = b.blocks.find((x) => x.type === 'obs');
    const timer = b.blocks.find((x) => x.type === 'timer');
    if (type === 'OBS' && obs) {
      c.triggers.push(
        storage(
          base,
          m.get(obs, 'bucket_name'),
          m.get(obs, 'events'),
          m.get(obs, 'prefix'),
          m.get(obs, 'suffix'),
          obs.head,
          optStr(m.get(obs, 'event_notification_name')),
        ),
      );
    } else if (type === 'TIMER' && timer) {
      const t: TimerTrigger = {
        ...base,
        kind: 'timer',
        dialect: 'huawei',
        ...(timer.attrs.has('name') ? { name: locStr(m.get(timer, 'name'), timer.head) } : {}),
        schedule: locStr(m.get(timer, 'schedule'), timer.head),
        ...(timer.attrs.has('schedule_type')
          ? { scheduleType: locStr(m.get(timer, 'schedule_type'), timer.head) }
          : {}),
        ...(timer.attrs.has('additional_information')
          ? { payload: locStr(m.get(timer, 'additional_information'), timer.head) }
          : {}),
        ...(b.attrs.has('status')
          ? { enabled: { value: str(m.get(b, 'status')) !== 'DISABLED', at: b.attrs.get('status')!.at } }
          : {}),
      };
      c.triggers.push(t);
    } else {
      const o: OtherTrigger = { ...base, kind: 'other', fields: {} };
      c.triggers.push(o);
    }
  }
  for (const [name, b] of m.ofType('huaweicloud_fgs_function_trigger')) {
    const fn = fnOf(b);
    const type = (str(m.get(b, 'type')) ?? '').toUpperCase();
    const data = jsonValue(m.holes(b, 'event_data')).value;
    const base = { id: c.id(b), type: type.toLowerCase(), name: { value: name, at: b.head }, function: fn, at: b.head };
    if (type === 'OBS') {
      c.triggers.push(
        storage(
          base,
          field(data, 'bucket'),
          field(data, 'events'),
          field(data, 'prefix'),
          field(data, 'suffix'),
          data?.at ?? b.head,
          optStr(field(data, 'name')),
        ),
      );
    } else if (type === 'TIMER') {
      const t: TimerTrigger = {
        ...base,
        kind: 'timer',
        dialect: 'huawei',
        schedule: locStr(field(data, 'schedule'), data?.at ?? b.head),
        ...(field(data, 'schedule_type') ? { scheduleType: locStr(field(data, 'schedule_type'), b.head) } : {}),
        ...(field(data, 'user_event') ? { payload: locStr(field(data, 'user_event'), b.head) } : {}),
        ...(b.attrs.has('status') ? { enabled: locBool(m.get(b, 'status')) } : {}),
      };
      c.triggers.push(t);
    } else {
      const o: OtherTrigger = { ...base, kind: 'other', fields: {} };
      c.triggers.push(o);
    }
  }
}

function storage(
  base: { id: string; type: string; name: StorageTrigger['name']; function: FunctionDef; at: StorageTrigger['at'] },
  bucketV: TfValue | undefined,
  eventsV: TfValue | undefined,
  prefixV: TfValue | undefined,
  suffixV: TfValue | undefined,
  at: StorageTrigger['at'],
  notification: StorageTrigger['name'] | undefined,
): StorageTrigger {
  const ev = events(eventsV, 'huawei', at);
  const prefix = filterOf(prefixV, at);
  const suffix = filterOf(suffixV, at);
  return {
    ...base,
    ...(notification ? { name: notification } : {}),
    kind: 'storage',
    bucket: locStr(bucketV, at),
    events: ev.events,
    eventItems: ev.items,
    ...keyFilter(prefix, suffix),
    native: true,
  };
}
