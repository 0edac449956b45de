// Per-vendor facts, in one table (cited in docs/rules/*.md): event vocabularies and their
// wildcard families, the prefix each vendor writes event names with in trigger configs, and
// the limits the rules enforce. Sources: the vendor pages each docs/rules/*.md page links (OSS
// triggers and "Configure a native OSS trigger" at alibabacloud.com, the COS trigger description
// at tencentcloud.com, FunctionGraph "Supported Event Sources" and OBS event notification at
// support.huaweicloud.com, JD Cloud's function-service docs, Amazon S3 event notifications).
import type { Vendor } from './model.js';

export interface VendorFacts {
  vendor: Vendor;
  /** Storage service name as users say it. */
  storage: string;
  /** The cloud, its function service, and its API gateway as messages name them. */
  cloud: string;
  functions: string;
  gateway: string;
  /** Prefix of event names in trigger configs ('' when bare names are also accepted). */
  eventPrefixes: string[];
  /** Operation names per family (normalised, without prefix), e.g. ObjectCreated → [PutObject, …]. */
  families: Record<string, string[]>;
  /** Native triggers (notification rules) one bucket allows. */
  bucketTriggerLimit: number;
  /** Storage triggers one function allows, when the vendor caps it. */
  functionTriggerLimit?: number;
  /** Where the limit is documented. */
  limitSource: string;
  /** What to do when a bucket has too many triggers. */
  limitRemedy: string;
  /** Whether the bucket must be in the function's region (true for all known vendors). */
  sameRegion: boolean;
  /**
   * Object keys that start with "/": `forbidden` where the storage service rejects such names
   * (a prefix "/x" then never matches), `allowed` where a key may start with "/" (the prefix then
   * matches only keys written that way), with where the vendor says so.
   */
  leadingSlashKeys: { keys: 'forbidden' | 'allowed'; source: string };
  /**
   * Set where the vendor says how a filter value with characters that are URL-encoded in event
   * keys (space, "+", "%", non-ASCII) must be written.
   */
  encodedFilterValues?: string;
  /**
   * What a storage event handed to the function says, as handler code reads it: where the
   * bucket's name and the object key are (dotted paths, `[]` for an array item), and how the key
   * is written when it is not the bare key (`<appid>`, `<bucket>`, `<key>` stand for the parts).
   * Code reading (src/code/values.ts `eventLeaf`) matches the last two names of each path.
   */
  storageEvent?: {
    bucketName: string;
    objectKey: string;
    appid?: string;
    objectKeyLayout?: string;
    /** Other ways code names the triggering bucket from the event's fields (Tencent's full name `<bucket>-<appid>`). */
    ownBucketForms?: string[];
  };
  /** Buckets named in code by their host name (`<bucket>-<appid>.cos.<region>.myqcloud.com`): the name is the text before this. */
  bucketHostSeparator?: string;
  /** Methods of the handler's context argument that read the function's environment variables (FunctionGraph `context.getUserData(name)`). */
  contextEnv?: string[];
}

