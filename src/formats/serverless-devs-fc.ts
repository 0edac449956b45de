// Serverless Devs `s.yaml`, edition 1.0.0, legacy component `fc` / `devsapp/fc` / `fc-deploy`
// (Alibaba Cloud Function Compute 2.0). Functions: services.<s>.props.{region, service,
// function}; triggers: props.triggers[] {name, type, role, sourceArn?, config}. An OSS trigger
// names its bucket in config.bucketName; without sourceArn, fc-deploy builds the ARN from
// props.region, so the bucket is the function's region (bucketRegion left unset). The filter is
// written `Key/Prefix/Suffix` (docs) or `key/prefix/suffix` (real files): both are read.
// Write targets: output env vars, and service.role.policies[].statement granting oss:PutObject.
import type { YAMLMap } from 'yaml';
import { Unknown, type FunctionDef, type Located, type StorageTrigger, type Trigger } from '../model/model.js';
import { Resolver } from './resolve.js';
import { dePlaceholder, envMap, envWrites, readEvents, codeRef, keyFilter } from './common.js';
import { aliyunOtherTrigger, kindOf, logDestination, mountWrites, readKeyFilter } from './aliyun-common.js';
import { policyWrites } from '../model/policies.js';
import type { Location } from '../types.js';
import { serverlessDevsAdapter, hasComponent, hasLocalComponent, triggersList } from './serverless-devs-common.js';

const COMPONENT = /(^|\/)(fc|fc-deploy)(@[\w.-]+)?$/;

/** Keys that belong to fc3, and what to say when they appear in a legacy fc trigger. */
export const FC_FOREIGN_KEYS: Record<string, string> = {
  triggerName: 'triggerName is fc3 (edition 3.0.0) — legacy fc names a trigger with name',
  triggerType: 'triggerType is fc3 — legacy fc writes type',
  triggerConfig: 'triggerConfig is fc3 — legacy fc writes config',
  invocationRole: 'invocationRole is fc3 — legacy fc writes role',
  functionName: 'functionName is fc3 — legacy fc writes function.name',
};

const fc = serverlessDevsAdapter({
  id: 'serverless-devs-fc',
  vendor: 'aliyun',
  description:
    'Serverless Devs s.yaml, edition 1.0.0, component fc / devsapp/fc / fc-deploy (Alibaba Cloud Function Compute 2.0)',
  resourcesKey: 'services',
  component: COMPONENT,
  // devsapp/fc's own examples name the component through ${path(../..)}: props of fc's shape count
  unknownComponent: (_r, props) => fcShape(props),
  detect: (root) => hasComponent(root, 'services', COMPONENT) || hasLocalComponent(root, 'services', fcShape),
  schema: 'config/serverless-devs-fc',
  foreignKeys: FC_FOREIGN_KEYS,
  buildFunction,
  buildTriggers: triggersList(buildTrigger),
});

/** Props of legacy fc's shape: a `service` or a `triggers` list (Huawei fg/fgs write one `trigger`). */
function fcShape(props: YAMLMap): boolean {
  return (props.has('service') || props.has('triggers')) && !props.has('trigger');
}

function buildFunction(
  r: Resolver,
  service: string,
  props: YAMLMap,
  file: string,
  at: Location,
  text: string,
): FunctionDef {
  const func = r.map(r.get(props, 'function'));
  const name = r.str(r.get(func, 'name')) ?? { value: service, at };
  const { env, keys } = envMap(r, r.get(func, 'environmentVariables'));
  const region = r.str(r.get(props, 'region'));
  const fn: FunctionDef = {
    id: `${file}#${service}`,
    name: dePlaceholder(name),
    vendor: 'aliyun',
    format: 'serverless-devs-fc',
    region: region ? dePlaceholder(region) : undefined,
    env,
    writes: [],
    at,
  };
  const svc = r.map(r.get(props, 'service'));
  const svcName = r.str(r.get(svc, 'name'));
  if (svcName && typeof svcName.value === 'string' && typeof fn.name.value === 'string')
    fn.deployName = `${svcName.value}/${fn.name.value}`;
  fn.logConfig = logDestination(r, r.get(svc, 'logConfig'));
  const role = r.map(r.get(svc, 'role'));
  fn.writes.push(...envWrites(fn, keys), ...mountWrites(r, svc), ...policyWrites(r, r.get(role, 'policies'), text));
  fn.code = codeRef(r, [r.get(func, 'codeUri')], r.get(func, 'handler'), r.get(func, 'runtime'));
  return fn;
}

function buildTrigger(r: Resolver, fn: FunctionDef, t: YAMLMap, id: string): Trigger {
  const at = r.loc(t);
  const name = r.str(r.get(t, 'name')) ?? { value: '', at };
  const typeL = r.str(r.get(t, 'type'));
  const type = typeof typeL?.value === 'string' ? typeL.value : '';
  const config = r.map(r.get(t, 'config'));
  const base = { id, type, name, function: fn, at };
  if (type !== 'oss') return aliyunOtherTrigger(r, t, config, base) ?? { ...base, kind: kindOf(type), fields: {} };
  const arnNode = r.get(t, 'sourceArn');
  const arn = arnNode !== undefined && arnNode !== null ? r.fields(arnNode, ':') : undefined;
  const arnOk = arn?.length === 5;
  const configAt = config ? r.loc(config) : at;
  const bucketNode = r.get(config, 'bucketName');
  let bucket: Located<string>;
  if (arnOk && !(dePlaceholder(arn[4]).value instanceof Unknown)) bucket = dePlaceholder(arn[4]);
  else if (bucketNode !== undefined && bucketNode !== null)
    bucket = dePlaceholder(
      r.str(bucketNode) ?? { value: new Unknown('bucketName is not a string'), at: r.loc(bucketNode) },
    );
  else if (arnOk) bucket = dePlaceholder(arn[4]);
  else
    bucket = {
      value: new Unknown(arnNode ? 'sourceArn is not acs:oss:<region>:<account>:<bucket>' : 'no bucketName'),
      at: arnNode ? r.loc(arnNode) : configAt,
    };
  const { prefix, suffix } = readKeyFilter(r, r.get(config, 'filter'), configAt);
  const { events, items } = readEvents(r, r.get(config, 'events'), 'aliyun', configAt);
  const trigger: StorageTrigger = {
    ...base,
    kind: 'storage',
    bucket,
    // Without sourceArn fc-deploy builds the ARN with the function's region: nothing to compare.
    bucketRegion: arnOk ? dePlaceholder(arn[2]) : undefined,
    bucketAccount: arnOk ? dePlaceholder(arn[3]) : undefined,
    events,
    eventItems: items,
    ...keyFilter(prefix, suffix),
    native: true,
  };
  return trigger;
}

export default fc;
