// S3 notifications written on the bucket side of a CloudFormation template (YAML or JSON, SAM
// or plain CloudFormation, CDK output): an `AWS::S3::Bucket`'s `NotificationConfiguration`
// (`LambdaConfigurations` / `QueueConfigurations` / `TopicConfigurations`, each with one `Event`
// and `Filter.S3Key.Rules`) and CDK's `Custom::S3BucketNotifications` (the S3 API's shape:
// `LambdaFunctionConfigurations` with `Events` and `Filter.Key.FilterRules`). Each configuration
// is a storage trigger of the function its ARN names (`!GetAtt F.Arn` of a function of the
// template), or of a stand-in for a queue, a topic or a function elsewhere.
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { Unknown, type FunctionDef, type Located, type StorageTrigger } from '../model/model.js';
import type { Location } from '../types.js';
import type { Resolver } from './resolve.js';
import { entries } from '../source/yamlnav.js';
import { readEvents } from './common.js';
import { cfnStr, display, refTarget, typeOf, type Template } from './aws-intrinsics.js';

const KINDS: { key: string; arn: string[] }[] = [
  { key: 'LambdaConfigurations', arn: ['Function'] },
  { key: 'QueueConfigurations', arn: ['Queue'] },
  { key: 'TopicConfigurations', arn: ['Topic'] },
  { key: 'LambdaFunctionConfigurations', arn: ['LambdaFunctionArn'] },
];

/** The logical id of `!GetAtt X.Arn`, `{"Fn::GetAtt": ["X", "Arn"]}` or `!Ref X`. */
function targetId(r: Resolver, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (isScalar(node) && node.tag === '!GetAtt' && typeof node.value === 'string') return node.value.split('.')[0];
  if (isSeq(node) && node.tag === '!GetAtt') {
    const f = node.items[0];
    return isScalar(f) ? String(f.value) : undefined;
  }
  const m = r.map(node);
  const ga = m && m.items.length === 1 ? r.get(m, 'Fn::GetAtt') : undefined;
  if (ga) {
    if (isSeq(ga) && isScalar(ga.items[0])) return String((ga.items[0] as { value: unknown }).value);
    if (isScalar(ga) && typeof ga.value === 'string') return ga.value.split('.')[0];
  }
  return refTarget(r, node)?.value as string | undefined;
}

/** Filter rules `[{Name: prefix|suffix, Value}]` into prefix and suffix (names in any case). */
function rules(r: Resolver, t: Template, list: Node | undefined, fallback: Location) {
  const out: { prefix?: Located<string>; suffix?: Located<string> } = {};
  for (const item of r.seq(list)?.items ?? []) {
    const m = r.map(item as Node);
    const name = r.str(r.get(m, 'Name'));
    const which = typeof name?.value === 'string' ? name.value.toLowerCase() : '';
    if (which !== 'prefix' && which !== 'suffix') continue;
    out[which] = cfnStr(r, t, r.get(m, 'Value'), fallback) ?? { value: '', at: r.loc(m, fallback) };
  }
  return out;
}

export function bucketNotifications(
  r: Resolver,
  t: Template,
  functions: Map<string, FunctionDef>,
  external: (label: string, at: Location) => FunctionDef,
): StorageTrigger[] {
  const out: StorageTrigger[] = [];
  for (const [id, pair] of t.resources ? entries(t.resources) : []) {
    const m = r.map(pair.value);
    const type = typeOf(r, m);
    const props = r.map(r.get(m, 'Properties'));
    let bucket: Located<string>;
    let config: YAMLMap | undefined;
    if (type === 'AWS::S3::Bucket') {
      config = r.map(r.get(props, 'NotificationConfiguration'));
      const identity = t.buckets.get(id);
      bucket = { value: identity ?? new Unknown('bucket'), at: r.loc(pair.key), ...display(t, identity) };
    } else if (type === 'Custom::S3BucketNotifications') {
      config = r.map(r.get(props, 'NotificationConfiguration'));
      const node = r.get(props, 'BucketName');
      const ref = refTarget(r, node);
      const identity = ref && typeof ref.value === 'string' ? t.buckets.get(ref.value) : undefined;
      bucket = identity
        ? { value: identity, at: ref!.at, ...display(t, identity) }
        : (cfnStr(r, t, node, r.loc(pair.key)) ?? { value: new Unknown('no BucketName'), at: r.loc(pair.key) });
    } else continue;
    if (!config) continue;
    for (const kind of KINDS) {
      const list = r.seq(r.get(config, kind.key));
      list?.items.forEach((item, i) => {
        const c = r.map(item as Node);
        if (!c || !isMap(c)) return;
        const at = r.loc(c);
        const arnNode = r.get(c, ...kind.arn);
        const tid = targetId(r, arnNode);
        const fn =
          (tid && functions.get(tid)) ||
          external(
            tid ?? (r.str(arnNode)?.value as string | undefined) ?? `${id}.${kind.key}[${i}]`,
            arnNode ? r.loc(arnNode) : at,
          );
        const filter = r.map(r.get(c, 'Filter'));
        const fAt = filter ? r.loc(filter) : at;
        const f = rules(r, t, r.get(r.map(r.get(filter, 'S3Key', 'Key')), 'Rules', 'FilterRules'), fAt);
        const ev = readEvents(r, r.get(c, 'Event', 'Events'), 'aws', at);
        out.push({
          id: `${r.file}#${id}.${kind.key}[${i}]`,
          kind: 'storage',
          type: 's3',
          name: { value: `${id}.${kind.key}[${i}]`, at },
          function: fn,
          at,
          bucket,
          events: ev.events,
          eventItems: ev.items,
          prefix: f.prefix ?? { value: '', at: fAt },
          suffix: f.suffix ?? { value: '', at: fAt },
          prefixDeclared: !!f.prefix,
          suffixDeclared: !!f.suffix,
          native: true,
        });
      });
    }
  }
  return out;
}
