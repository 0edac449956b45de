// The vendor-neutral Model (docs/architecture.md, "The Model"): plain data with a source location on every field a
// finding can point at. Format adapters fill it; rules read it.
import type { Fix, Location } from '../types.js';
import type { SchemaTarget } from './schema-target.js';
import type { KeyPart } from './key-pattern.js';
import type { KeyGuard } from './key-guard.js';

export type Vendor = 'aliyun' | 'tencent' | 'huawei' | 'jdcloud' | 'aws';

/** An unresolved value: a variable, a placeholder or an expression trigger-lint cannot evaluate. */
export class Unknown {
  constructor(readonly reason: string) {}
  toString(): string {
    return `<unknown: ${this.reason}>`;
  }
}

export interface Located<T> {
  value: T | Unknown;
  at: Location;
  /** Where the value really came from when it was substituted (a `vars` entry, an env default…). */
  origin?: Location;
  /**
   * How messages name the value when `value` is an identity the adapter made up rather than text
   * the user wrote (a SAM bucket without BucketName: `SrcBucket (defined in template.yaml)`).
   */
  display?: string;
}

export function isKnown<T>(l: Located<T> | undefined): l is Located<T> & { value: T } {
  return l !== undefined && !(l.value instanceof Unknown);
}

export function known<T>(l: Located<T> | undefined): T | undefined {
  return l !== undefined && !(l.value instanceof Unknown) ? l.value : undefined;
}

export interface FunctionDef {
  id: string;
  name: Located<string>;
  vendor: Vendor;
  format: string;
  region?: Located<string>;
  account?: Located<string>;
  env: Map<string, Located<string>>;
  writes: WriteTarget[];
  /** Where the function's code is, when the config says (read only by the handler-code stage). */
  code?: CodeRef;
  /** The handler code lies outside the project root (after symlinks), so it was not read (set by src/code/stage.ts). */
  codeOutside?: boolean;
  /**
   * Set by the handler-code stage when it read the function's code: complete when every module
   * was read and evaluated within the bounds and every write it found names a bucket trigger-lint
   * resolved; otherwise why not. Absent: the code was not read (not named, not found, or off).
   */
  codeRead?: { complete: true } | { complete: false; why: string };
  /**
   * The function's name as the cloud knows it, where descriptors of different formats name the
   * same function (Alibaba FC 2.0: `<service>/<function>`, from a Funcraft template.yml or the
   * legacy fc s.yaml that replaced it). Absent when not known.
   */
  deployName?: string;
  /** Where the function writes its own execution logs (fc3 `logConfig`, a legacy fc / Funcraft / ROS service's `logConfig`). */
  logConfig?: LogDestination;
  /** Where the handler-code stage stopped reading this function's code (a budget, or code it could not read). */
  codeLimit?: AnalysisLimit;
  at: Location;
}

/** A log project and logstore that something writes its logs into. */
export interface LogDestination {
  project?: Located<string>;
  logstore?: Located<string>;
}

/** A function's code as its config names it: a folder (relative to the config file) and the handler. */
export interface CodeRef {
  dir: Located<string>;
  /** `index.handler`, `app.lambda_handler`, `index.main_handler`. */
  handler?: Located<string>;
  /** The runtime as written (`python3.10`, `nodejs18`), to pick the module's language. */
  runtime?: string;
}

export interface WriteTarget {
  /** Undefined means "the bucket that triggered the function" (an output prefix with no output bucket). */
  bucket?: Located<string>;
  /** Absent when the function's output prefix is not known. */
  prefix?: Located<string>;
  /** The written keys' known ending (a write in the handler code that keeps or changes the suffix). */
  suffix?: Located<string>;
  /** The prefix is the whole key (a literal key in the code). */
  exact?: boolean;
  /**
   * A write found in the handler code: the key as a pattern over the triggering key, resolved
   * per trigger by `writesInto` (src/model/recursion.ts) into `prefix` / `suffix` / `exact`.
   */
  key?: KeyPart[];
  /** Checks on the triggering key the code write depends on (src/model/key-guard.ts). */
  guards?: KeyGuard[];
  via: 'env' | 'mount' | 'policy' | 'declared' | 'code';
  /** What declares it, for messages: the env var name, the mount dir, the policy resource, the code call. */
  label?: string;
  at: Location;
}

