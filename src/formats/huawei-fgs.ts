// Serverless Devs `s.yaml` for Huawei Cloud FunctionGraph: component `fgs` (zy-linn/fgs-component)
// and the older community component `fg` (xinwuyun/fg). One function per service:
// services.<s>.props.{region, function{functionName, environmentVariables}, trigger}. The
// trigger is ONE object {triggerTypeCode: OBS | APIG | TIMER …, status, eventData}. An OBS
// trigger's eventData is {bucket, events[], name?, prefix?, suffix?}; event names are written
// with or without `s3:` (`s3:ObjectCreated:Put`, `ObjectCreated:Put`). The bucket carries no
// region: it is assumed to be in the function's region (bucketRegion left unset).
import { isMap, type YAMLMap } from 'yaml';
import {
  Unknown,
  type FunctionDef,
  type Located,
  type StorageTrigger,
  type Trigger,
  type TriggerBase,
} from '../model/model.js';
import { Resolver } from './resolve.js';
import { dePlaceholder, envMap, envWrites, filterValue, readEvents, codeRef, keyFilter } from './common.js';
import { bool, strList } from './trigger-fields.js';
import type { Location } from '../types.js';
import { serverlessDevsAdapter, hasComponent, hasLocalComponent } from './serverless-devs-common.js';

const COMPONENT = /(^|\/)(fgs|fg)(@[\w.-]+)?$/;

/** Keys of the Alibaba formats that do not belong in a FunctionGraph trigger. */
export const FGS_FOREIGN_KEYS: Record<string, string> = {
  triggers: 'triggers is Alibaba fc — the fgs component takes ONE trigger object under props.trigger',
  bucketName: 'bucketName is Alibaba fc — an fgs OBS trigger names its bucket with eventData.bucket',
  filter: 'filter is Alibaba/Tencent — an fgs OBS trigger writes eventData.prefix and eventData.suffix',
  triggerType: 'triggerType is Alibaba fc3 — fgs writes triggerTypeCode',
  triggerConfig: 'triggerConfig is Alibaba fc3 — fgs writes eventData',
  config: 'config is Alibaba legacy fc — fgs writes eventData',
};

/** Model kinds of FunctionGraph trigger type codes. */
function kindOf(code: string): string {
  switch (code.toUpperCase()) {
    case 'TIMER':
      return 'timer';
    case 'APIG':
    case 'DEDICATEDGATEWAY':
      return 'http';
    case 'LTS':
      return 'log';
    case 'SMN':
    case 'KAFKA':
    case 'DIS':
    case 'RABBITMQ':
    case 'DMS':
      return 'queue';
    default:
      return 'other';
  }
}

const fgs = serverlessDevsAdapter({
  id: 'huawei-fgs',
  vendor: 'huawei',
  description: 'Serverless Devs s.yaml with component fgs / fg (Huawei Cloud FunctionGraph)',
  resourcesKey: 'services',
  component: COMPONENT,
  // a component written as a path or a variable: props of FunctionGraph's shape count
  unknownComponent: (_r, props) => fgsShape(props),
  detect: (root) => hasComponent(root, 'services', COMPONENT) || hasLocalComponent(root, 'services', fgsShape),
  schema: 'config/huawei-fgs',
  foreignKeys: FGS_FOREIGN_KEYS,
  buildFunction,
  buildTriggers: (r, fn, props) => {
    const t = r.map(r.get(props, 'trigger'));
    return t ? [buildTrigger(r, fn, t, `${fn.id}#trigger`)] : [];
  },
});

/** Props of FunctionGraph's shape: ONE `trigger` with a `triggerTypeCode`, or `function.functionName` (no fc `service`). */
function fgsShape(props: YAMLMap): boolean {
  if (props.has('service') || props.has('triggers')) return false;
  const trigger = props.get('trigger', true);
  const func = props.get('function', true);
  return (isMap(trigger) && trigger.has('triggerTypeCode')) || (isMap(func) && func.has('functionName'));
}

