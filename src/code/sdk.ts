// The object-storage SDKs whose writes trigger-lint recognises, as data: how a client comes to
// be (constructors, factories) and which of its methods create an object, with where each
// method takes its bucket and key. Python: oss2, alibabacloud_oss_v2, qcloud_cos
// (cos-python-sdk-v5), obs (esdk-obs-python), boto3. Node.js: ali-oss, cos-nodejs-sdk-v5,
// esdk-obs-nodejs, aws-sdk v2, @aws-sdk/client-s3 and @aws-sdk/lib-storage (v3).
import { asStr, litOf, member, UNKNOWN, type Val } from './values.js';
import type { KeyGuard } from '../model/key-guard.js';

/**
 * A lookup table keyed by names read from handler code: a null-prototype copy, so a name of
 * Object.prototype (`toString`, `constructor`, `__proto__`) finds nothing instead of a function.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** Where a method takes a value: positional index and/or keyword name, then a property of it. */
export interface Arg {
  pos?: number;
  kw?: string;
  prop?: string;
  /** absent: the client's own bucket */ orBound?: boolean;
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
}

/** A table of tables, both levels null-prototype. */
function tables<T>(entries: Record<string, Record<string, T>>): Readonly<Record<string, Readonly<Record<string, T>>>> {
  return table(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, table(v)])));
}

/** The SDK a module name imports (Python `import x` / `from x import`, Node `require('x')` / `import … from 'x'`). */
export const SDK_MODULES: Readonly<Record<string, string>> = table({
  oss2: 'oss2',
  alibabacloud_oss_v2: 'ossv2',
  qcloud_cos: 'cos',
  /** Tencent SCF's Python runtime module of the same SDK. */
  qcloud_cos_v5: 'cos',
  obs: 'obs',
  boto3: 'boto3',
  'ali-oss': 'alioss',
  'cos-nodejs-sdk-v5': 'cosjs',
  'esdk-obs-nodejs': 'obsjs',
  'aws-sdk': 'awsv2',
  'aws-sdk/clients/s3': 'awsv2-s3',
  '@aws-sdk/client-s3': 'awsv3',
  '@aws-sdk/lib-storage': 'awsv3-storage',
});

const a = (pos: number | undefined, kw?: string, prop?: string): Arg => ({
  ...(pos !== undefined ? { pos } : {}),
  ...(kw ? { kw } : {}),
  ...(prop ? { prop } : {}),
});
const bound = (key: Arg, generic = false): WriteMethod => ({ bucket: 'bound', key, ...(generic ? { generic } : {}) });
const opts = (generic = false): WriteMethod => ({
  bucket: a(0, undefined, 'Bucket'),
  key: a(0, undefined, 'Key'),
  ...(generic ? { generic } : {}),
});
const req = (): WriteMethod => ({ bucket: a(0, 'request', 'bucket'), key: a(0, 'request', 'key') });

