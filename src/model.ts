// The vendor-neutral Model (DESIGN.md §2): plain data with a source location on every field a
// finding can point at. Format adapters fill it; rules read it.
import type { Location } from './types.js';

export type Vendor = 'aliyun' | 'tencent' | 'huawei' | 'jdcloud' | 'aws';

/** An unresolved value: a variable, a placeholder or an expression trigger-lint cannot evaluate. */
export class Unknown {
  constructor(readonly reason: string) {}
  toString(): string { return `<unknown: ${this.reason}>`; }
}

export interface Located<T> {
  value: T | Unknown;
  at: Location;
  /** Where the value really came from when it was substituted (a `vars` entry, an env default…). */
  origin?: Location;
}

export function isKnown<T>(l: Located<T> | undefined): l is Located<T> & { value: T } {
  return l !== undefined && !(l.value instanceof Unknown);
}

export function known<T>(l: Located<T> | undefined): T | undefined {
  return l !== undefined && !(l.value instanceof Unknown) ? (l.value as T) : undefined;
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
  at: Location;
}

export interface WriteTarget {
  /** Undefined means "the bucket that triggered the function" (an output prefix with no output bucket). */
  bucket?: Located<string>;
  /** Absent when the function's output prefix is not known. */
  prefix?: Located<string>;
  via: 'env' | 'mount' | 'policy' | 'declared';
  /** What declares it, for messages: the env var name, the mount dir, the policy resource. */
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
}

/** Any trigger that is not object storage. Later work gives each kind its own fields. */
export interface OtherTrigger extends TriggerBase {
  fields: Record<string, Located<unknown>>;
}

export type Trigger = StorageTrigger | OtherTrigger;

/** A `${…}` reference that names nothing (reported by `undefined-variable`). */
export interface UndefinedRef {
  at: Location;
  expression: string;
  message: string;
  related?: { at: Location; message: string }[];
}

export interface FileModel {
  path: string;
  format: string;
  vendor: Vendor;
  functions: FunctionDef[];
  triggers: Trigger[];
  undefinedRefs: UndefinedRef[];
  /**
   * Format-level problems a JSON Schema cannot express (e.g. the Tencent plugin's trigger name
   * must equal its bucket). Reported by the `schema` rule.
   */
  formatIssues?: { at: import('./types.js').Location; message: string; fix?: import('./types.js').Fix; related?: { at: import('./types.js').Location; message: string }[] }[];
  /** Values to check against the format's JSON Schema; computed only when `schema` runs. */
  schemaTargets?: () => import('./formats/types.js').SchemaTarget[];
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
