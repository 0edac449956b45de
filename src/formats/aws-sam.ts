// AWS SAM `template.yaml` (`Transform: AWS::Serverless-2016-10-31`, or any template with an
// `AWS::Serverless::Function`, as SAM's own translator tests are written). Functions:
// `Resources.<id>` of `Type: AWS::Serverless::Function`; triggers: `Properties.Events.<name>`.
// An S3 event's `Bucket` must be `!Ref X` to an `AWS::S3::Bucket` of the same template; the
// bucket's identity is its literal `BucketName`, else its logical id. Filters are
// `Filter.S3Key.Rules[{Name: prefix|suffix, Value}]`. The region is the stack's: a bucket of the
// template is in it, so there is no region to compare.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { FormatAdapter, BuildResult, SchemaTarget } from './types.js';
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
import type { Location } from '../types.js';
import type { Resolver } from './resolve.js';
import { entries } from '../source/yamlnav.js';
import { envWrites, readEvents, codeRef } from './common.js';
import { num } from './trigger-fields.js';
import {
  CfnResolver,
  cfnStr,
  cfnEnv,
  display,
  refTarget,
  samPolicyWrites,
  template,
  typeOf,
  type Template,
  functionName,
} from './aws-intrinsics.js';
import { bucketNotifications } from './aws-s3-notifications.js';
import { customBusChecks, eventSourceRefChecks } from './aws-event-source-checks.js';

type Issue = NonNullable<FileModel['formatIssues']>[number];
const TRANSFORM = 'AWS::Serverless-2016-10-31';
const FUNCTION = 'AWS::Serverless::Function';

function hasTransform(root: YAMLMap): boolean {
  const t = root.get('Transform', true);
  if (isScalar(t)) return String(t.value).trim() === TRANSFORM;
  if (t && 'items' in (t as object))
    return (t as { items: unknown[] }).items.some((i) => isScalar(i) && String(i.value).trim() === TRANSFORM);
  return false;
}

function hasSamFunction(root: YAMLMap): boolean {
  const res = root.get('Resources', true);
  return isMap(res) && res.items.some((p) => isMap(p.value) && String(p.value.get('Type') ?? '').trim() === FUNCTION);
}

/** Whether a node is there but its value is not known (an intrinsic function, an alias over the limit). */
function opaque(r: Resolver, node: Node | null | undefined): boolean {
  return !!node && r.deref(node) instanceof Unknown;
}

/**
 * S3 filter rules into prefix and suffix, each located at its `Value`. A filter, key or rule
 * written with an intrinsic (`Filter: !If [...]`) makes both unknown: it may set either.
 */
function s3Rules(r: Resolver, t: Template, filterNode: Node | undefined, fallback: Location) {
  const out: { prefix?: Located<string>; suffix?: Located<string> } = {};
  const unknown = (node: Node) => {
    const at = r.loc(node, fallback);
    const value = new Unknown('filter written with a CloudFormation intrinsic function');
    return { prefix: { value, at }, suffix: { value, at } };
  };
  if (opaque(r, filterNode)) return unknown(filterNode!);
  const keyNode = r.get(r.map(filterNode), 'S3Key');
  if (opaque(r, keyNode)) return unknown(keyNode!);
  const rulesNode = r.get(r.map(keyNode), 'Rules');
  if (opaque(r, rulesNode)) return unknown(rulesNode!);
  const rules = r.seq(rulesNode);
  for (const item of rules?.items ?? []) {
    if (opaque(r, item as Node)) return unknown(item as Node);
    const m = r.map(item as Node);
    const name = r.str(r.get(m, 'Name'));
    if (name && name.value instanceof Unknown) return unknown(item as Node);
    if (!name || typeof name.value !== 'string') continue;
    const which = name.value.toLowerCase();
    if (which !== 'prefix' && which !== 'suffix') continue;
    out[which] = cfnStr(r, t, r.get(m, 'Value'), fallback) ?? { value: '', at: r.loc(m, fallback) };
  }
  return out;
}

/** Rule names of the template's Schedule events, for the check that each is used once. */
const ruleNames = new WeakMap<Issue[], Map<string, Location>>();

/**
 * What SAM or EventBridge rejects in a Schedule event before any rule runs: `State` and `Enabled`
 * together ("Specify either the Enabled or State property, but not both", AWS SAM Schedule
 * reference), and one EventBridge rule `Name` on two Schedule events of the template (rule names
 * are unique per event bus: the second rule fails to create).
 */