/** Write methods by client kind. */
export const METHODS: Readonly<Record<string, Readonly<Record<string, WriteMethod>>>> = tables({
  'oss2/bucket': {
    put_object: bound(a(0, 'key')),
    put_object_from_file: bound(a(0, 'key')),
    append_object: bound(a(0, 'key')),
    copy_object: bound(a(2, 'target_key')),
    complete_multipart_upload: bound(a(0, 'key')),
    put_symlink: bound(a(1, 'symlink_key')),
    // image processing persisted with `…|sys/saveas,o_<base64 key>[,b_<base64 bucket>]`
    // (src/code/oss-process.ts reads the process string)
    process_object: { bucket: 'bound', key: a(0, 'key'), process: a(1, 'process') },
  },
  'ossv2/client': {
    put_object: req(),
    put_object_from_file: req(),
    append_object: req(),
    copy_object: req(),
    complete_multipart_upload: req(),
  },
  'ossv2/uploader': { upload_file: req(), upload_from: req() },
  'ossv2/copier': { copy: { ...req(), generic: true } },
  'cos/client': {
    put_object: { bucket: a(0, 'Bucket'), key: a(2, 'Key') },
    put_object_from_local_file: { bucket: a(0, 'Bucket'), key: a(2, 'Key') },
    upload_file: { bucket: a(0, 'Bucket'), key: a(1, 'Key') },
    copy_object: { bucket: a(0, 'Bucket'), key: a(1, 'Key') },
    copy: { bucket: a(0, 'Bucket'), key: a(1, 'Key'), generic: true },
    complete_multipart_upload: { bucket: a(0, 'Bucket'), key: a(1, 'Key') },
  },
  'obs/client': {
    putContent: { bucket: a(0, 'bucketName'), key: a(1, 'objectKey') },
    putObject: { bucket: a(0, 'bucketName'), key: a(1, 'objectKey') },
    putFile: { bucket: a(0, 'bucketName'), key: a(1, 'objectKey') },
    uploadFile: { bucket: a(0, 'bucketName'), key: a(1, 'objectKey') },
    appendObject: { bucket: a(0, 'bucketName'), key: a(1, 'objectKey') },
    completeMultipartUpload: { bucket: a(0, 'bucketName'), key: a(1, 'objectKey') },
    copyObject: { bucket: a(2, 'destBucketName'), key: a(3, 'destObjectKey') },
  },
  'boto3/client': {
    put_object: { bucket: a(undefined, 'Bucket'), key: a(undefined, 'Key') },
    upload_file: { bucket: a(1, 'Bucket'), key: a(2, 'Key') },
    upload_fileobj: { bucket: a(1, 'Bucket'), key: a(2, 'Key') },
    copy_object: { bucket: a(undefined, 'Bucket'), key: a(undefined, 'Key') },
    copy: { bucket: a(1, 'Bucket'), key: a(2, 'Key'), generic: true },
    complete_multipart_upload: { bucket: a(undefined, 'Bucket'), key: a(undefined, 'Key') },
  },
  'boto3/bucket': {
    put_object: bound(a(undefined, 'Key')),
    upload_file: bound(a(1, 'Key')),
    upload_fileobj: bound(a(1, 'Key')),
    copy: bound(a(1, 'Key'), true),
  },
  'boto3/object': {
    put: { bucket: 'bound', key: 'bound', generic: true },
    upload_file: { bucket: 'bound', key: 'bound' },
    upload_fileobj: { bucket: 'bound', key: 'bound' },
    copy_from: { bucket: 'bound', key: 'bound' },
    copy: { bucket: 'bound', key: 'bound', generic: true },
  },
  alioss: {
    put: bound(a(0), true),
    putStream: bound(a(0)),
    append: bound(a(0), true),
    copy: bound(a(0), true),
    multipartUpload: bound(a(0)),
    completeMultipartUpload: bound(a(0)),
    putSymlink: bound(a(0)),
    // processObjectSave(source, target, process, targetBucket?): the image-processing quick start
    processObjectSave: { bucket: { ...a(3), orBound: true }, key: a(1) },
  },
  cosjs: {
    putObject: opts(),
    uploadFile: opts(),
    sliceUploadFile: opts(),
    putObjectCopy: opts(),
    sliceCopyFile: opts(),
    multipartComplete: opts(),
  },
  obsjs: {
    putObject: opts(),
    uploadFile: opts(),
    copyObject: opts(),
    appendObject: opts(),
    completeMultipartUpload: opts(),
  },
  awsv2: { putObject: opts(), upload: opts(true), copyObject: opts(), completeMultipartUpload: opts() },
  awsv3agg: { putObject: opts(), copyObject: opts(), completeMultipartUpload: opts() },
});

/** aws-sdk v3 commands that create an object (`client.send(new PutObjectCommand({...}))`). */
export const V3_WRITE_COMMANDS = new Set(['PutObjectCommand', 'CopyObjectCommand', 'CompleteMultipartUploadCommand']);

/** Client kinds each SDK's clients have (for a method on a receiver that could not be tracked). */
export const SDK_KINDS: Readonly<Record<string, string[]>> = table({
  oss2: ['oss2/bucket'],
  ossv2: ['ossv2/client', 'ossv2/uploader'],
  cos: ['cos/client'],
  obs: ['obs/client'],
  boto3: ['boto3/client', 'boto3/bucket'],
  alioss: ['alioss'],
  cosjs: ['cosjs'],
  obsjs: ['obsjs'],
  awsv2: ['awsv2'],
  'awsv2-s3': ['awsv2'],
  awsv3: ['awsv3agg'],
});

/** Positional and keyword arguments of a call, evaluated. */
export interface Args {
  pos: Val[];
  kw: Map<string, Val>;
}

export function argOf(args: Args, arg: Arg): Val | undefined {
  let v =
    (arg.kw !== undefined ? args.kw.get(arg.kw) : undefined) ?? (arg.pos !== undefined ? args.pos[arg.pos] : undefined);
  if (v && arg.prop) v = member(v, arg.prop);
  return v;
}

