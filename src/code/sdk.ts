// How the evaluators read the object-storage SDKs: a registry built from the declarative SDK
// records (src/code/sdks.ts, one record per SDK) answers every question an evaluator asks — which
// SDK a module name imports, what calling or `new`-ing a name reached from it gives (a client, a
// request object, a write made by the call itself), which methods of a client write an object
// and where their bucket and key are, which methods and members give another client. Nothing
// here names an SDK: adding an SDK or a method is one edit in sdks.ts.
import { asStr, litOf, member, UNKNOWN, type Val } from './values.js';
import type { KeyGuard } from '../model/key-guard.js';
import type { Vendor } from '../model/model.js';

/**
 * A lookup table keyed by names read from handler code: a null-prototype copy, so a name of
 * Object.prototype (`toString`, `constructor`, `__proto__`) finds nothing instead of a function.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** Where a call takes a value: positional index and/or keyword name, then a property path of it. */
export interface Arg {
  pos?: number;
  kw?: string;
  /** A property of the argument, dotted for a nested one (`params.Bucket`). */
  prop?: string;
  /**
   * The client's own bucket (or key) instead: `'absent'` when the argument is not given,
   * `'unknown'` also when it is given but not known (aws-sdk v2 `params` bound at construction).
   */
  orBound?: 'absent' | 'unknown';
  /** The argument is a client: its bound bucket (`oss2.resumable_upload(bucket, key, …)`). */
  ofClient?: boolean;
}
/** 'bound': the client's own bucket (or key). */
export type From = Arg | 'bound';

export interface WriteMethod {
  bucket: From;
  key: From;
  /** A name too common to trust on an untracked receiver (`put`, `copy`, `send`…). */
  generic?: boolean;
  /** An OSS process string: a write only when it persists (`sys/saveas`), to the key and bucket it names. */
  process?: Arg;
  /** The method takes a request object (aws-sdk v3 `send(command)`): a write only for these requests. */
  requests?: string[];
}

/** A client kind: its write methods, and what its other methods and members give. */
export interface ClientKind {
  writes: Record<string, WriteMethod>;
  /** Methods that give another client (`s3.Bucket(name)`, `client.uploader()`, `useBucket(name)`), with what it binds. */
  clients?: Record<string, { kind: string; bucket?: From; key?: From; rebinds?: boolean }>;
  /** Members that are another client (a kind: `s3.meta`, `meta.client`) or, `'bucket'`, the client's bound bucket (`bucket.name`). */
  members?: Record<string, string>;
}

/** What calling (or `new`-ing) a name reached from the SDK module gives. */
export interface Constructor {
  /** The last name of the path (`Bucket` for `oss2.Bucket(…)`), '' for the module itself, `*Request` for any name ending so. */
  name: string;
  /** Only when this argument is this literal (`boto3.client('s3')`). */
  when?: { arg: Arg; is: string };
  /** A client of this kind, with the bucket and key it binds. */
  client?: { kind: string; bucket?: Arg; key?: Arg };
  /** A request object named by the constructor: its properties are the keyword arguments or the first argument's. */
  request?: 'keywords' | 'object';
  /** A name calls on which construct like the module (`boto3.Session()`). */
  session?: boolean;
  /** The call writes an object itself (`new Upload({ params })`, `oss2.resumable_upload(bucket, key, …)`). */
  write?: { bucket: Arg; key: Arg };
}

/** One SDK, declared. */
export interface SdkRecord {
  /** Its id (what an import of it is called in the evaluators). */
  id: string;
  /** The package, for documentation (`oss2`, `ali-oss`). */
  package: string;
  vendor: Vendor;
  lang: 'python' | 'node';
  /** Module names that import it, each with the path inside the SDK it stands for ([] the SDK itself). */
  modules: Record<string, string[]>;
  constructors: Constructor[];
  /** Client kinds by name (unique across all records). */
  kinds: Record<string, ClientKind>;
  /** Kinds whose write methods count on a receiver that could not be tracked, when the code imports the SDK. */
  untracked: string[];
}

