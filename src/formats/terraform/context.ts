// What the vendor mappings of one Terraform module share: the evaluated module, the functions
// found so far by resource address, regions from `provider` blocks (aliases, `provider =`,
// a resource's own `region`), and the Model being built.
import {
  Unknown,
  type FileModel,
  type FunctionDef,
  type Located,
  type Trigger,
  type Vendor,
  type WriteTarget,
} from '../../model/model.js';
import { envWrites } from '../common.js';
import type { Location } from '../../types.js';
import type { Block } from './blocks.js';
import type { Module } from './evaluate.js';
import { locStr } from './located.js';
import type { TfValue } from './value.js';
import type { SchemaTarget } from '../../model/schema-target.js';

export type Issue = NonNullable<FileModel['formatIssues']>[number];

export const FORMAT = 'terraform';

export class Ctx {
  readonly functions: FunctionDef[] = [];
  readonly triggers: Trigger[] = [];
  readonly issues: Issue[] = [];
  /** Values for the `schema` rule (a trigger's type and config JSON), each in the file that writes it. */
  readonly schemaTargets: { file: string; target: SchemaTarget }[] = [];
  /** Functions by resource address (`aws_lambda_function.f`). */
  readonly byAddress = new Map<string, FunctionDef>();
  /** Functions by vendor and deployed name (`aliyun:svc/fn`, `aws:name`). */
  readonly byName = new Map<string, FunctionDef>();
  /** Functions outside the module (a queue, a topic, an ARN), made once per name. */
  private readonly external = new Map<string, FunctionDef>();

  private buckets?: Map<string, Block>;

  constructor(
    readonly m: Module,
    readonly prefix: string,
  ) {}

  /** aws_s3_bucket resources by bucket name, built once (a lookup per notification stays O(1)). */
  awsBuckets(): Map<string, Block> {
    if (!this.buckets) {
      this.buckets = new Map();
      for (const [, b] of this.m.ofType('aws_s3_bucket')) {
        const v = this.m.get(b, 'bucket');
        if (v?.t === 'str' && !this.buckets.has(v.v)) this.buckets.set(v.v, b);
      }
    }
    return this.buckets;
  }

  id(b: Block, suffix = ''): string {
    return `${b.file}#${this.prefix}${b.labels.join('.')}${suffix}`;
  }

  /** The region a resource is created in: its own `region`, its `provider = x.alias`, else the default provider's. */
  regionOf(b: Block, provider: string): Located<string> | undefined {
    const own = this.m.get(b, 'region');
    if (own) return locStr(own, b.head);
    const p = b.attrs.get('provider');
    const alias = p
      ? /\.(\w[\w-]*)\s*$/.exec(this.m.texts.get(p.file)?.slice(p.expr.startIndex, p.expr.endIndex) ?? '')?.[1]
      : undefined;
    const name = p
      ? (this.m.texts.get(p.file)?.slice(p.expr.startIndex, p.expr.endIndex).split('.')[0].trim() ?? provider)
      : provider;
    for (const pb of this.m.providers) {
      if (pb.labels[0] !== name) continue;
      const a = this.m.get(pb, 'alias');
      const pa = a && a.t === 'str' ? a.v : undefined;
      if (pa !== alias) continue;
      const r = this.m.get(pb, 'region');
      return r ? locStr(r, pb.head) : undefined;
    }
    return undefined;
  }

  addFunction(address: string, fn: FunctionDef, key?: string): void {
    this.functions.push(fn);
    this.byAddress.set(address, fn);
    if (key) this.byName.set(key, fn);
  }

  /** A destination that is not a function of this module (an SQS queue, an SNS topic, a function elsewhere). */
  externalFunction(vendor: Vendor, label: string, at: Location): FunctionDef {
    const k = `${vendor}:${label}`;
    let fn = this.external.get(k);
    if (!fn) {
      fn = {
        id: `${at.file}#external:${label}`,
        name: { value: label, at },
        vendor,
        format: FORMAT,
        env: new Map(),
        writes: [],
        at,
      };
      this.external.set(k, fn);
    }
    return fn;
  }
}

/** Environment variables of an object value, with write targets from their names. */
export function envOf(v: TfValue | undefined): {
  env: Map<string, Located<string>>;
  writes: (fn: Pick<FunctionDef, 'env'>) => WriteTarget[];
} {
  const env = new Map<string, Located<string>>();
  const keys = new Map<string, Location>();
  if (v?.t === 'obj') {
    for (const [k, f] of v.fields) {
      env.set(k, locStr(f.val, f.key));
      keys.set(k, f.key);
    }
  }
  return { env, writes: (fn) => envWrites(fn, keys) };
}

export const unknownStr = (reason: string, at: Location): Located<string> => ({ value: new Unknown(reason), at });
