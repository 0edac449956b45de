// The object-storage SDKs whose writes trigger-lint recognises: one declarative record per SDK
// (the shape is `SdkRecord` in sdk.ts). A record says which module names import the SDK, what
// calling or `new`-ing its names gives (clients and the bucket/key they bind, request objects,
// writes made by the call itself), and per client kind the methods that create an object with
// where they take the bucket and key — positional, keyword, a property of an options or request
// object, or bound to the client — plus the methods and members that give another client.
// Adding an SDK or a method is one edit here; the Python and Node.js evaluators read only these
// records (through SdkRegistry). Vendor facts that are not about an SDK (event shapes, bucket
// host names) are in src/model/vendors.ts.
import { SdkRegistry, type Arg, type SdkRecord, type WriteMethod } from './sdk.js';

const a = (pos: number | undefined, kw?: string, prop?: string): Arg => ({
  ...(pos !== undefined ? { pos } : {}),
  ...(kw ? { kw } : {}),
  ...(prop ? { prop } : {}),
});
/** Bucket bound to the client, key an argument. */
const bound = (key: Arg, generic = false): WriteMethod => ({ bucket: 'bound', key, ...(generic ? { generic } : {}) });
/** Bucket and key both bound to the client (boto3 `s3.Object(bucket, key).put()`). */
const both = (generic = false): WriteMethod => ({ bucket: 'bound', key: 'bound', ...(generic ? { generic } : {}) });
/** Bucket and key as `Bucket` / `Key` of an options object, the first argument. */
const opts = (generic = false, bucket: Arg = a(0, undefined, 'Bucket')): WriteMethod => ({
  bucket,
  key: a(0, undefined, 'Key'),
  ...(generic ? { generic } : {}),
});
/** Bucket and key as `bucket` / `key` of a request object (alibabacloud_oss_v2). */
const req = (generic = false): WriteMethod => ({
  bucket: a(0, 'request', 'bucket'),
  key: a(0, 'request', 'key'),
  ...(generic ? { generic } : {}),
});
/** Bucket and key as arguments. */
const args = (bucket: Arg, key: Arg, generic = false): WriteMethod => ({
  bucket,
  key,
  ...(generic ? { generic } : {}),
});