export interface TriggerBase {
  id: string;
  /** Trigger kind in the Model: 'storage', 'timer', 'http', 'log', 'queue', 'eventbridge', 'other'. */
  kind: string;
  /** The vendor's own type name as written (oss, cos, obs, s3, timer, http…). */
  type: string;
  name: Located<string>;
  function: FunctionDef;
  at: Location;
}

export interface StorageTrigger extends TriggerBase {
  kind: 'storage';
  bucket: Located<string>;
  bucketRegion?: Located<string>;
  bucketAccount?: Located<string>;
  /** Normalised event names, without the vendor prefix: 'ObjectCreated:PutObject', 'ObjectCreated:*'. */
  events: Located<string[]>;
  /** One entry per listed event, with its own location (for per-entry findings and fixes). */
  eventItems: Located<string>[];
  prefix: Located<string>;
  suffix: Located<string>;
  /** Whether a prefix / suffix was written at all (absent and '' both mean "no filter"). */
  prefixDeclared: boolean;
  suffixDeclared: boolean;
  /** False for EventBridge-based triggers (other limits, no overlap rule). */
  native: boolean;
  /**
   * The resource that holds the bucket's whole notification configuration, when the format
   * writes one per bucket (Terraform `aws_s3_bucket_notification`, CDK `Custom::S3BucketNotifications`):
   * two of them on one bucket replace each other. Located at the resource, valued by its address.
   */
  configuration?: Located<string>;
}

/** The cron dialect a timer's schedule is written in (each vendor parses its own). */
/** `aws-scheduler`: EventBridge Scheduler (SAM `ScheduleV2`), whose rate() units need not agree with the value. */
export type CronDialect = 'aliyun' | 'tencent' | 'huawei' | 'aws' | 'aws-scheduler';

/**
 * A timer (schedule) trigger. `schedule` is the expression exactly as written, with its own
 * location: fc3 `cronExpression` (`@every 5m`, `CRON_TZ=Asia/Shanghai 0 0 8 * * *`), Tencent
 * `cronExpression` (7 fields), Huawei `schedule`, AWS `rate(…)`/`cron(…)`.
 */
export interface TimerTrigger extends TriggerBase {
  kind: 'timer';
  schedule: Located<string>;
  /** The dialect to parse `schedule` with; absent means the function's vendor's. */
  dialect?: CronDialect;
  /** Huawei `schedule_type` (Rate | Cron) and similar: how the vendor reads `schedule`. */
  scheduleType?: Located<string>;
  /** A timezone written beside the schedule (AWS `ScheduleExpressionTimezone`…); `CRON_TZ=` inside the schedule is the dialect's. */
  timezone?: Located<string>;
  enabled?: Located<boolean | string>;
  /** What the function receives (fc3 `payload`, Tencent `argument`, Huawei `user_event`, AWS `Input`). */
  payload?: Located<string>;
}

/** A function's own HTTP trigger (gateway false) or an API-gateway trigger (gateway true). */
export interface HttpTrigger extends TriggerBase {
  kind: 'http';
  /** Upper-cased as the vendor compares them; absent when not written (the vendor's default applies). */
  methods?: Located<string[]>;
  /** One entry per written method, with its own location. */
  methodItems: Located<string>[];
  authType?: Located<string>;
  path?: Located<string>;
  gateway: boolean;
  /** The version or alias the trigger serves (fc `qualifier`); absent means the latest version. */
  qualifier?: Located<string>;
}

/** A log-service trigger: SLS (Alibaba), CLS (Tencent), LTS (Huawei). */
export interface LogTrigger extends TriggerBase {
  kind: 'log';
  /** The log project / logset the trigger reads from (fc3: from sourceArn `project/<name>`). */
  sourceProject?: Located<string>;
  /** The logstore / topic the trigger reads from. */
  sourceLogstore?: Located<string>;
  /** Where the trigger writes its own execution logs (fc3 `logConfig`). */
  logProject?: Located<string>;
  logLogstore?: Located<string>;
  /** Seconds between invocations (fc3 `jobConfig.triggerInterval`, Tencent CLS `maxWait`). */
  interval?: Located<number>;
  /** Retries of a failed invocation (fc3 `jobConfig.maxRetryTime`). */
  retries?: Located<number>;
  /** Records per invocation (Tencent CLS `maxMsgNum`). */
  batchSize?: Located<number>;
  enabled?: Located<boolean | string>;
}

