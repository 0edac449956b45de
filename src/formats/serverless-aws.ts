// AWS with the Serverless Framework (`serverless.yml` with `provider.name: aws`). Functions:
// `functions.<f>`; S3 triggers: `functions.<f>.events[]` as `- s3: <bucket>` or
// `- s3: { bucket, event, rules: [{prefix}, {suffix}], existing }` (docs/sf/providers/aws/events/s3.md);
// `event` defaults to `s3:ObjectCreated:*`. Write targets: environment variables and IAM
// statements granting s3:PutObject (provider.iam.role.statements, provider.iamRoleStatements).
import type { Node, YAMLMap } from 'yaml';
import {
  Unknown,
  type FileModel,
  type FunctionDef,
  type HttpTrigger,
  type Located,
  type OtherTrigger,
  type QueueTrigger,
  type StorageTrigger,
  type TimerTrigger,
  type Trigger,
} from '../model/model.js';
import { Resolver } from './resolve.js';
import { entries } from '../source/yamlnav.js';
import { readEvents } from './common.js';
import { num } from './trigger-fields.js';
import { statementWrites } from './aws-intrinsics.js';
import { serverlessFrameworkAdapter } from './serverless-framework-common.js';
import { refNotAnArn } from './aws-event-source-checks.js';

type Issue = NonNullable<FileModel['formatIssues']>[number];

/** `resources.Resources` of the serverless.yml (CloudFormation resources the file declares). */
function resourcesOf(r: Resolver): YAMLMap | undefined {
  return r.map(r.get(r.map(r.get(r.map(r.doc.contents), 'resources')), 'Resources'));
}

function s3Trigger(
  r: Resolver,
  fn: FunctionDef,
  value: Node | null,
  base: { id: string; type: string; name: Located<string>; function: FunctionDef; at: StorageTrigger['at'] },
): StorageTrigger {
  const m = r.map(value);
  const at = value ? r.loc(value) : base.at;
  const bucket = (m ? r.str(r.get(m, 'bucket')) : r.str(value)) ?? { value: new Unknown('no bucket'), at };
  const eventNode = r.get(m, 'event');
  const fromFile = eventNode !== undefined ? readEvents(r, eventNode, 'aws', at) : undefined;
  const events = fromFile ?? { events: { value: ['ObjectCreated:*'], at: bucket.at }, items: [] };
  let prefix: Located<string> | undefined;
  let suffix: Located<string> | undefined;
  for (const item of r.seq(r.get(m, 'rules'))?.items ?? []) {
    const rule = r.map(item as Node);
    if (r.has(rule, 'prefix')) prefix = r.str(r.get(rule, 'prefix')) ?? { value: '', at: r.loc(rule) };
    if (r.has(rule, 'suffix')) suffix = r.str(r.get(rule, 'suffix')) ?? { value: '', at: r.loc(rule) };
  }
  return {
    ...base,
    kind: 'storage',
    bucket,
    events: events.events,
    eventItems: events.items,
    prefix: prefix ?? { value: '', at },
    suffix: suffix ?? { value: '', at },
    prefixDeclared: !!prefix,
    suffixDeclared: !!suffix,
    native: true,
  };
}

function awsTrigger(r: Resolver, fn: FunctionDef, item: YAMLMap, id: string, issues: Issue[]): Trigger {
  const at = r.loc(item);
  const [type, pair] = entries(item)[0] ?? ['', undefined];
  const value = pair?.value ?? null;
  const m = r.map(value);
  const name = r.str(r.get(m, 'name')) ?? { value: '', at };
  const base = { id, type, name, function: fn, at };
  switch (type) {
    case 's3':
      return s3Trigger(r, fn, value, base);
    case 'schedule': {
      const schedule = (m ? r.str(r.get(m, 'rate')) : r.str(value)) ?? { value: new Unknown('no rate'), at };
      const t: TimerTrigger = {
        ...base,
        kind: 'timer',
        dialect: 'aws',
        schedule,
        timezone: r.str(r.get(m, 'timezone')),
        enabled: r.str(r.get(m, 'enabled')),
        payload: r.str(r.get(m, 'input')),
      };
      return t;
    }
    case 'http':
    case 'httpApi': {
      const method = m ? r.str(r.get(m, 'method')) : undefined;
      const h: HttpTrigger = {
        ...base,
        kind: 'http',
        gateway: true,
        methods: method
          ? { value: method.value instanceof Unknown ? method.value : [method.value.toUpperCase()], at: method.at }
          : undefined,
        methodItems: method ? [method] : [],
        path: m ? r.str(r.get(m, 'path')) : undefined,
      };
      return h;
    }
    case 'sqs':
    case 'sns':
    case 'stream':
    case 'kafka':
    case 'msk':
    case 'activemq':
    case 'rabbitmq': {
      if (type === 'sqs' || type === 'stream')
        refNotAnArn(r, m ? r.get(m, 'arn') : value, resourcesOf(r), 'arn', 'the Serverless Framework', issues);
      const q: QueueTrigger = {
        ...base,
        kind: 'queue',
        topic: m ? r.str(r.get(m, 'arn', 'topicName', 'topic')) : r.str(value),
        enabled: r.str(r.get(m, 'enabled')),
        // docs/sf/providers/aws/events/sqs.md (maximumBatchingWindow), streams.md (batchWindow, maximumRetryAttempts)
        batchSize: num(r, r.get(m, 'batchSize')),
        batchWindow: num(r, r.get(m, type === 'sqs' ? 'maximumBatchingWindow' : 'batchWindow')),
        retries: num(r, r.get(m, 'maximumRetryAttempts')),
      };
      return q;
    }
    default: {
      const kind =
        type === 'cloudwatchLog'
          ? 'log'
          : type === 'eventBridge' || type === 'cloudwatchEvent'
            ? 'eventbridge'
            : 'other';
      const o: OtherTrigger = { ...base, kind, fields: {} };
      return o;
    }
  }
}

const serverlessAws = serverlessFrameworkAdapter({
  id: 'serverless-aws',
  vendor: 'aws',
  provider: 'aws',
  description: 'AWS serverless.yml for the Serverless Framework (provider.name: aws), s3 events',
  schema: 'config/serverless-aws',
  providerWrites: (r, provider) => [
    ...statementWrites(r, undefined, r.get(r.map(r.get(r.map(r.get(provider, 'iam')), 'role')), 'statements')),
    ...statementWrites(r, undefined, r.get(provider, 'iamRoleStatements')),
  ],
  trigger: ({ r, fn, item, id, issues }) => awsTrigger(r, fn, item, id, issues),
});

export default serverlessAws;