export const SDKS: readonly SdkRecord[] = [
  {
    id: 'oss2',
    package: 'oss2 (aliyun-oss-python-sdk)',
    vendor: 'aliyun',
    lang: 'python',
    modules: { oss2: [] },
    constructors: [
      { name: 'Bucket', client: { kind: 'oss2/bucket', bucket: a(2, 'bucket_name') } },
      { name: 'resumable_upload', write: { bucket: { pos: 0, kw: 'bucket', ofClient: true }, key: a(1, 'key') } },
    ],
    kinds: {
      'oss2/bucket': {
        writes: {
          put_object: bound(a(0, 'key')),
          put_object_from_file: bound(a(0, 'key')),
          append_object: bound(a(0, 'key')),
          copy_object: bound(a(2, 'target_key')),
          complete_multipart_upload: bound(a(0, 'key')),
          put_symlink: bound(a(1, 'symlink_key')),
          // image processing persisted with `…|sys/saveas,o_<base64 key>[,b_<base64 bucket>]`
          process_object: { bucket: 'bound', key: a(0, 'key'), process: a(1, 'process') },
        },
      },
    },
    untracked: ['oss2/bucket'],
  },
  {
    id: 'ossv2',
    package: 'alibabacloud-oss-v2',
    vendor: 'aliyun',
    lang: 'python',
    modules: { alibabacloud_oss_v2: [] },
    constructors: [
      { name: 'Client', client: { kind: 'ossv2/client' } },
      { name: '*Request', request: 'keywords' },
    ],
    kinds: {
      'ossv2/client': {
        writes: {
          put_object: req(),
          put_object_from_file: req(),
          append_object: req(),
          copy_object: req(),
          complete_multipart_upload: req(),
        },
        clients: { uploader: { kind: 'ossv2/uploader' }, copier: { kind: 'ossv2/copier' } },
      },
      'ossv2/uploader': { writes: { upload_file: req(), upload_from: req() } },
      'ossv2/copier': { writes: { copy: req(true) } },
    },
    untracked: ['ossv2/client', 'ossv2/uploader'],
  },
  {
    id: 'cos',
    package: 'cos-python-sdk-v5 (qcloud_cos)',
    vendor: 'tencent',
    lang: 'python',
    // qcloud_cos_v5: Tencent SCF's Python runtime module of the same SDK
    modules: { qcloud_cos: [], qcloud_cos_v5: [], 'qcloud_cos.cos_client': [] },
    constructors: [{ name: 'CosS3Client', client: { kind: 'cos/client' } }],
    kinds: {
      'cos/client': {
        writes: {
          put_object: args(a(0, 'Bucket'), a(2, 'Key')),
          put_object_from_local_file: args(a(0, 'Bucket'), a(2, 'Key')),
          upload_file: args(a(0, 'Bucket'), a(1, 'Key')),
          copy_object: args(a(0, 'Bucket'), a(1, 'Key')),
          copy: args(a(0, 'Bucket'), a(1, 'Key'), true),
          complete_multipart_upload: args(a(0, 'Bucket'), a(1, 'Key')),
        },
      },
    },
    untracked: ['cos/client'],
  },
  {
    id: 'obs',
    package: 'esdk-obs-python (obs)',
    vendor: 'huawei',
    lang: 'python',
    modules: { obs: [] },
    constructors: [{ name: 'ObsClient', client: { kind: 'obs/client' } }],
    kinds: {
      'obs/client': {
        writes: {
          putContent: args(a(0, 'bucketName'), a(1, 'objectKey')),
          putObject: args(a(0, 'bucketName'), a(1, 'objectKey')),
          putFile: args(a(0, 'bucketName'), a(1, 'objectKey')),
          uploadFile: args(a(0, 'bucketName'), a(1, 'objectKey')),
          appendObject: args(a(0, 'bucketName'), a(1, 'objectKey')),
          completeMultipartUpload: args(a(0, 'bucketName'), a(1, 'objectKey')),
          copyObject: args(a(2, 'destBucketName'), a(3, 'destObjectKey')),
        },
      },
    },
    untracked: ['obs/client'],
  },
  {
    id: 'boto3',
    package: 'boto3',
    vendor: 'aws',
    lang: 'python',
    modules: { boto3: [] },
    constructors: [
      { name: 'client', when: { arg: a(0, 'service_name'), is: 's3' }, client: { kind: 'boto3/client' } },
      { name: 'resource', when: { arg: a(0, 'service_name'), is: 's3' }, client: { kind: 'boto3/resource' } },
      { name: 'Session', session: true },
    ],
    kinds: {
      'boto3/client': {
        writes: {
          put_object: args(a(undefined, 'Bucket'), a(undefined, 'Key')),
          upload_file: args(a(1, 'Bucket'), a(2, 'Key')),
          upload_fileobj: args(a(1, 'Bucket'), a(2, 'Key')),
          copy_object: args(a(undefined, 'Bucket'), a(undefined, 'Key')),
          copy: args(a(1, 'Bucket'), a(2, 'Key'), true),
          complete_multipart_upload: args(a(undefined, 'Bucket'), a(undefined, 'Key')),
        },
      },
      'boto3/resource': {
        writes: {},
        clients: {
          Bucket: { kind: 'boto3/bucket', bucket: a(0, 'name') },
          Object: { kind: 'boto3/object', bucket: a(0, 'bucket_name'), key: a(1, 'key') },
        },
        members: { meta: 'boto3/meta' },
      },
      'boto3/meta': { writes: {}, members: { client: 'boto3/client' } },
      'boto3/bucket': {
        writes: {
          put_object: bound(a(undefined, 'Key')),
          upload_file: bound(a(1, 'Key')),
          upload_fileobj: bound(a(1, 'Key')),
          copy: bound(a(1, 'Key'), true),
        },
        clients: { Object: { kind: 'boto3/object', bucket: 'bound', key: a(0, 'key') } },
        members: { name: 'bucket' },
      },
      'boto3/object': {
        writes: {
          put: both(true),
          upload_file: both(),
          upload_fileobj: both(),
          copy_from: both(),
          copy: both(true),
        },
      },
    },
    untracked: ['boto3/client', 'boto3/bucket'],
  },
  {
    id: 'alioss',
    package: 'ali-oss',
    vendor: 'aliyun',
    lang: 'node',
    modules: { 'ali-oss': [] },
    constructors: ['', 'Wrapper', 'Cluster'].map((name) => ({
      name,
      client: { kind: 'alioss', bucket: a(0, undefined, 'bucket') },
    })),
    kinds: {
      alioss: {
        writes: {
          put: bound(a(0), true),
          putStream: bound(a(0)),
          append: bound(a(0), true),
          copy: bound(a(0), true),
          multipartUpload: bound(a(0)),
          completeMultipartUpload: bound(a(0)),
          putSymlink: bound(a(0)),
          // processObjectSave(source, target, process, targetBucket?): the image-processing quick start
          processObjectSave: { bucket: { ...a(3), orBound: 'absent' }, key: a(1) },
        },
        // useBucket(name): the receiver holds a client of that bucket from now on
        clients: { useBucket: { kind: 'alioss', bucket: a(0), rebinds: true } },
      },
    },
    untracked: ['alioss'],
  },
  {
    id: 'cosjs',
    package: 'cos-nodejs-sdk-v5',
    vendor: 'tencent',
    lang: 'node',
    modules: { 'cos-nodejs-sdk-v5': [] },
    constructors: [{ name: '', client: { kind: 'cosjs' } }],
    kinds: {
      cosjs: {
        writes: {
          putObject: opts(),
          uploadFile: opts(),
          sliceUploadFile: opts(),
          putObjectCopy: opts(),
          sliceCopyFile: opts(),
          multipartComplete: opts(),
        },
      },
    },
    untracked: ['cosjs'],
  },
  {
    id: 'obsjs',
    package: 'esdk-obs-nodejs',
    vendor: 'huawei',
    lang: 'node',
    modules: { 'esdk-obs-nodejs': [] },
    constructors: ['', 'ObsClient'].map((name) => ({ name, client: { kind: 'obsjs' } })),
    kinds: {
      obsjs: {
        writes: {
          putObject: opts(),
          uploadFile: opts(),
          copyObject: opts(),
          appendObject: opts(),
          completeMultipartUpload: opts(),
        },
      },
    },
    untracked: ['obsjs'],
  },
  {
    id: 'awsv2',
    package: 'aws-sdk (v2)',
    vendor: 'aws',
    lang: 'node',
    // `require('aws-sdk/clients/s3')` is the S3 class itself
    modules: { 'aws-sdk': [], 'aws-sdk/clients/s3': ['S3'] },
    constructors: [{ name: 'S3', client: { kind: 'awsv2', bucket: a(0, undefined, 'params.Bucket') } }],
    kinds: {
      awsv2: {
        // `new AWS.S3({ params: { Bucket } })` binds the bucket a call may leave out
        writes: Object.fromEntries(
          Object.entries({ putObject: false, upload: true, copyObject: false, completeMultipartUpload: false }).map(
            ([m, generic]) => [m, opts(generic, { ...a(0, undefined, 'Bucket'), orBound: 'unknown' })],
          ),
        ),
      },
    },
    untracked: ['awsv2'],
  },
  {
    id: 'awsv3',
    package: '@aws-sdk/client-s3, @aws-sdk/lib-storage (v3)',
    vendor: 'aws',
    lang: 'node',
    modules: { '@aws-sdk/client-s3': [], '@aws-sdk/lib-storage': [] },
    constructors: [
      { name: 'S3Client', client: { kind: 'awsv3' } },
      { name: 'S3', client: { kind: 'awsv3agg' } },
      { name: '*Command', request: 'object' },
      { name: 'Upload', write: { bucket: a(0, undefined, 'params.Bucket'), key: a(0, undefined, 'params.Key') } },
    ],
    kinds: {
      awsv3: {
        writes: {
          send: {
            ...opts(true),
            requests: ['PutObjectCommand', 'CopyObjectCommand', 'CompleteMultipartUploadCommand'],
          },
        },
      },
      awsv3agg: { writes: { putObject: opts(), copyObject: opts(), completeMultipartUpload: opts() } },
    },
    untracked: ['awsv3agg'],
  },
];

/** The registry the evaluators use unless given another. */
export const SDK_REGISTRY = new SdkRegistry(SDKS);
