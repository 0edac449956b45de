// ROS templates (Alibaba Cloud Resource Orchestration Service) with native
// `ALIYUN::FC::Trigger` resources, and their FC 3.0 forms `ALIYUN::FC3::Trigger` /
// `ALIYUN::FC3::Function` (no service: the function's own Role; the bucket from SourceArn). A trigger names its function with FunctionName (usually
// `Fn::GetAtt: [<FunctionResource>, FunctionName]`); an OSS trigger's TriggerConfig holds
// BucketName, Events and Filter.Key.Prefix/Suffix (lower-case spellings read too), and SourceArn
// `acs:oss:<region>:<account>:<bucket>` gives the bucket's region where it is written literally
// (`${ALIYUN::Region}` is the stack's region: unknown here). Write targets: the function's
// environment variables, and the policies of the RAM role its service runs as
// (`ALIYUN::FC::Service` Role → `Fn::GetAtt: [<ALIYUN::RAM::Role>, Arn]` → Policies, and the
// ManagedPolicy resources attached to it: ros-role-policies.ts).
import { isMap, type Node, type YAMLMap } from 'yaml';
import type { FormatAdapter, BuildResult, SchemaTarget } from './types.js';
import {
  Unknown,
  isKnown,
  type FunctionDef,
  type Located,
  type StorageTrigger,
  type Trigger,
  type TriggerBase,
} from '../model/model.js';
import { RosResolver, isRosTemplate } from './dialects/ros.js';
import { entries } from '../source/yamlnav.js';
import { dePlaceholder, envMap, envWrites, readEvents, keyFilter } from './common.js';
import { after, bool, num, strList } from './trigger-fields.js';
import { policyWrites } from '../model/policies.js';
import { attachedPolicies } from './ros-role-policies.js';
import { eventBridgeTrigger, logDestination, readKeyFilter } from './aliyun-common.js';
import type { Location } from '../types.js';

const FUNCTIONS = new Set(['ALIYUN::FC::Function', 'ALIYUN::FC3::Function']);
const TRIGGERS = new Set(['ALIYUN::FC::Trigger', 'ALIYUN::FC3::Trigger']);
/** Each trigger resource type's Properties schema (config/ros-fc3 is types only). */
const SCHEMA: Record<string, string> = {
  'ALIYUN::FC::Trigger': 'config/ros',
  'ALIYUN::FC3::Trigger': 'config/ros-fc3',
};

export interface RosBuilt {
  functions: FunctionDef[];
  triggers: Trigger[];
  /** Trigger Properties and the schema of their resource type. */
  targets: { label: string; node: Node; schema: string }[];
}

/** Native FC functions and triggers of a ROS template (also used for Funcraft templates that mix them in). */
export function rosNative(r: RosResolver, file: string, format: string, text: string): RosBuilt {
  const out: RosBuilt = { functions: [], triggers: [], targets: [] };
  const resources = r.resources;
  if (!resources) return out;
  const byId = new Map<string, FunctionDef>();
  for (const [id, pair] of entries(resources)) {
    const res = r.map(pair.value);
    if (!FUNCTIONS.has(r.typeOf(res) ?? '')) continue;
    const fn = buildFunction(r, id, res!, file, format, r.loc(pair.key), text);
    byId.set(id, fn);
    out.functions.push(fn);
  }
  for (const [id, pair] of entries(resources)) {
    const res = r.map(pair.value);
    const type = r.typeOf(res) ?? '';
    if (!TRIGGERS.has(type)) continue;
    const props = r.map(r.get(res, 'Properties'));
    const propsNode = r.get(res, 'Properties');
    if (propsNode) out.targets.push({ label: `Resources.${id}.Properties`, node: propsNode, schema: SCHEMA[type] });
    const fnNode = r.get(props, 'FunctionName');
    let fn = byId.get(r.target(fnNode) ?? '');
    if (!fn) {
      const name = r.str(fnNode);
      fn = out.functions.find((f) => isKnown(name) && isKnown(f.name) && f.name.value === name.value);
      if (!fn) {
        fn = {
          id: `${file}#${id}.FunctionName`,
          name: name ?? { value: new Unknown('no FunctionName'), at: r.loc(pair.key) },
          vendor: 'aliyun',
          format,
          env: new Map(),
          writes: [],
          at: r.loc(pair.key),
        };
        out.functions.push(fn);
      }
    }
    out.triggers.push(buildTrigger(r, fn, props, r.loc(pair.key), `${file}#${id}`));
  }
  return out;
}