export const VENDORS: Record<Vendor, VendorFacts> = {
  aliyun: {
    vendor: 'aliyun',
    storage: 'OSS',
    cloud: 'Alibaba Cloud',
    functions: 'Function Compute',
    gateway: 'API Gateway',
    eventPrefixes: ['oss:'],
    families: {
      ObjectCreated: [
        'PutObject',
        'PostObject',
        'CompleteMultipartUpload',
        'PutSymlink',
        'CopyObject',
        'InitiateMultipartUpload',
        'UploadPart',
        'UploadPartCopy',
        'AppendObject',
      ],
      ObjectRemoved: ['DeleteObject', 'DeleteObjects', 'AbortMultipartUpload'],
      ObjectModified: ['UpdateObjectMeta'],
      ObjectReplication: ['ObjectCreated', 'ObjectModified', 'ObjectRemoved'],
    },
    bucketTriggerLimit: 10,
    limitSource:
      'Alibaba Cloud, "Configure a native OSS trigger": "A single bucket can have a maximum of 10 native OSS triggers"',
    limitRemedy:
      'merge triggers with the same events, or move some to EventBridge-based OSS triggers (their own, higher limit)',
    sameRegion: true,
    leadingSlashKeys: {
      keys: 'forbidden',
      source:
        'Alibaba Cloud OSS object naming conventions: the name "cannot start with a forward slash (/) or a backslash (\\)" (alibabacloud.com/help/en/oss/user-guide/object-naming-conventions); "Configure a native OSS trigger": "The object prefix cannot start with a forward slash (/). Otherwise, the trigger cannot be invoked"',
    },
    storageEvent: { bucketName: 'events[].oss.bucket.name', objectKey: 'events[].oss.object.key' },
  },
  tencent: {
    vendor: 'tencent',
    storage: 'COS',
    cloud: 'Tencent Cloud',
    functions: 'SCF',
    gateway: 'the SCF API gateway trigger',
    eventPrefixes: ['cos:'],
    families: {
      ObjectCreated: ['Put', 'Post', 'Copy', 'CompleteMultipartUpload', 'Origin', 'Replication', 'Append'],
      ObjectRemove: ['Delete', 'DeleteMarkerCreated'],
      ObjectRestore: ['Post', 'Completed'],
    },
    bucketTriggerLimit: 10,
    functionTriggerLimit: 10,
    limitSource:
      'Tencent Cloud, "COS trigger" (cloud.tencent.com/document/product/583/9707): at most 10 rules per COS bucket; one function binds at most 10 COS triggers',
    limitRemedy: 'merge triggers with the same events and a common prefix, or fan out from one function',
    sameRegion: true,
    leadingSlashKeys: {
      keys: 'forbidden',
      source:
        'Tencent Cloud COS object overview, naming conventions: "An object key name cannot start with a forward slash (/) or a backslash (\\)" (cloud.tencent.com/document/product/436/13324)',
    },
    storageEvent: {
      bucketName: 'Records[].cos.cosBucket.name',
      appid: 'Records[].cos.cosBucket.appid',
      objectKey: 'Records[].cos.cosObject.key',
      objectKeyLayout: '/<appid>/<bucket>/<key>',
      ownBucketForms: ['<bucket>-<appid>'],
    },
    bucketHostSeparator: '.cos.',
  },
  huawei: {
    vendor: 'huawei',
    storage: 'OBS',
    cloud: 'Huawei Cloud',
    functions: 'FunctionGraph',
    gateway: 'FunctionGraph APIG',
    eventPrefixes: ['s3:', ''],
    families: {
      ObjectCreated: ['Put', 'Post', 'Copy', 'CompleteMultipartUpload'],
      ObjectRemoved: ['Delete', 'DeleteMarkerCreated'],
    },
    bucketTriggerLimit: 10,
    limitSource: 'Huawei Cloud OBS event notification (obs_03_0147): at most 10 rules per bucket',
    limitRemedy: 'merge triggers with the same events and a common prefix, or fan out from one function',
    sameRegion: true,
    leadingSlashKeys: {
      keys: 'allowed',
      source:
        'Huawei Cloud OBS documents no such rule (its Swift-compatible API: object names "can start with any character"); OBS is S3-compatible',
    },
    storageEvent: { bucketName: 'Records[].obs.bucket.name', objectKey: 'Records[].obs.object.key' },
    contextEnv: ['getUserData'],
  },
  jdcloud: {
    vendor: 'jdcloud',
    storage: 'OSS',
    cloud: 'JD Cloud',
    functions: 'JD Cloud Function',
    gateway: 'API Gateway',
    eventPrefixes: ['s3:'],
    families: {
      ObjectCreated: ['Put', 'Post', 'Copy', 'CompleteMultipartUpload'],
      ObjectRemoved: ['Delete'],
    },
    bucketTriggerLimit: 10,
    limitSource: 'JD Cloud Function Service OSS trigger: one function per event and prefix/suffix combination',
    limitRemedy: 'merge triggers with the same events and a common prefix',
    sameRegion: true,
    leadingSlashKeys: { keys: 'allowed', source: 'JD Cloud OSS is S3-compatible and documents no such rule' },
  },
  aws: {
    vendor: 'aws',
    storage: 'S3',
    cloud: 'AWS',
    functions: 'AWS',
    gateway: 'API Gateway',
    eventPrefixes: ['s3:'],
    families: {
      ObjectCreated: ['Put', 'Post', 'Copy', 'CompleteMultipartUpload'],
      ObjectRemoved: ['Delete', 'DeleteMarkerCreated'],
      ObjectRestore: ['Post', 'Completed', 'Delete'],
      Replication: [
        'OperationFailedReplication',
        'OperationMissedThreshold',
        'OperationReplicatedAfterThreshold',
        'OperationNotTracked',
      ],
      LifecycleExpiration: ['Delete', 'DeleteMarkerCreated'],
      ObjectTagging: ['Put', 'Delete'],
      ObjectAcl: ['Put'],
    },
    bucketTriggerLimit: Infinity,
    limitSource: 'AWS S3 has no small per-bucket notification limit',
    limitRemedy: 'merge notification rules or fan out through SNS/EventBridge',
    sameRegion: true,
    leadingSlashKeys: {
      keys: 'allowed',
      source:
        'Amazon S3 object keys may be any UTF-8 text (docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html): a key may start with "/"',
    },
    encodedFilterValues:
      'S3 requires special characters in a prefix or suffix filter value to be entered URL-encoded (percent-encoded) (docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html); event keys arrive URL-encoded',
    storageEvent: { bucketName: 'Records[].s3.bucket.name', objectKey: 'Records[].s3.object.key' },
  },
};

