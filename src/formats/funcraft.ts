// Funcraft `template.yml` (ROS transform `Aliyun::Serverless-2018-04-03`, alibaba/funcraft
// docs/specs/2018-04-03.md). Functions are nested under their service:
// Resources.<service> {Type: Aliyun::Serverless::Service, Properties, <function>: {Type:
// Aliyun::Serverless::Function, Properties, Events}}; the function's name is its key, each
// trigger's name is its key under Events. An OSS event's Properties hold BucketName, Events,
// Filter.Key.Prefix/Suffix — Funcraft also accepts bucketName/events/filter.key.prefix/suffix
// (src/lib/validate/schema/oss-event.js) and ROS accepts `Filter: null` (no filter). Funcraft
// builds the ARN from the deploy profile's region, so the bucket is the function's region.
// Write targets: EnvironmentVariables, and the service's Policies documents. ROS intrinsics
// (Ref, Fn::Sub…) are evaluated by the ROS dialect; native ALIYUN::FC::Trigger resources in the
// same template are read as the `ros` format reads them.
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { FormatAdapter, BuildResult, SchemaTarget } from './types.js';
import type { FunctionDef, Trigger, TriggerBase } from '../model/model.js';
import { RosResolver } from './dialects/ros.js';
import { entries } from '../source/yamlnav.js';
import { envMap, envWrites, codeRef } from './common.js';
import { bool, num, strList } from './trigger-fields.js';
import { policyWrites } from '../model/policies.js';
import { kindOf, logDestination } from './aliyun-common.js';
import { ossTrigger, rosNative } from './ros.js';
import type { Location } from '../types.js';

const SERVICE = 'Aliyun::Serverless::Service';
const FUNCTION = 'Aliyun::Serverless::Function';

/** Keys of other formats that do not belong in a Funcraft OSS event. */
export const FUNCRAFT_FOREIGN_KEYS: Record<string, string> = {
  sourceArn: 'sourceArn is Serverless Devs — Funcraft builds the ARN from BucketName and the deploy region',
  SourceArn: 'SourceArn belongs to a native ROS ALIYUN::FC::Trigger — a Funcraft OSS event takes BucketName',
  triggerConfig: 'triggerConfig is Serverless Devs fc3 — a Funcraft event writes its settings under Properties',
  TriggerConfig:
    'TriggerConfig belongs to a native ROS ALIYUN::FC::Trigger — a Funcraft event writes its settings under Properties',
  Bucket: 'Bucket is Tencent TCSAM / AWS SAM — Funcraft writes BucketName',
};

const funcraft: FormatAdapter = {
  id: 'funcraft',
  vendor: 'aliyun',
  description: 'Funcraft template.yml (ROS transform Aliyun::Serverless-2018-04-03, Alibaba Cloud Function Compute)',
  fileNames: ['template.yml', 'template.yaml'],
  detect(doc) {
    const root = doc.contents;
    if (!isMap(root)) return false;
    const transform = root.get('Transform', true);
    const items = isSeq(transform) ? transform.items : [transform];
    return items.some((t) => isScalar(t) && String(t.value).trim().startsWith('Aliyun::Serverless'));
  },
  build(doc, source): BuildResult {
    const r = new RosResolver(source, doc);
    const functions: FunctionDef[] = [];
    const triggers: Trigger[] = [];
    const targets: { label: string; node: Node }[] = [];
    const resources = r.resources;
    for (const [svcName, svcPair] of resources ? entries(resources) : []) {
      const svc = r.map(svcPair.value);
      if (r.typeOf(svc) !== SERVICE) continue;
      const svcProps = r.map(r.get(svc, 'Properties'));
      for (const [fnName, fnPair] of entries(svc!)) {
        const fnMap = r.map(fnPair.value);
        if (r.typeOf(fnMap) !== FUNCTION) continue;
        const fn = buildFunction(r, svcName, fnName, fnMap!, svcProps, source.path, r.loc(fnPair.key), source.text);
        functions.push(fn);
        const events = r.map(r.get(fnMap, 'Events'));
        for (const [evName, evPair] of events ? entries(events) : []) {
          const ev = r.map(evPair.value);
          if (!ev) continue;
          targets.push({ label: `Resources.${svcName}.${fnName}.Events.${evName}`, node: evPair.value as Node });
          triggers.push(buildTrigger(r, fn, evName, evPair.key, ev, `${fn.id}#${evName}`));
        }
      }
    }
    const native = rosNative(r, source.path, 'funcraft', source.text);
    functions.push(...native.functions);
    triggers.push(...native.triggers);
    return {
      functions,
      triggers,
      undefinedRefs: r.allUndefinedRefs(),
      ...(r.allLimits().length ? { limits: r.allLimits() } : {}),
      schemaTargets: () => [
        ...targets.map(({ label, node }): SchemaTarget => ({
          schema: 'config/funcraft',
          view: r.json(node),
          label,
          foreignKeys: FUNCRAFT_FOREIGN_KEYS,
        })),
        ...native.targets.map(({ label, node, schema }): SchemaTarget => ({ schema, view: r.json(node), label })),
      ],
    };
  },
};

