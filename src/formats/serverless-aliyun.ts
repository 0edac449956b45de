// Serverless Framework `serverless.yml` with `provider.name: aliyun` (plugin
// aliyun/serverless-aliyun-function-compute). Functions: functions.<f>; events:
// functions.<f>.events[] with one key each — `oss: {sourceArn, triggerConfig: {events,
// filter: {key: {prefix, suffix}}}}`, `http`/`https`, `timer`, `log`… The bucket and its region
// come from sourceArn `acs:oss:<region>:<account>:<bucket>`; the function's region is
// `--region`, else provider.region, else cn-shanghai (shared/utils.js setDefaults) — since the
// flag can override it, only a written provider.region is taken. Triggers have no name in the
// file. Write targets: provider.environment + the function's environment, and
// provider.ramRoleStatements granting oss:PutObject. Variables: `${env:X}`, `${self:…}`.
import { type Node } from 'yaml';
import {
  Unknown,
  type FunctionDef,
  type Located,
  type StorageTrigger,
  type Trigger,
  type TriggerBase,
} from '../model/model.js';
import { Resolver } from './resolve.js';
import { entries } from '../source/yamlnav.js';
import { dePlaceholder, readEvents, keyFilter } from './common.js';
import { bool, strList } from './trigger-fields.js';
import { policyWrites } from '../model/policies.js';
import { readKeyFilter } from './aliyun-common.js';
import type { Location } from '../types.js';
import { serverlessFrameworkAdapter } from './serverless-framework-common.js';

/** Keys of other formats that do not belong in the plugin's oss event. */
export const SLS_ALIYUN_FOREIGN_KEYS: Record<string, string> = {
  bucketName:
    'bucketName is Serverless Devs legacy fc — the plugin takes the bucket from sourceArn: acs:oss:<region>:<account-id>:<bucket>',
  bucket: 'bucket is the AWS/Tencent Serverless Framework event — the Aliyun plugin takes the bucket from sourceArn',
  config: 'config is Serverless Devs legacy fc — the plugin writes triggerConfig',
  Key: 'Key (capitalised) is legacy fc — the plugin writes filter.key with lower-case key, prefix and suffix',
  Prefix: 'Prefix (capitalised) is legacy fc — the plugin writes filter.key.prefix',
  Suffix: 'Suffix (capitalised) is legacy fc — the plugin writes filter.key.suffix',
};

function kindOf(type: string): string {
  switch (type) {
    case 'http':
    case 'https':
      return 'http';
    case 'timer':
      return 'timer';
    case 'log':
      return 'log';
    case 'mns':
    case 'mnsTopic':
    case 'mns_topic':
      return 'queue';
    default:
      return 'other';
  }
}

const slsAliyun = serverlessFrameworkAdapter({
  id: 'serverless-aliyun',
  vendor: 'aliyun',
  provider: 'aliyun',
  description: 'Serverless Framework serverless.yml with provider aliyun (serverless-aliyun-function-compute plugin)',
  schema: 'config/serverless-aliyun',
  schemaPerEvent: SLS_ALIYUN_FOREIGN_KEYS,
  // the plugin falls back to --region, then cn-shanghai: only a written region is known
  region: (r, provider) => {
    const l = r.str(r.get(provider, 'region'));
    return l ? dePlaceholder(l) : undefined;
  },
  providerWrites: (r, provider, text) => policyWrites(r, r.get(provider, 'ramRoleStatements'), text),
  trigger: ({ r, fn, item, id }) => {
    const first = entries(item)[0];
    return first ? buildTrigger(r, fn, first[0], first[1].value as Node, r.loc(item), id) : undefined;
  },
});

function buildTrigger(r: Resolver, fn: FunctionDef, type: string, node: Node, at: Location, id: string): Trigger {
  const body = r.map(node);
  const base: Pick<TriggerBase, 'id' | 'type' | 'name' | 'function' | 'at'> = {
    id,
    type,
    name: { value: '', at },
    function: fn,
    at,
  };
  if (type !== 'oss') {
    if (type === 'http' || type === 'https') {
      const { list, items } = strList(r, r.get(body, 'method'), true);
      return {
        ...base,
        kind: 'http',
        methods: list,
        methodItems: items,
        path: r.str(r.get(body, 'path')),
        gateway: true,
      };
    }
    if (type === 'timer') {
      const config = r.map(r.get(body, 'triggerConfig'));
      const schedule = r.str(r.get(config, 'cronExpression'));
      if (schedule)
        return {
          ...base,
          kind: 'timer',
          schedule,
          dialect: 'aliyun',
          enabled: bool(r, r.get(config, 'enable')),
          payload: r.str(r.get(config, 'payload')),
        };
    }
    return { ...base, kind: kindOf(type), fields: {} };
  }
  const config = r.map(r.get(body, 'triggerConfig'));
  const configAt = config ? r.loc(config) : at;
  const arnNode = r.get(body, 'sourceArn');
  const fields = arnNode !== undefined && arnNode !== null ? r.fields(arnNode, ':') : undefined;
  const unknownAt = arnNode ? r.loc(arnNode) : at;
  const field = (i: number): Located<string> => {
    if (!fields) return { value: new Unknown(arnNode ? 'sourceArn not known' : 'no sourceArn'), at: unknownAt };
    if (fields.length !== 5)
      return { value: new Unknown('sourceArn is not acs:oss:<region>:<account>:<bucket>'), at: unknownAt };
    return dePlaceholder(fields[i]);
  };
  const { prefix, suffix } = readKeyFilter(r, r.get(config, 'filter'), configAt);
  const { events, items } = readEvents(r, r.get(config, 'events'), 'aliyun', configAt);
  const trigger: StorageTrigger = {
    ...base,
    kind: 'storage',
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

export default slsAliyun;