function scheduleChecks(r: Resolver, type: string, props: YAMLMap | undefined, issues: Issue[]): void {
  if (type !== 'Schedule' || !props) return;
  const state = r.keyNode(props, 'State');
  const enabled = r.keyNode(props, 'Enabled');
  if (state && enabled) {
    issues.push({
      at: r.loc(enabled),
      message:
        'key "Enabled" next to "State": SAM rejects a Schedule event with both ("Specify either the Enabled or State property, but not both"); keep State (ENABLED | DISABLED) and remove Enabled',
      related: [{ at: r.loc(state), message: 'State is set here' }],
    });
  }
  const name = r.str(r.get(props, 'Name'));
  if (!name || typeof name.value !== 'string') return;
  const seen = ruleNames.get(issues) ?? ruleNames.set(issues, new Map()).get(issues)!;
  const first = seen.get(name.value);
  if (!first) {
    seen.set(name.value, name.at);
    return;
  }
  issues.push({
    at: name.at,
    message: `rule name ${JSON.stringify(name.value)} is already used by another Schedule event of this template: EventBridge rule names are unique per event bus, so the second rule fails to create; give each Schedule event its own Name, or leave Name out`,
    related: [{ at: first, message: `rule ${JSON.stringify(name.value)} is named here first` }],
  });
}

function samTrigger(
  r: Resolver,
  t: Template,
  fn: FunctionDef,
  name: Located<string>,
  ev: YAMLMap,
  id: string,
  issues: Issue[],
): Trigger {
  const at = r.loc(ev);
  const typeL = r.str(r.get(ev, 'Type'));
  const type = typeof typeL?.value === 'string' ? typeL.value : '';
  const props = r.map(r.get(ev, 'Properties'));
  const base = { id, type, name, function: fn, at };
  switch (type) {
    case 'S3': {
      const bucketNode = r.get(props, 'Bucket');
      const ref = refTarget(r, bucketNode);
      let bucket: Located<string>;
      if (ref && typeof ref.value === 'string' && t.buckets.has(ref.value))
        bucket = { value: t.buckets.get(ref.value)!, at: ref.at, ...display(t, t.buckets.get(ref.value)) };
      else {
        const at2 = bucketNode ? r.loc(bucketNode) : at;
        bucket = { value: new Unknown('not a bucket of this template'), at: at2 };
        if (bucketNode) {
          issues.push({
            at: at2,
            message: `${ref ? `!Ref ${JSON.stringify(ref.value)} is not an AWS::S3::Bucket of this template` : 'Bucket is not a !Ref'}: SAM rejects it ("S3 events must reference an S3 bucket in the same template"); declare the bucket under Resources with Type: AWS::S3::Bucket and write Bucket: !Ref <its logical id>`,
          });
        }
      }
      const filterNode = r.get(props, 'Filter');
      const fAt = filterNode ? r.loc(filterNode) : props ? r.loc(props) : at;
      const rules = s3Rules(r, t, filterNode, fAt);
      const { events, items } = readEvents(r, r.get(props, 'Events'), 'aws', fAt);
      const s: StorageTrigger = {
        ...base,
        kind: 'storage',
        bucket,
        events,
        eventItems: items,
        prefix: rules.prefix ?? { value: '', at: fAt },
        suffix: rules.suffix ?? { value: '', at: fAt },
        prefixDeclared: !!rules.prefix,
        suffixDeclared: !!rules.suffix,
        native: true,
      };
      return s;
    }
    case 'Schedule':
    case 'ScheduleV2': {
      scheduleChecks(r, type, props, issues);
      const timer: TimerTrigger = {
        ...base,
        kind: 'timer',
        dialect: type === 'ScheduleV2' ? 'aws-scheduler' : 'aws',
        schedule: cfnStr(r, t, r.get(props, 'Schedule', 'ScheduleExpression')) ?? {
          value: new Unknown('no schedule'),
          at,
        },
        timezone: cfnStr(r, t, r.get(props, 'ScheduleExpressionTimezone')),
        enabled: cfnStr(r, t, r.get(props, 'Enabled')),
        payload: cfnStr(r, t, r.get(props, 'Input')),
      };
      return timer;
    }
    case 'Api':
    case 'HttpApi': {
      const m = cfnStr(r, t, r.get(props, 'Method'));
      const h: HttpTrigger = {
        ...base,
        kind: 'http',
        gateway: true,
        methods: m ? { value: m.value instanceof Unknown ? m.value : [m.value.toUpperCase()], at: m.at } : undefined,
        methodItems: m ? [m] : [],
        path: cfnStr(r, t, r.get(props, 'Path')),
      };
      return h;
    }
    case 'SQS':
    case 'SNS':
    case 'Kinesis':
    case 'DynamoDB':
    case 'MSK':
    case 'MQ': {
      eventSourceRefChecks(r, t, props, issues);
      const q: QueueTrigger = {
        ...base,
        kind: 'queue',
        topic: cfnStr(r, t, r.get(props, 'Queue', 'Topic', 'Stream')),
        enabled: cfnStr(r, t, r.get(props, 'Enabled')),
        batchSize: num(r, r.get(props, 'BatchSize')),
        batchWindow: num(r, r.get(props, 'MaximumBatchingWindowInSeconds')),
        retries: num(r, r.get(props, 'MaximumRetryAttempts')),
      };
      return q;
    }
    default: {
      if (type === 'EventBridgeRule' || type === 'CloudWatchEvent') customBusChecks(r, props, issues);
      const kind =
        type === 'CloudWatchLogs'
          ? 'log'
          : type === 'EventBridgeRule' || type === 'CloudWatchEvent'
            ? 'eventbridge'
            : 'other';
      const o: OtherTrigger = { ...base, kind, fields: {} };
      return o;
    }
  }
}

