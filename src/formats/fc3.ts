// Serverless Devs `s.yaml`, edition 3.0.0, component fc3 (Alibaba Cloud Function Compute 3.0).
// Functions: resources.<r>.props; triggers: props.triggers[]; the bucket and its region come
// from sourceArn `acs:oss:<region>:<account>:<bucket>`; filter: triggerConfig.filter.key.
import { isMap, type YAMLMap } from 'yaml';
import { Unknown, type FunctionDef, type Located, type StorageTrigger, type Trigger } from '../model/model.js';
import { Resolver } from './resolve.js';
import { dePlaceholder, envMap, envWrites, filterValue, readEvents, codeRef, keyFilter } from './common.js';
import { aliyunOtherTrigger, kindOf, logDestination, mountWrites } from './aliyun-common.js';
import { serverlessDevsAdapter, triggersList } from './serverless-devs-common.js';

const COMPONENT = /(^|\/)fc3(@[\w.-]+)?$/;

/** Keys that belong to another format, and what to say when they appear in fc3. */
export const FC3_FOREIGN_KEYS: Record<string, string> = {
  bucketName:
    'bucketName inside an fc3 triggerConfig is legacy fc (edition 1.0.0) — fc3 takes the bucket from sourceArn: acs:oss:<region>:<account-id>:<bucket>',
  Key: 'Key (capitalised) is legacy fc — fc3 writes filter.key with lower-case key, prefix and suffix',
  Prefix: 'Prefix (capitalised) is legacy fc — fc3 writes filter.key.prefix',
  Suffix: 'Suffix (capitalised) is legacy fc — fc3 writes filter.key.suffix',
  name: 'name is legacy fc — fc3 names a trigger with triggerName',
  type: 'type is legacy fc — fc3 writes triggerType',
  config: 'config is legacy fc — fc3 writes triggerConfig',
  role: 'role on a trigger is legacy fc — fc3 writes invocationRole',
};

const fc3 = serverlessDevsAdapter({
  id: 'serverless-devs-fc3',
  vendor: 'aliyun',
  description: 'Serverless Devs s.yaml, edition 3.0.0, component fc3 (Alibaba Cloud Function Compute 3.0)',
  resourcesKey: 'resources',
  component: COMPONENT,
  // devsapp/fc3's own tests name the component through ${path('..')}: a resource with function props counts
  unknownComponent: (r, props) => r.has(props, 'functionName') || r.has(props, 'triggers'),
  detect: (root) => String(root.get('edition') ?? '').startsWith('3.') && isMap(root.get('resources', true)),
  schema: 'config/fc3',
  foreignKeys: FC3_FOREIGN_KEYS,
  buildFunction,
  buildTriggers: triggersList(buildTrigger),
});

function buildFunction(
  r: Resolver,
  resource: string,
  props: YAMLMap,
  file: string,
  at: FunctionDef['at'],
): FunctionDef {
  const name = r.str(r.get(props, 'functionName')) ?? { value: resource, at };
  const { env, keys } = envMap(r, r.get(props, 'environmentVariables'));
  const fn: FunctionDef = {
    id: `${file}#${resource}`,
    name,
    vendor: 'aliyun',
    format: 'serverless-devs-fc3',
    region: opt(r.str(r.get(props, 'region'))),
    env,
    writes: [],
    logConfig: logDestination(r, r.get(props, 'logConfig')),
    at,
  };
  fn.writes.push(...envWrites(fn, keys), ...mountWrites(r, props));
  fn.code = codeRef(r, [r.get(props, 'code')], r.get(props, 'handler'), r.get(props, 'runtime'));
  return fn;
}

function opt(l: Located<string> | undefined): Located<string> | undefined {
  return l ? dePlaceholder(l) : undefined;
}

function buildTrigger(r: Resolver, fn: FunctionDef, t: YAMLMap, id: string): Trigger {
  const at = r.loc(t);
  const name = r.str(r.get(t, 'triggerName')) ?? { value: '', at };
  const typeL = r.str(r.get(t, 'triggerType'));
  const type = typeof typeL?.value === 'string' ? typeL.value : '';
  const config = r.map(r.get(t, 'triggerConfig'));
  if (type !== 'oss') {
    return (
      aliyunOtherTrigger(r, t, config, { id, type, name, function: fn, at }) ?? {
        id,
        kind: kindOf(type),
        type,
        name,
        function: fn,
        at,
        fields: {},
      }
    );
  }
  const arnNode = r.get(t, 'sourceArn');
  const fields = r.fields(arnNode, ':');
  const unknownAt = arnNode ? r.loc(arnNode) : at;
  const field = (i: number): Located<string> => {
    if (!fields) return { value: new Unknown(arnNode ? 'sourceArn not known' : 'no sourceArn'), at: unknownAt };
    if (fields.length !== 5 || fields[i] === undefined)
      return { value: new Unknown('sourceArn is not acs:oss:<region>:<account>:<bucket>'), at: unknownAt };
    return dePlaceholder(fields[i]);
  };
  // legacy fc spelling `Key/Prefix/Suffix` is a schema error in fc3 (fixable), but read it
  // anyway so the other rules see the filter the user meant
  const filterKey = r.map(r.get(r.map(r.get(config, 'filter')), 'key', 'Key'));
  const filterAt = config ? r.loc(config) : at;
  const prefix = filterValue(r, filterKey, ['prefix', 'Prefix'], filterAt);
  const suffix = filterValue(r, filterKey, ['suffix', 'Suffix'], filterAt);
  const { events, items } = readEvents(r, r.get(config, 'events'), 'aliyun', filterAt);
  const trigger: StorageTrigger = {
    id,
    kind: 'storage',
    type,
    name,
    function: fn,
    at,
    bucket: field(4),
    bucketRegion: field(2),
    bucketAccount: field(3),
    events,
    eventItems: items,
    ...keyFilter(prefix, suffix),
    native: true,
  };
  return trigger;
}

export default fc3;
