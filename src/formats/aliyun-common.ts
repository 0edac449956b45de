// Helpers shared by the Alibaba Cloud formats (fc3, legacy fc, Funcraft, ROS, serverless-aliyun):
// the OSS key filter in either casing, trigger-type kinds, writable OSS mounts, log destinations.
import { isScalar, type Node, type YAMLMap } from 'yaml';
import {
  Unknown,
  type Located,
  type LogDestination,
  type Trigger,
  type TriggerBase,
  type WriteTarget,
} from '../model/model.js';
import type { Location } from '../types.js';
import type { Resolver } from './resolve.js';
import { dePlaceholder, filterValue } from './common.js';
import { after, bool, num, strList } from './trigger-fields.js';

/** `filter.Key.Prefix/Suffix` in either casing; an unresolved filter gives unknown values. */
export function readKeyFilter(r: Resolver, filterNode: Node | null | undefined, fallback: Location) {
  const none = { value: { value: '', at: fallback } as Located<string>, declared: false };
  if (filterNode === undefined || filterNode === null) return { prefix: none, suffix: none };
  const unknown = (reason: string, at: Location) => {
    const u = { value: { value: new Unknown(reason), at } as Located<string>, declared: true };
    return { prefix: u, suffix: u };
  };
  const filterAt = r.loc(filterNode);
  const fd = r.deref(filterNode);
  if (fd instanceof Unknown) return unknown(fd.reason, filterAt);
  const filter = r.map(filterNode);
  if (!filter) return { prefix: none, suffix: none }; // `Filter: null` or a non-map: no filter (the schema reports a wrong type)
  const keyNode = r.get(filter, 'Key', 'key');
  if (keyNode === undefined || keyNode === null)
    return {
      prefix: { ...none, value: { value: '', at: filterAt } },
      suffix: { ...none, value: { value: '', at: filterAt } },
    };
  const kd = r.deref(keyNode);
  if (kd instanceof Unknown) return unknown(kd.reason, r.loc(keyNode));
  const key = r.map(keyNode);
  const keyAt = r.loc(keyNode);
  return {
    prefix: filterValue(r, key, ['Prefix', 'prefix'], keyAt),
    suffix: filterValue(r, key, ['Suffix', 'suffix'], keyAt),
  };
}

/** Kinds of the non-storage trigger types legacy fc (and Funcraft, lower-cased) knows. */
export function kindOf(type: string): string {
  switch (type.toLowerCase()) {
    case 'timer':
      return 'timer';
    case 'http':
    case 'https':
    case 'api':
      return 'http';
    case 'log':
      return 'log';
    case 'mns_topic':
    case 'mnstopic':
    case 'datahub':
      return 'queue';
    case 'eventbridge':
      return 'eventbridge';
    default:
      return 'other';
  }
}

/** Writable OSS mounts: anything written under mountDir lands under bucketPath. */
export function mountWrites(r: Resolver, props: YAMLMap | undefined): WriteTarget[] {
  const out: WriteTarget[] = [];
  const points = r.seq(r.get(r.map(r.get(props, 'ossMountConfig')), 'mountPoints'));
  for (const item of points?.items ?? []) {
    const mp = r.map(item as Node);
    if (!mp) continue;
    const ro = r.str(r.get(mp, 'readOnly'));
    if (ro && (ro.value instanceof Unknown || ro.value === 'true')) continue;
    const bucket = r.str(r.get(mp, 'bucketName'));
    if (!bucket) continue;
    const pathNode = r.get(mp, 'bucketPath');
    const path = pathNode !== undefined ? r.str(pathNode) : undefined;
    const prefix: Located<string> = path
      ? typeof path.value === 'string'
        ? { ...path, value: path.value.replace(/^\/+/, '') }
        : path
      : { value: '', at: r.loc(mp) };
    const dir = r.str(r.get(mp, 'mountDir'));
    out.push({
      bucket,
      prefix,
      via: 'mount',
      label: typeof dir?.value === 'string' ? `mount ${dir.value}` : 'mount',
      at: r.loc(mp),
    });
  }
  return out;
}

function opt(l: Located<string> | undefined): Located<string> | undefined {
  return l ? dePlaceholder(l) : undefined;
}

/**
 * Timer, http, log, MNS topic and EventBridge triggers: the triggerConfig shapes of the FC API,
 * the same in fc3 (its schema) and legacy fc (devsapp/fc docs/zh/yaml/triggers.md, which also
 * names an MNS topic with `topicName`).
 */