/** Positional and keyword arguments of a call, evaluated. */
export interface Args {
  pos: Val[];
  kw: Map<string, Val>;
}

export type Client = Extract<Val, { t: 'client' }>;

export function argOf(args: Args, arg: Arg): Val | undefined {
  let v =
    (arg.kw !== undefined ? args.kw.get(arg.kw) : undefined) ?? (arg.pos !== undefined ? args.pos[arg.pos] : undefined);
  if (v && arg.prop) for (const p of arg.prop.split('.')) v = member(v, p);
  if (v && arg.ofClient) v = v.t === 'client' ? v.bucket : undefined;
  return v;
}

/** A value for a client's bucket or key: bound, an argument, or the bound one when the argument is absent (or unknown). */
function pick(args: Args, f: From, boundVal: Val | undefined): Val | undefined {
  if (f === 'bound') return boundVal;
  const v = argOf(args, f);
  if (f.orBound === 'absent' && v === undefined) return boundVal;
  if (f.orBound === 'unknown' && (!v || v.t === 'unknown')) return boundVal ?? v;
  return v;
}

/** What a call on an SDK name gives: a value, and a write the call itself makes. */
export interface Constructed {
  value: Val;
  write?: { bucket?: Val; key?: Val };
}

/** The SDK records, indexed for the evaluators. */
export class SdkRegistry {
  private readonly modules: Readonly<Record<string, { sdk: string; path: string[] }>>;
  private readonly records: Readonly<Record<string, SdkRecord>>;
  private readonly kinds: Readonly<Record<string, ClientKind>>;
  private readonly writes: Readonly<Record<string, Readonly<Record<string, WriteMethod>>>>;

  constructor(readonly list: readonly SdkRecord[]) {
    const modules: Record<string, { sdk: string; path: string[] }> = {};
    const kinds: Record<string, ClientKind> = {};
    for (const r of list) {
      for (const [name, path] of Object.entries(r.modules)) modules[name] = { sdk: r.id, path };
      for (const [k, v] of Object.entries(r.kinds)) {
        if (kinds[k]) throw new Error(`SDK record ${r.id}: client kind ${k} is declared twice`);
        kinds[k] = v;
      }
    }
    this.modules = table(modules);
    this.records = table(Object.fromEntries(list.map((r) => [r.id, r])));
    this.kinds = table(kinds);
    this.writes = table(Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, table(v.writes)])));
  }

  /** The SDK a module name imports (Python `import x` / `from x import`, Node `require('x')` / `import … from 'x'`). */
  module(name: string): { sdk: string; path: string[] } | undefined {
    return this.modules[name];
  }

  /** A client, request or write: what calling (or `new`-ing) a name reached from an SDK module gives. */
  construct(sdk: string, path: string[], args: Args): Constructed {
    const r = this.records[sdk];
    if (!r) return { value: UNKNOWN };
    const last = path[path.length - 1] ?? '';
    for (const c of r.constructors) {
      const named = c.name.startsWith('*') ? last.endsWith(c.name.slice(1)) : c.name === last;
      if (!named || (c.name === '' && path.length > 0)) continue;
      if (c.when && litOf(argOf(args, c.when.arg)) !== c.when.is) continue;
      if (c.session) return { value: { t: 'sdk', sdk, path: ['<session>'] } };
      if (c.client) {
        const value: Val = { t: 'client', sdk, kind: c.client.kind };
        if (c.client.bucket) value.bucket = argOf(args, c.client.bucket);
        if (c.client.key) value.key = argOf(args, c.client.key);
        return { value };
      }
      if (c.request) {
        const first = args.pos[0];
        const props = c.request === 'keywords' ? args.kw : first?.t === 'obj' ? first.props : new Map<string, Val>();
        return { value: { t: 'request', sdk, op: last, props } };
      }
      if (c.write)
        return { value: UNKNOWN, write: { bucket: argOf(args, c.write.bucket), key: argOf(args, c.write.key) } };
    }
    return { value: UNKNOWN };
  }

  /**
   * A write method of a client kind by name, also under the names promisifying helpers give it
   * (`putObjectPromise`, bluebird's `putObjectAsync`).
   */
  writeMethod(kind: string, method: string): WriteMethod | undefined {
    const t = this.writes[kind];
    if (!t) return undefined;
    const m = t[method];
    if (m) return m;
    const base = /^(.+?)(?:Promise|Async|Promisified)$/.exec(method)?.[1];
    return base ? t[base] : undefined;
  }

  /** Non-write methods that give another client (`s3.Bucket(name)`, `client.uploader()`, `useBucket`). */
  clientMethod(c: Client, name: string, args: Args): Val | undefined {
    const m = this.kinds[c.kind]?.clients;
    const to = m && Object.hasOwn(m, name) ? m[name] : undefined;
    if (!to) return undefined;
    const out: Val = { t: 'client', sdk: c.sdk, kind: to.kind };
    const bucket = to.bucket ? pick(args, to.bucket, c.bucket) : undefined;
    const key = to.key ? pick(args, to.key, c.key) : undefined;
    if (bucket) out.bucket = bucket;
    if (key) out.key = key;
    return out;
  }

  /** Whether the method changes the client its receiver holds (`client.useBucket(name)`, `this.oss.useBucket(b)`). */
  rebinds(kind: string, method: string): boolean {
    const m = this.kinds[kind]?.clients;
    return !!(m && Object.hasOwn(m, method) && m[method].rebinds);
  }

  /** A member of a client: a write method read as a value (`cos.putObject.bind(cos)`), another client, its bucket. */
  clientMember(c: Client, name: string): Val {
    if (this.writeMethod(c.kind, name)) return { t: 'method', client: c, name };
    const m = this.kinds[c.kind]?.members;
    const to = m && Object.hasOwn(m, name) ? m[name] : undefined;
    if (to === 'bucket') return c.bucket ?? UNKNOWN;
    if (to) return { t: 'client', sdk: c.sdk, kind: to };
    return UNKNOWN;
  }

  /** The client kinds whose writes count on an untracked receiver when the code imports `sdk`. */
  untrackedKinds(sdk: string): readonly string[] {
    return this.records[sdk]?.untracked ?? [];
  }
}

