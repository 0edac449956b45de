// `event sample --from s.yaml --trigger <name>`: the event a configured trigger would deliver —
// its bucket, its region, a key its prefix and suffix match, its first event name. Values the
// linter cannot resolve (variables, placeholders) get a realistic placeholder and a note.
import { loadModel } from '../engine/lint.js';
import { isStorage, Unknown, type Located, type Trigger, type StorageTrigger } from '../model/model.js';
import { didYouMean } from '../source/suggest.js';
import { sampleEvent, SampleError, DEFAULTS, type SampleOptions } from './sample.js';

export interface FromResult {
  id: string;
  event: unknown;
  notes: string[];
}

const STORAGE_ID: Record<string, string> = {
  aliyun: 'aliyun/oss',
  tencent: 'tencent/cos',
  huawei: 'huawei/obs',
  jdcloud: 'jdcloud/oss',
  aws: 'aws/s3',
};

/** Trigger types as config formats write them → the catalog's type. */
const OTHER_TYPES: Record<string, string> = {
  timer: 'timer',
  http: 'http',
  log: 'sls',
  sls: 'sls',
  mns_topic: 'mns-topic',
  'mns-topic': 'mns-topic',
  cdn_events: 'cdn',
  cdn: 'cdn',
  tablestore: 'tablestore',
  apigw: 'apigw',
  apigateway: 'apigw',
  api_gateway: 'apigw',
  apig: 'apig',
  cmq: 'cmq',
  ckafka: 'ckafka',
  cls: 'cls',
  clb: 'clb',
  lts: 'lts',
  cts: 'cts',
  kafka: 'kafka',
  dms: 'kafka',
  rocketmq: 'rocketmq',
  rabbitmq: 'rabbitmq',
  dis: 'dis',
  smn: 'smn',
};

export function eventTypeForTrigger(t: Trigger): string {
  const vendor = t.function.vendor;
  if (isStorage(t)) return vendor === 'aliyun' && !t.native ? 'aliyun/oss-eventbridge' : STORAGE_ID[vendor];
  if (t.kind === 'eventbridge' || t.type === 'eventbridge') {
    throw new SampleError(
      `trigger "${String(t.name.value)}" is an EventBridge trigger, whose event depends on its source; use "trigger-lint event sample ${vendor} <kafka|rocketmq|rabbitmq|mns-queue|oss-eventbridge>"`,
    );
  }
  const type = OTHER_TYPES[t.type.toLowerCase()];
  if (!type || !sampleEventSafe(`${vendor}/${type}`)) {
    throw new SampleError(
      `no event schema for ${vendor} trigger type "${t.type}" (trigger "${String(t.name.value)}"); see "trigger-lint event list"`,
    );
  }
  return `${vendor}/${type}`;
}

function sampleEventSafe(id: string): boolean {
  try {
    sampleEvent(id);
    return true;
  } catch {
    return false;
  }
}

function knownOr<T>(l: Located<T> | undefined, what: string, fallback: T | undefined, notes: string[]): T | undefined {
  if (l === undefined) return fallback;
  if (l.value instanceof Unknown) {
    if (fallback !== undefined)
      notes.push(`${what} is not known (${l.value.reason}); using the placeholder ${JSON.stringify(fallback)}`);
    else notes.push(`${what} is not known (${l.value.reason}); using a placeholder`);
    return fallback;
  }
  return l.value;
}

/** An object key the trigger's filter matches. */
export function keyFor(prefix: string, suffix: string): string {
  const stem = 'example';
  const ext = suffix ? '' : '.jpg';
  return `${prefix}${stem}${ext}${suffix}`;
}

function storageOptions(t: StorageTrigger, user: SampleOptions, notes: string[]): SampleOptions {
  const name = `trigger "${String(t.name.value)}"`;
  const d = DEFAULTS[t.function.vendor];
  const bucket = user.bucket ?? knownOr(t.bucket, `the bucket of ${name}`, d.bucket, notes);
  let region = user.region;
  if (region === undefined) {
    const fnRegion =
      t.function.region && !(t.function.region.value instanceof Unknown) ? t.function.region.value : undefined;
    if (t.bucketRegion && !(t.bucketRegion.value instanceof Unknown)) region = t.bucketRegion.value;
    else if (fnRegion) region = fnRegion;
    else region = knownOr(t.bucketRegion ?? t.function.region, `the region of ${name}`, d.region, notes) ?? d.region;
  }
  const prefix = knownOr(t.prefix, `the prefix of ${name}`, '', notes) ?? '';
  const suffix = knownOr(t.suffix, `the suffix of ${name}`, '', notes) ?? '';
  let key = user.key;
  if (key === undefined) key = keyFor(prefix, suffix);
  else if (!key.startsWith(prefix) || !key.endsWith(suffix))
    notes.push(
      `--key "${key}" does not match the filter of ${name} (prefix "${prefix}", suffix "${suffix}"): the trigger would not fire for it`,
    );
  const events = knownOr(t.events, `the events of ${name}`, [] as string[], notes) ?? [];
  const event = user.event ?? events[0];
  if (!event) notes.push(`${name} lists no event; using the default`);
  return { bucket, region, key, event };
}

export async function sampleFromTrigger(
  path: string,
  text: string,
  triggerName: string,
  user: SampleOptions = {},
): Promise<FromResult> {
  const { model } = await loadModel([{ path, text }]);
  const matches = model.triggers.filter((t) => t.name.value === triggerName);
  if (matches.length === 0) {
    const names = model.triggers.map((t) => t.name.value).filter((n): n is string => typeof n === 'string');
    if (names.length === 0)
      throw new SampleError(`no triggers found in "${path}" (is it a trigger file trigger-lint knows?)`);
    const s = didYouMean(triggerName, names);
    throw new SampleError(
      `no trigger named "${triggerName}" in "${path}"${s ? `; did you mean "${s}"?` : `; its triggers: ${names.join(', ')}`}`,
    );
  }
  const notes: string[] = [];
  const t = matches[0];
  if (matches.length > 1)
    notes.push(
      `${matches.length} triggers are named "${triggerName}"; using the one of function "${String(t.function.name.value)}"`,
    );
  const id = eventTypeForTrigger(t);
  const opts = isStorage(t) ? storageOptions(t, user, notes) : user;
  const sample = sampleEvent(id, opts);
  const event = sample.event as Record<string, unknown>;
  // Non-storage samples carry the trigger's own name where the payload has one.
  const tname = typeof t.name.value === 'string' ? t.name.value : undefined;
  if (tname && !Array.isArray(event)) {
    if ('triggerName' in event) event.triggerName = tname;
    if ('TriggerName' in event) event.TriggerName = tname;
    if ('trigger_name' in event) event.trigger_name = tname;
  }
  return { id, event, notes: [...notes, ...sample.notes] };
}