/** A client or factory result: what calling (or `new`-ing) a name reached from an SDK module gives. */
export function construct(sdk: string, path: string[], args: Args): Val {
  const last = path[path.length - 1];
  const first = args.pos[0] ?? UNKNOWN;
  switch (sdk) {
    case 'oss2':
      if (last === 'Bucket') return { t: 'client', sdk, kind: 'oss2/bucket', bucket: argOf(args, a(2, 'bucket_name')) };
      return UNKNOWN;
    case 'ossv2':
      if (last === 'Client') return { t: 'client', sdk, kind: 'ossv2/client' };
      if (last?.endsWith('Request')) return { t: 'request', sdk, op: last, props: args.kw };
      return UNKNOWN;
    case 'cos':
      return last === 'CosS3Client' ? { t: 'client', sdk, kind: 'cos/client' } : UNKNOWN;
    case 'obs':
      return last === 'ObsClient' ? { t: 'client', sdk, kind: 'obs/client' } : UNKNOWN;
    case 'boto3': {
      const service = litOf(args.kw.get('service_name') ?? first);
      if (last === 'client' && service === 's3') return { t: 'client', sdk, kind: 'boto3/client' };
      if (last === 'resource' && service === 's3') return { t: 'client', sdk, kind: 'boto3/resource' };
      if (last === 'Session') return { t: 'sdk', sdk, path: ['<session>'] };
      return UNKNOWN;
    }
    case 'alioss':
      if (path.length === 0 || last === 'Wrapper' || last === 'Cluster')
        return { t: 'client', sdk, kind: 'alioss', bucket: member(first, 'bucket') };
      return UNKNOWN;
    case 'cosjs':
      return path.length === 0 ? { t: 'client', sdk, kind: 'cosjs' } : UNKNOWN;
    case 'obsjs':
      return path.length === 0 || last === 'ObsClient' ? { t: 'client', sdk, kind: 'obsjs' } : UNKNOWN;
    case 'awsv2':
    case 'awsv2-s3':
      if ((sdk === 'awsv2' && last === 'S3') || (sdk === 'awsv2-s3' && path.length === 0)) {
        return { t: 'client', sdk: 'awsv2', kind: 'awsv2', bucket: member(member(first, 'params'), 'Bucket') };
      }
      return UNKNOWN;
    case 'awsv3':
      if (last === 'S3Client') return { t: 'client', sdk, kind: 'awsv3' };
      if (last === 'S3') return { t: 'client', sdk, kind: 'awsv3agg' };
      if (last?.endsWith('Command'))
        return { t: 'request', sdk, op: last, props: first.t === 'obj' ? first.props : new Map() };
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** Non-write methods that give another client (`s3.Bucket(name)`, `client.uploader()`). */
export function clientMethod(c: Extract<Val, { t: 'client' }>, name: string, args: Args): Val | undefined {
  switch (`${c.kind}.${name}`) {
    case 'boto3/resource.Bucket':
      return { t: 'client', sdk: c.sdk, kind: 'boto3/bucket', bucket: argOf(args, a(0, 'name')) };
    case 'boto3/resource.Object':
      return {
        t: 'client',
        sdk: c.sdk,
        kind: 'boto3/object',
        bucket: argOf(args, a(0, 'bucket_name')),
        key: argOf(args, a(1, 'key')),
      };
    case 'boto3/bucket.Object':
      return { t: 'client', sdk: c.sdk, kind: 'boto3/object', bucket: c.bucket, key: argOf(args, a(0, 'key')) };
    case 'ossv2/client.uploader':
      return { t: 'client', sdk: c.sdk, kind: 'ossv2/uploader' };
    case 'ossv2/client.copier':
      return { t: 'client', sdk: c.sdk, kind: 'ossv2/copier' };
    case 'alioss.useBucket':
      return { t: 'client', sdk: c.sdk, kind: c.kind, bucket: args.pos[0] };
    default:
      return undefined;
  }
}

/** Members of a client that are clients (`s3.meta.client`). */
export function clientMember(c: Extract<Val, { t: 'client' }>, name: string): Val {
  if (METHODS[c.kind]?.[name] || (c.kind === 'awsv3' && name === 'send')) return { t: 'method', client: c, name }; // cos.putObject.bind(cos), util.promisify(…)
  if (c.kind === 'boto3/resource' && name === 'meta') return { t: 'client', sdk: c.sdk, kind: 'boto3/meta' };
  if (c.kind === 'boto3/meta' && name === 'client') return { t: 'client', sdk: c.sdk, kind: 'boto3/client' };
  if (c.kind === 'boto3/bucket' && name === 'name') return c.bucket ?? UNKNOWN;
  return UNKNOWN;
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

/** Where a write method's bucket and key come from on this client. */
export function writeOf(
  c: Extract<Val, { t: 'client' }>,
  m: WriteMethod,
  args: Args,
): { bucket?: Val; key?: Val } | undefined {
  const pick = (f: From, boundVal: Val | undefined) =>
    f === 'bound' ? boundVal : (argOf(args, f) ?? (f.orBound ? boundVal : undefined));
  if (m.process) {
    const saved = saveAs(argOf(args, m.process));
    if (!saved) return undefined; // processed and returned, nothing stored
    return { bucket: saved.bucket ?? c.bucket, key: saved.key };
  }
  let bucket = pick(m.bucket, c.bucket);
  if (c.kind === 'awsv2' && (!bucket || bucket.t === 'unknown')) bucket = c.bucket; // params.Bucket bound at construction
  return { bucket, key: pick(m.key, c.key) };
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