/** Strip a vendor's config prefix: 'oss:ObjectCreated:*' → 'ObjectCreated:*'. */
export function normaliseEvent(vendor: Vendor, name: string): string {
  for (const p of VENDORS[vendor].eventPrefixes) if (p && name.startsWith(p)) return name.slice(p.length);
  return name;
}

/** Every concrete event a (normalised) name stands for: a wildcard expands to its family. */
export function expandEvent(vendor: Vendor, name: string): string[] {
  const [family, op] = name.split(':');
  const ops = VENDORS[vendor].families[family];
  if (op === '*' && ops) return ops.map((o) => `${family}:${o}`);
  return [name];
}

/** Whether two normalised event lists have an event in common after wildcard expansion. */
export function eventsIntersect(vendor: Vendor, a: string[], b: string[]): string | undefined {
  // named as the triggers write it: an event both list (ObjectCreated:* when both say so), else
  // the narrower event one lists that the other's wildcard covers, else a member of both families
  const written = new Set(a);
  for (const e of b) if (written.has(e)) return e;
  const set = new Set(a.flatMap((e) => expandEvent(vendor, e)));
  for (const e of b) if (!e.endsWith('*') && set.has(e)) return e;
  const setB = new Set(b.flatMap((e) => expandEvent(vendor, e)));
  for (const e of a) if (!e.endsWith('*') && setB.has(e)) return e;
  for (const e of b) for (const x of expandEvent(vendor, e)) if (set.has(x)) return x;
  // an unknown family with '*' still intersects a member written explicitly
  for (const e of a) for (const f of b) if (sameFamilyWildcard(e, f)) return e.endsWith('*') ? f : e;
  return undefined;
}

function sameFamilyWildcard(a: string, b: string): boolean {
  const [fa, oa] = a.split(':');
  const [fb, ob] = b.split(':');
  return fa === fb && (oa === '*' || ob === '*');
}

/** Events that create objects (what a function's write produces). */
export function isCreationEvent(name: string): boolean {
  return name.startsWith('ObjectCreated:');
}