function buildFunction(
  r: RosResolver,
  id: string,
  res: YAMLMap,
  file: string,
  format: string,
  at: Location,
  text: string,
): FunctionDef {
  const props = r.map(r.get(res, 'Properties'));
  const name = r.str(r.get(props, 'FunctionName')) ?? { value: id, at };
  const { env, keys } = envMap(r, r.get(props, 'EnvironmentVariables'));
  const fn: FunctionDef = { id: `${file}#${id}`, name, vendor: 'aliyun', format, env, writes: [], at };
  fn.writes.push(...envWrites(fn, keys));
  // The service's execution role, when the template defines it.
  const service = r.resourceMap(r.target(r.get(props, 'ServiceName')) ?? '');
  const serviceProps = r.map(r.get(service, 'Properties'));
  fn.logConfig = logDestination(r, r.get(serviceProps, 'LogConfig'));
  const roleId = r.target(r.get(serviceProps, 'Role')) ?? r.target(r.get(props, 'Role')); // FC3: the function's own role
  const role = roleId ? r.resourceMap(roleId) : undefined;
  if (role && r.typeOf(role) === 'ALIYUN::RAM::Role')
    fn.writes.push(...policyWrites(r, r.get(r.map(r.get(role, 'Properties')), 'Policies'), text));
  // managed policies attached to the role (by its logical id, or its name in a role ARN)
  const roleName = role
    ? r.str(r.get(r.map(r.get(role, 'Properties')), 'RoleName'))
    : r.str(r.get(serviceProps, 'Role') ?? r.get(props, 'Role'));
  const roleText = isKnown(roleName) ? (/:role\/([^/]+)$/i.exec(roleName.value)?.[1] ?? roleName.value) : undefined;
  for (const doc of attachedPolicies(r, role ? roleId : undefined, roleText))
    fn.writes.push(...policyWrites(r, doc, text));
  return fn;
}

/** OSS trigger properties shared by ROS TriggerConfig and Funcraft Events.<name>.Properties. */
export function ossTrigger(
  r: RosResolver,
  base: Pick<TriggerBase, 'id' | 'type' | 'name' | 'function' | 'at'>,
  config: YAMLMap | undefined,
  arnNode: Node | undefined,
): StorageTrigger {
  const configAt = config ? r.loc(config) : base.at;
  const arn = arnNode !== undefined && arnNode !== null ? r.fields(arnNode, ':') : undefined;
  const arnOk = arn?.length === 5;
  const bucketNode = r.get(config, 'BucketName', 'bucketName');
  let bucket: Located<string> =
    bucketNode !== undefined && bucketNode !== null
      ? (r.str(bucketNode) ?? { value: new Unknown('BucketName is not a string'), at: r.loc(bucketNode) })
      : { value: new Unknown('no BucketName'), at: configAt };
  if (!isKnown(bucket) && arnOk && isKnown(arn[4])) bucket = arn[4];
  const { prefix, suffix } = readKeyFilter(r, r.get(config, 'Filter', 'filter'), configAt);
  const { events, items } = readEvents(r, r.get(config, 'Events', 'events'), 'aliyun', configAt);
  return {
    ...base,
    kind: 'storage',
    bucket: dePlaceholder(bucket),
    bucketRegion: arnOk ? dePlaceholder(arn[2]) : undefined,
    bucketAccount: arnOk ? dePlaceholder(arn[3]) : undefined,
    events,
    eventItems: items,
    ...keyFilter(prefix, suffix),
    native: true,
  };
}

function buildTrigger(r: RosResolver, fn: FunctionDef, props: YAMLMap | undefined, at: Location, id: string): Trigger {
  const name = r.str(r.get(props, 'TriggerName')) ?? { value: '', at };
  const typeL = r.str(r.get(props, 'TriggerType'));
  const type = typeof typeL?.value === 'string' ? typeL.value : '';
  const config = r.map(r.get(props, 'TriggerConfig'));
  const base = { id, type, name, function: fn, at };
  if (type === 'oss') return ossTrigger(r, base, config, r.get(props, 'SourceArn'));
  return otherTrigger(r, config, base, r.get(props, 'SourceArn')) ?? { ...base, kind: kindOf(type), fields: {} };
}