function buildFunction(
  r: RosResolver,
  service: string,
  name: string,
  fnMap: YAMLMap,
  svcProps: YAMLMap | undefined,
  file: string,
  at: Location,
  text: string,
): FunctionDef {
  const props = r.map(r.get(fnMap, 'Properties'));
  const { env, keys } = envMap(r, r.get(props, 'EnvironmentVariables'));
  const fn: FunctionDef = {
    id: `${file}#${service}/${name}`,
    name: { value: name, at },
    vendor: 'aliyun',
    format: 'funcraft',
    env,
    writes: [],
    at,
    deployName: `${service}/${name}`,
  };
  fn.logConfig = logDestination(r, r.get(svcProps, 'LogConfig'));
  fn.writes.push(...envWrites(fn, keys), ...policyWrites(r, r.get(svcProps, 'Policies'), text));
  fn.code = codeRef(r, [r.get(props, 'CodeUri')], r.get(props, 'Handler'), r.get(props, 'Runtime'));
  return fn;
}

function buildTrigger(r: RosResolver, fn: FunctionDef, name: string, key: Node, ev: YAMLMap, id: string): Trigger {
  const at = r.loc(key);
  const typeL = r.str(r.get(ev, 'Type'));
  const type = typeof typeL?.value === 'string' ? typeL.value : '';
  const props = r.map(r.get(ev, 'Properties'));
  const base: Pick<TriggerBase, 'id' | 'type' | 'name' | 'function' | 'at'> = {
    id,
    type,
    name: { value: name, at },
    function: fn,
    at,
  };
  if (type === 'OSS') return ossTrigger(r, base, props, undefined);
  const get = (...keys: string[]) => r.get(props, ...keys);
  switch (type) {
    case 'Timer': {
      const schedule = r.str(get('CronExpression'));
      if (schedule)
        return {
          ...base,
          kind: 'timer',
          schedule,
          dialect: 'aliyun',
          enabled: bool(r, get('Enable')),
          payload: r.str(get('Payload')),
        };
      break;
    }
    case 'HTTP': {
      const { list, items } = strList(r, get('Methods'), true);
      // Funcraft sends `AuthType.toLowerCase()` (src/lib/trigger.js getTriggerConfig): ANONYMOUS is anonymous.
      const auth = r.str(get('AuthType'));
      const authType = auth && typeof auth.value === 'string' ? { ...auth, value: auth.value.toLowerCase() } : auth;
      return { ...base, kind: 'http', methods: list, methodItems: items, authType, gateway: false };
    }
    case 'Log': {
      const job = r.map(get('JobConfig'));
      // Funcraft reads the source logstore in the project of LogConfig.Project: it builds the
      // trigger's sourceArn as acs:log:<region>:<account>:project/<LogConfig.Project> (src/lib/trigger.js).
      const project = r.str(r.get(r.map(get('LogConfig')), 'Project'));
      return {
        ...base,
        kind: 'log',
        sourceProject: project,
        sourceLogstore: r.str(r.get(r.map(get('SourceConfig')), 'Logstore')),
        logProject: project,
        logLogstore: r.str(r.get(r.map(get('LogConfig')), 'Logstore')),
        interval: num(r, r.get(job, 'TriggerInterval')),
        retries: num(r, r.get(job, 'MaxRetryTime')),
        enabled: bool(r, get('Enable')),
      };
    }
    case 'MNSTopic':
      return {
        ...base,
        kind: 'queue',
        topic: r.str(get('TopicName')),
        retryStrategy: r.str(get('NotifyStrategy')),
        filter: r.str(get('FilterTag')),
      };
  }
  return { ...base, kind: kindOf(type), fields: {} };
}

export default funcraft;