const awsSam: FormatAdapter = {
  id: 'aws-sam',
  vendor: 'aws',
  description:
    'AWS SAM template.yaml (Transform: AWS::Serverless-2016-10-31), S3 events on buckets of the same template',
  fileNames: ['template.yaml', 'template.yml'],
  detect(doc) {
    const root = doc.contents;
    return isMap(root) && (hasTransform(root) || hasSamFunction(root));
  },
  build(doc, source): BuildResult {
    const root = doc.contents as YAMLMap;
    const r = new CfnResolver(source, doc, null);
    const t = template(r, root);
    const functions: FunctionDef[] = [];
    const triggers: Trigger[] = [];
    const formatIssues: Issue[] = [];
    const globals = r.map(r.get(r.map(r.get(root, 'Globals')), 'Function'));
    const byId = new Map<string, FunctionDef>();
    for (const [id, pair] of t.resources ? entries(t.resources) : []) {
      const m = r.map(pair.value);
      if (typeOf(r, m) !== FUNCTION) continue;
      const props = r.map(r.get(m, 'Properties'));
      const at = r.loc(pair.key);
      const name = functionName(r, props, id, at);
      const env = cfnEnv(
        r,
        t,
        r.get(r.map(r.get(globals, 'Environment')), 'Variables'),
        r.get(r.map(r.get(props, 'Environment')), 'Variables'),
      );
      const fn: FunctionDef = {
        id: `${source.path}#${id}`,
        name,
        vendor: 'aws',
        format: 'aws-sam',
        env: env.env,
        writes: [],
        at,
      };
      fn.writes.push(...envWrites(fn, env.keys), ...samPolicyWrites(r, t, r.get(props, 'Policies')));
      fn.code = codeRef(
        r,
        [r.get(props, 'CodeUri'), r.get(globals, 'CodeUri')],
        r.get(props, 'Handler') ?? r.get(globals, 'Handler'),
        r.get(props, 'Runtime') ?? r.get(globals, 'Runtime'),
      );
      functions.push(fn);
      byId.set(id, fn);
      const events = r.map(r.get(props, 'Events'));
      for (const [ename, ep] of events ? entries(events) : []) {
        const ev = r.map(ep.value);
        if (ev)
          triggers.push(
            samTrigger(r, t, fn, { value: ename, at: r.loc(ep.key) }, ev, `${fn.id}#${ename}`, formatIssues),
          );
      }
    }
    // notifications written on the bucket side (NotificationConfiguration, CDK's custom resource)
    triggers.push(
      ...bucketNotifications(r, t, byId, (label, at) => ({
        id: `${source.path}#external:${label}`,
        name: { value: label, at },
        vendor: 'aws',
        format: 'aws-sam',
        env: new Map(),
        writes: [],
        at,
      })),
    );
    return {
      functions,
      triggers,
      undefinedRefs: [],
      formatIssues,
      schemaTargets: (): SchemaTarget[] => [{ schema: 'config/aws-sam', view: r.json(root), label: 'template.yaml' }],
    };
  },
};

export default awsSam;