export function aliyunOtherTrigger(
  r: Resolver,
  t: YAMLMap,
  config: YAMLMap | undefined,
  base: Pick<TriggerBase, 'id' | 'type' | 'name' | 'function' | 'at'>,
): Trigger | undefined {
  // A path of keys, one level each.
  const get = (...path: string[]) =>
    path.slice(1).reduce<Node | undefined>((n, k) => r.get(r.map(n), k), r.get(config, path[0]));
  const arn = (): Located<string>[] | undefined => {
    const n = r.get(t, 'sourceArn');
    return n === undefined || n === null ? undefined : r.fields(n, ':');
  };
  switch (base.type) {
    case 'timer': {
      const schedule = r.str(get('cronExpression'));
      if (!schedule) return undefined;
      return {
        ...base,
        kind: 'timer',
        schedule,
        dialect: 'aliyun',
        enabled: bool(r, get('enable')),
        payload: r.str(get('payload')),
      };
    }
    case 'http': {
      const { list, items } = strList(r, get('methods'), true);
      return {
        ...base,
        kind: 'http',
        methods: list,
        methodItems: items,
        authType: r.str(get('authType')),
        gateway: false,
        qualifier: r.str(r.get(t, 'qualifier')),
      };
    }
    case 'log': {
      const f = arn();
      return {
        ...base,
        kind: 'log',
        sourceProject: f?.length === 5 ? opt(after(f[4], 'project/')) : undefined,
        sourceLogstore: r.str(get('sourceConfig', 'logstore')),
        logProject: r.str(get('logConfig', 'project')),
        logLogstore: r.str(get('logConfig', 'logstore')),
        interval: num(r, get('jobConfig', 'triggerInterval')),
        retries: num(r, get('jobConfig', 'maxRetryTime')),
        enabled: bool(r, get('enable')),
      };
    }
    case 'mns_topic': {
      const f = arn();
      return {
        ...base,
        kind: 'queue',
        topic: r.str(get('topicName')) ?? (f?.length === 5 ? opt(after(f[4], '/topics/')) : undefined),
        retryStrategy: r.str(get('notifyStrategy')),
        filter: r.str(get('filterTag')),
      };
    }
    case 'eventbridge':
      return eventBridgeTrigger(r, get, base);
    default:
      return undefined;
  }
}

/**
 * A function's (or its service's) `logConfig: {project, logstore}` — `Project`/`Logstore` in
 * Funcraft and ROS. The string forms (`auto`, `auto|project=x`) make the deployer create the
 * project and logstore: not known here, so undefined.
 */
export function logDestination(r: Resolver, node: Node | undefined): LogDestination | undefined {
  const m = r.map(node);
  if (!m) return undefined;
  const project = r.str(r.get(m, 'project', 'Project'));
  const logstore = r.str(r.get(m, 'logstore', 'Logstore', 'LogStore'));
  if (!project && !logstore) return undefined;
  return { project: project && dePlaceholder(project), logstore: logstore && dePlaceholder(logstore) };
}

/**
 * An EventBridge trigger's settings (the FC API's EventBridgeTriggerConfig, the same in fc3,
 * legacy fc and a ROS TriggerConfig), read through `get`, a path of keys from the trigger config.
 */
export function eventBridgeTrigger(
  r: Resolver,
  get: (...path: string[]) => Node | undefined,
  base: Pick<TriggerBase, 'id' | 'type' | 'name' | 'function' | 'at'>,
): Trigger {
  const params = r.map(get('eventSourceConfig', 'eventSourceParameters'));
  const keys = params?.items.map((p): Located<string> => ({
    value: isScalar(p.key) ? String(p.key.value) : String(p.key),
    at: r.loc(p.key as Node),
  }));
  return {
    ...base,
    kind: 'eventbridge',
    sourceType: r.str(get('eventSourceConfig', 'eventSourceType')),
    filterPattern: r.str(get('eventRuleFilterPattern')),
    ...(keys?.length ? { sourceParameterKeys: keys } : {}),
    retryStrategy: r.str(get('runOptions', 'retryStrategy', 'PushRetryStrategy')),
    retries: num(r, get('runOptions', 'retryStrategy', 'MaximumRetryAttempts')),
    batchSize: num(r, get('runOptions', 'batchWindow', 'CountBasedWindow')),
    batchWindow: num(r, get('runOptions', 'batchWindow', 'TimeBasedWindow')),
    enabled: bool(r, get('triggerEnable')),
  };
}