/** A message queue or topic trigger: MNS topic, CMQ, CKafka, Kafka, RabbitMQ, SMN, SQS… */
export interface QueueTrigger extends TriggerBase {
  kind: 'queue';
  /** Topic or queue name (or ARN when that is all there is). */
  topic?: Located<string>;
  retryStrategy?: Located<string>;
  retries?: Located<number>;
  batchSize?: Located<number>;
  /** Seconds to wait for a batch. */
  batchWindow?: Located<number>;
  /** A message filter (fc3 MNS `filterTag`). */
  filter?: Located<string>;
  enabled?: Located<boolean | string>;
}

/** An EventBridge-routed trigger (fc3 `eventbridge`): an event source plus a rule's filter pattern. */
export interface EventBridgeTrigger extends TriggerBase {
  kind: 'eventbridge';
  /** MNS, RocketMQ, RabbitMQ, Kafka, DTS, Default… */
  sourceType?: Located<string>;
  /** `eventRuleFilterPattern` exactly as written (a JSON document in a string). */
  filterPattern?: Located<string>;
  /** The keys written directly under the source's parameters (fc `eventSourceConfig.eventSourceParameters`), each located; absent when there are none. */
  sourceParameterKeys?: Located<string>[];
  /** BACKOFF_RETRY / EXPONENTIAL_DECAY_RETRY. */
  retryStrategy?: Located<string>;
  retries?: Located<number>;
  batchSize?: Located<number>;
  batchWindow?: Located<number>;
  enabled?: Located<boolean | string>;
}

/** Any trigger without its own interface (tablestore, cdn_events, CTS…), with its raw fields. */
export interface OtherTrigger extends TriggerBase {
  fields: Record<string, Located<unknown>>;
}

export type Trigger =
  StorageTrigger | TimerTrigger | HttpTrigger | LogTrigger | QueueTrigger | EventBridgeTrigger | OtherTrigger;

/** A `${…}` reference that names nothing (reported by `undefined-variable`). */
export interface UndefinedRef {
  at: Location;
  expression: string;
  message: string;
  related?: { at: Location; message: string }[];
}

/** Where trigger-lint stopped reading because a budget was spent (reported by `incomplete-analysis`, info). */
export interface AnalysisLimit {
  at: Location;
  message: string;
}

export interface FileModel {
  path: string;
  format: string;
  vendor: Vendor;
  functions: FunctionDef[];
  triggers: Trigger[];
  undefinedRefs: UndefinedRef[];
  /** Where the reference expansion budget was hit (at most one per file). */
  limits?: AnalysisLimit[];
  /**
   * Format-level problems a JSON Schema cannot express (e.g. the Tencent plugin's trigger name
   * must equal its bucket). Reported by the `schema` rule.
   */
  formatIssues?: {
    at: Location;
    message: string;
    fix?: Fix;
    related?: { at: Location; message: string }[];
    severity?: 'warning';
  }[];
  /** Values to check against the format's JSON Schema; computed only when `schema` runs. */
  schemaTargets?: () => SchemaTarget[];
}

export interface Model {
  files: FileModel[];
  functions: FunctionDef[];
  triggers: Trigger[];
  storageTriggers: StorageTrigger[];
}

export function isStorage(t: Trigger): t is StorageTrigger {
  return t.kind === 'storage';
}

// The guards check a field of the kind too, so an adapter that still emits an OtherTrigger
// with kind 'timer' is not mistaken for a TimerTrigger.
export function isTimer(t: Trigger): t is TimerTrigger {
  return t.kind === 'timer' && 'schedule' in t;
}

export function isHttp(t: Trigger): t is HttpTrigger {
  return t.kind === 'http' && 'methodItems' in t;
}

export function isLog(t: Trigger): t is LogTrigger {
  return t.kind === 'log' && !('fields' in t);
}

export function isQueue(t: Trigger): t is QueueTrigger {
  return t.kind === 'queue' && !('fields' in t);
}

export function isEventBridge(t: Trigger): t is EventBridgeTrigger {
  return t.kind === 'eventbridge' && !('fields' in t);
}