function buildFunction(r: Resolver, service: string, props: YAMLMap, file: string, at: Location): FunctionDef {
  const func = r.map(r.get(props, 'function'));
  const name = r.str(r.get(func, 'functionName', 'name')) ?? { value: service, at };
  const { env, keys } = envMap(r, r.get(func, 'environmentVariables', 'userData'));
  const region = r.str(r.get(props, 'region'));
  const fn: FunctionDef = {
    id: `${file}#${service}`,
    name: dePlaceholder(name),
    vendor: 'huawei',
    format: 'huawei-fgs',
    region: region ? dePlaceholder(region) : undefined,
    env,
    writes: [],
    at,
  };
  fn.writes.push(...envWrites(fn, keys));
  fn.code = codeRef(r, [r.get(func, 'code'), r.get(func, 'codeUri')], r.get(func, 'handler'), r.get(func, 'runtime'));
  return fn;
}

function buildTrigger(r: Resolver, fn: FunctionDef, t: YAMLMap, id: string): Trigger {
  const at = r.loc(t);
  const codeL = r.str(r.get(t, 'triggerTypeCode'));
  const type = typeof codeL?.value === 'string' ? codeL.value : '';
  const dataNode = r.get(t, 'eventData');
  const data = r.map(dataNode);
  const dataAt = dataNode ? r.loc(dataNode) : at;
  const nameNode = r.get(data, 'name');
  const bucketNode = r.get(data, 'bucket');
  const bucket: Located<string> =
    bucketNode !== undefined && bucketNode !== null
      ? dePlaceholder(r.str(bucketNode) ?? { value: new Unknown('bucket is not a string'), at: r.loc(bucketNode) })
      : { value: new Unknown('no eventData.bucket'), at: dataAt };
  // The component names an OBS trigger after its bucket (getTriggerName() = eventData.bucket).
  const name =
    (nameNode !== undefined && nameNode !== null ? r.str(nameNode) : undefined) ??
    (type.toUpperCase() === 'OBS' ? bucket : { value: '', at });
  const base: Pick<TriggerBase, 'id' | 'type' | 'name' | 'function' | 'at'> = { id, type, name, function: fn, at };
  if (type.toUpperCase() !== 'OBS')
    return otherTrigger(r, t, data, base) ?? { ...base, kind: kindOf(type), fields: {} };
  const prefix = filterValue(r, data, ['prefix'], dataAt);
  const suffix = filterValue(r, data, ['suffix'], dataAt);
  const { events, items } = readEvents(r, r.get(data, 'events'), 'huawei', dataAt);
  const trigger: StorageTrigger = {
    ...base,
    kind: 'storage',
    bucket,
    events,
    eventItems: items,
    ...keyFilter(prefix, suffix),
    native: true,
  };
  return trigger;
}

/** TIMER and APIG triggers (fgs-component docs/en/yaml/trigger.md; fg writes snake_case keys). */
function otherTrigger(
  r: Resolver,
  t: YAMLMap,
  data: YAMLMap | undefined,
  base: Pick<TriggerBase, 'id' | 'type' | 'name' | 'function' | 'at'>,
): Trigger | undefined {
  const get = (...keys: string[]) => r.get(data, ...keys);
  const status = r.str(r.get(t, 'status'));
  const enabled =
    status && typeof status.value === 'string'
      ? { ...status, value: status.value.toUpperCase() === 'ACTIVE' }
      : bool(r, undefined);
  switch (base.type.toUpperCase()) {
    case 'TIMER': {
      const schedule = r.str(get('schedule'));
      if (!schedule) return undefined;
      return {
        ...base,
        kind: 'timer',
        schedule,
        dialect: 'huawei',
        scheduleType: r.str(get('scheduleType', 'schedule_type')),
        payload: r.str(get('userEvent', 'user_event')),
        enabled,
      };
    }
    case 'APIG': {
      const { list, items } = strList(r, get('req_method', 'reqMethod', 'method'), true);
      return {
        ...base,
        kind: 'http',
        methods: list,
        methodItems: items,
        authType: r.str(get('auth')),
        path: r.str(get('path')),
        gateway: true,
      };
    }
    default:
      return undefined;
  }
}

export default fgs;