/** A write found in the code. */
export interface FoundWrite {
  sdk: string;
  /** The callee as written, for messages (`bucket.put_object`). */
  callee: string;
  start: number;
  end: number;
  bucket?: Val;
  key?: Val;
  /** The checks on the triggering key the write depends on. */
  guards?: KeyGuard[];
}

/** Where a write method's bucket and key come from on this client; `note` names the request written (`new PutObjectCommand`). */
export function writeOf(c: Client, m: WriteMethod, args: Args): { bucket?: Val; key?: Val; note?: string } | undefined {
  if (m.process) {
    const saved = saveAs(argOf(args, m.process));
    if (!saved) return undefined; // processed and returned, nothing stored
    return { bucket: saved.bucket ?? c.bucket, key: saved.key };
  }
  if (m.requests) {
    const x = args.pos[0];
    if (x?.t !== 'request' || !m.requests.includes(x.op)) return undefined;
    return { bucket: pick(args, m.bucket, c.bucket), key: pick(args, m.key, c.key), note: `new ${x.op}` };
  }
  return { bucket: pick(args, m.bucket, c.bucket), key: pick(args, m.key, c.key) };
}

/**
 * An OSS process string that stores its result (`image/resize,w_100|sys/saveas,o_<key>,b_<bucket>`,
 * key and bucket URL-safe base64): the key is unknown text (encoded in the code), the bucket the
 * client's own unless `b_` names another (then unknown); undefined when nothing is saved or the
 * string is not known enough to tell.
 */
function saveAs(v: Val | undefined): { key: Val; bucket?: Val } | undefined {
  if (!v) return undefined;
  const text = asStr(v)
    .map((p) => ('lit' in p ? p.lit : '\u0000'))
    .join('');
  if (!text.includes('sys/saveas')) return undefined;
  const rest = text.slice(text.indexOf('sys/saveas'));
  return { key: UNKNOWN, ...(/[,|]b_/.test(rest) ? { bucket: UNKNOWN } : {}) };
}