function kindOf(type: string): string {
  switch (type) {
    case 'timer':
      return 'timer';
    case 'http':
      return 'http';
    case 'log':
      return 'log';
    case 'mns_topic':
      return 'queue';
    case 'eventbridge':
      return 'eventbridge';
    default:
      return 'other';
  }
}

/** Timer, http, log, MNS topic and EventBridge TriggerConfig (ROS ALIYUN::FC::Trigger writes them capitalised or as the FC API does). */
function otherTrigger(
  r: RosResolver,
  config: YAMLMap | undefined,
  base: Pick<TriggerBase, 'id' | 'type' | 'name' | 'function' | 'at'>,
  arnNode?: Node,
): Trigger | undefined {
  const get = (...keys: string[]) => r.get(config, ...keys);
  switch (base.type) {
    case 'timer': {
      const schedule = r.str(get('CronExpression', 'cronExpression'));
      if (!schedule) return undefined;
      return {
        ...base,
        kind: 'timer',
        schedule,
        dialect: 'aliyun',
        enabled: bool(r, get('Enable', 'enable')),
        payload: r.str(get('Payload', 'payload')),
      };
    }
    case 'http': {
      const { list, items } = strList(r, get('Methods', 'methods'), true);
      return {
        ...base,
        kind: 'http',
        methods: list,
        methodItems: items,
        authType: r.str(get('AuthType', 'authType')),
        gateway: false,
      };
    }
    case 'log': {
      const sub = (a: string, b: string) =>
        r.get(r.map(get(a, a[0].toLowerCase() + a.slice(1))), b, b[0].toLowerCase() + b.slice(1));
      const arn = arnNode !== undefined && arnNode !== null ? r.fields(arnNode, ':') : undefined;
      return {
        ...base,
        kind: 'log',
        sourceProject: arn?.length === 5 ? after(dePlaceholder(arn[4]), 'project/') : undefined,
        sourceLogstore: r.str(sub('SourceConfig', 'Logstore')),
        logProject: r.str(sub('LogConfig', 'Project')),
        logLogstore: r.str(sub('LogConfig', 'Logstore')),
        interval: num(r, sub('JobConfig', 'TriggerInterval')),
        retries: num(r, sub('JobConfig', 'MaxRetryTime')),
        enabled: bool(r, get('Enable', 'enable')),
      };
    }
    case 'mns_topic': {
      const arn = arnNode !== undefined && arnNode !== null ? r.fields(arnNode, ':') : undefined;
      return {
        ...base,
        kind: 'queue',
        topic: arn?.length === 5 ? after(dePlaceholder(arn[4]), '/topics/') : undefined,
        retryStrategy: r.str(get('NotifyStrategy', 'notifyStrategy')),
        filter: r.str(get('FilterTag', 'filterTag')),
      };
    }
    case 'eventbridge': {
      // ROS passes TriggerConfig to the FC API, which reads its keys in either casing at every level.
      const path = (...keys: string[]) =>
        keys.reduce<Node | undefined>((n, k, i) => {
          const m = i === 0 ? config : r.map(n);
          return r.get(m, k, k[0].toUpperCase() + k.slice(1), k[0].toLowerCase() + k.slice(1));
        }, undefined);
      return eventBridgeTrigger(r, path, base);
    }
    default:
      return undefined;
  }
}

const ros: FormatAdapter = {
  id: 'ros',
  vendor: 'aliyun',
  description:
    'ROS template with ALIYUN::FC::Trigger or ALIYUN::FC3::Trigger resources (Alibaba Cloud Resource Orchestration Service)',
  fileNames: ['template.yml', 'template.yaml'],
  detect(doc) {
    const root = doc.contents;
    if (!isRosTemplate(root)) return false;
    const resources = root.get('Resources', true) as unknown as YAMLMap;
    return resources.items.some((p) => {
      return isMap(p.value) && TRIGGERS.has(String(p.value.get('Type')));
    });
  },
  build(doc, source): BuildResult {
    const r = new RosResolver(source, doc);
    const built = rosNative(r, source.path, 'ros', source.text);
    return {
      functions: built.functions,
      triggers: built.triggers,
      undefinedRefs: r.allUndefinedRefs(),
      ...(r.allLimits().length ? { limits: r.allLimits() } : {}),
      schemaTargets: () =>
        built.targets.map(({ label, node, schema }): SchemaTarget => ({ schema, view: r.json(node), label })),
    };
  },
};

export default ros;
