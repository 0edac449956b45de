// What SAM, the Serverless Framework or EventBridge do with an event source that no JSON Schema can
// see, reported by the `schema` rule as format issues: an SQS, Kinesis or DynamoDB event whose
// source is `!Ref` of a resource of the template (Ref returns the queue URL or the stream / table name, where SAM wants
// the ARN), and an EventBridgeRule on a custom bus matching only AWS service events (AWS services
// deliver to the default bus).
import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { Location } from '../types.js';
import type { FileModel } from '../model/model.js';
import type { Resolver } from './resolve.js';
import { refTarget, typeOf, type Template } from './aws-intrinsics.js';

type Issue = NonNullable<FileModel['formatIssues']>[number];

/**
 * What `!Ref` of a stream or queue resource returns, and the attribute holding the ARN SAM wants
 * (CloudFormation resource reference, each type's "Return values"; SAM event source reference:
 * `Queue` / `Stream` is "the ARN", passed to `AWS::Lambda::EventSourceMapping` `EventSourceArn`).
 */
const REF_IS_NOT_AN_ARN: Record<string, { key: string; gives: string; attr: string }> = {
  'AWS::SQS::Queue': { key: 'Queue', gives: 'queue URL', attr: 'Arn' },
  'AWS::Kinesis::Stream': { key: 'Stream', gives: 'stream name', attr: 'Arn' },
  'AWS::DynamoDB::Table': { key: 'Stream', gives: 'table name', attr: 'StreamArn' },
};

/** SQS / Kinesis / DynamoDB event of SAM: `Queue` / `Stream` is `!Ref` of a resource whose Ref is not the ARN. */
export function eventSourceRefChecks(r: Resolver, t: Template, props: YAMLMap | undefined, issues: Issue[]): void {
  for (const key of ['Queue', 'Stream']) refNotAnArn(r, r.get(props, key), t.resources, key, 'SAM', issues);
}

/**
 * `node` (the source written under `key`) is `!Ref` / `{Ref: X}` of a resource of `resources`
 * whose Ref is not its ARN; `tool` passes it to EventSourceArn as written (SAM, the Serverless
 * Framework). A Ref to anything else (a parameter) is left alone.
 */
export function refNotAnArn(
  r: Resolver,
  node: Node | null | undefined,
  resources: YAMLMap | undefined,
  key: string,
  tool: string,
  issues: Issue[],
): void {
  const ref = refTarget(r, node);
  const id = ref?.value;
  if (!ref || typeof id !== 'string') return;
  const type = typeOf(r, r.map(r.get(resources, id)));
  const rule = REF_IS_NOT_AN_ARN[type];
  // SAM names the source by its kind (Queue for SQS, Stream for Kinesis and DynamoDB)
  if (!rule || (tool === 'SAM' && rule.key !== key)) return;
  issues.push({
    at: ref.at,
    related: [{ at: r.loc(r.keyNode(resources, id)), message: `${type} ${JSON.stringify(id)} is declared here` }],
    message: `!Ref ${JSON.stringify(id)} is the ${rule.gives} of ${type} ${JSON.stringify(id)}, not its ARN: ${tool} passes ${key} to the event source mapping's EventSourceArn, which rejects it at deploy; write ${key}: !GetAtt ${id}.${rule.attr}`,
  });
}

/** A literal string, or undefined (intrinsics and non-strings are not known here). */
function literal(r: Resolver, node: Node | null | undefined): { value: string; at: Location } | undefined {
  return node && isScalar(node) && !node.tag && typeof node.value === 'string'
    ? { value: node.value.trim(), at: r.loc(node) }
    : undefined;
}

/**
 * EventBridgeRule / CloudWatchEvent on a custom bus whose pattern matches only AWS service
 * sources (`aws.*`, not partner sources `aws.partner/…`): AWS services send their events to the
 * default event bus (EventBridge User Guide, "Events from AWS services"), so the rule sees them
 * only if another rule forwards them — a warning.
 */
export function customBusChecks(r: Resolver, props: YAMLMap | undefined, issues: Issue[]): void {
  const bus = literal(r, r.get(props, 'EventBusName'));
  if (!bus || bus.value === '' || bus.value === 'default' || /:event-bus\/default$/.test(bus.value)) return;
  const source = r.get(r.map(r.get(props, 'Pattern')), 'source');
  const items = r.seq(source)?.items.map((n) => literal(r, n as Node));
  if (!items?.length || items.some((s) => !s || !/^aws\./.test(s.value) || s.value.startsWith('aws.partner/'))) return;
  const names = items.map((s) => JSON.stringify(s!.value)).join(', ');
  issues.push({
    severity: 'warning',
    at: bus.at,
    message: `rule on event bus ${JSON.stringify(bus.value)} matches only AWS service events (source ${names}), but AWS services send their events to the default event bus: this rule sees them only if another rule forwards them to ${JSON.stringify(bus.value)}; remove EventBusName to use the default bus, or forward the events`,
    related: [{ at: items[0]!.at, message: 'the AWS service source' }],
  });
}
