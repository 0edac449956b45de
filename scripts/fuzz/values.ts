// The values the generator and the mutators draw from: small pools of realistic names (so that
// generated triggers share buckets, functions and regions and the cross-file rules have work),
// the references and tokens of every dialect, and hostile scalars.
import type { Rng } from './rng.js';

export const REGIONS = [
  'cn-hangzhou',
  'cn-shanghai',
  'cn-beijing',
  'ap-guangzhou',
  'ap-shanghai',
  'cn-north-4',
  'us-east-1',
  'eu-west-1',
  'ap-southeast-1',
  '',
];
export const BUCKETS = [
  'images',
  'uploads',
  'out',
  'in-bucket',
  'logs',
  'images-1250000000',
  'img.cos.ap-guangzhou.myqcloud.com',
  'my-bucket',
  'b',
];
export const PREFIXES = ['', 'src/', '/src/', 'incoming/', '/', 'a*', 'logs/2024/', 'thumbs/', 'src', '?x', '[a]'];
export const SUFFIXES = ['', '.png', '.jpg', '*.png', '.zip', '.', 'png', '.PNG'];
export const EVENTS = [
  'oss:ObjectCreated:*',
  'oss:ObjectCreated:PutObject',
  'oss:ObjectCreated:PostObject',
  'oss:ObjectCreated:UploadPart',
  'oss:ObjectCreated:CompleteMultipartUpload',
  'oss:ObjectRemoved:DeleteObject',
  'oss:ObjectCreated:Put',
  'cos:ObjectCreated:*',
  'cos:ObjectRemove:*',
  'cos:ObjectRemoved:*',
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectRemoved:*',
  'ObjectCreated:Put',
  'ObjectCreated:*',
  'ObjectRemoved:Delete',
  'oss:*',
  '*',
  '',
];
export const CRONS = [
  '0 0 2 * * *',
  '0 2 * * *',
  '*/5 * * * *',
  '0 */5 * * * *',
  '@every 5m',
  '@every 0s',
  '@every 1h30m',
  'cron(0 12 * * ? *)',
  'rate(5 minutes)',
  'rate(1 minute)',
  'rate(0 minutes)',
  '0 0 0 30 2 *',
  '0 0 25 * * * *',
  '0 0 0 * * MON-FRI',
  '0 60 * * * *',
  '* * * * * * *',
  'CRON_TZ=Asia/Shanghai 0 0 8 * * *',
  '@daily',
  '0 0 0 L * ?',
  '0 0 0 ? * 7#5',
  '',
];
export const NAMES = [
  'f',
  'fn',
  'handler',
  'resize',
  'thumb',
  'my-function',
  'svc',
  'trigger-1',
  'on-upload',
  'a_b',
  '1bad',
  'x'.repeat(130),
];
export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS', 'get', 'FETCH', ''];

/** References and placeholders of every dialect: resolvable, dangling, recursive and malformed. */
export const REFERENCES = [
  '${vars.bucket}',
  '${vars.x}',
  '${vars.missing}',
  '${vars}',
  '${this.props.region}',
  '${this.name}',
  '${this.props.missing.x}',
  '${resources.fn.props.region}',
  '${resources.nope.props.x}',
  '${env(REGION)}',
  "${env('X', 'd')}",
  '${env:X}',
  '${config(AccountID)}',
  '${self:custom.bucket}',
  '${self:provider.region}',
  '${self:}',
  '${opt:stage}',
  '${app}',
  '${stage}',
  '${',
  '${}',
  '${${vars.x}}',
  '{{ p }}',
  '{{p}}',
  '{{ region }}',
  '{{',
  '}}',
  '${vars.a.b.c.d}',
  '${path(..)}',
  '${file(x.yml)}',
];
/** YAML tokens spliced into values and lines. */
export const TOKENS = [
  '!Ref X',
  '!Ref',
  '!Sub "${X}"',
  '!GetAtt A.Arn',
  '!Join [":", [a, b]]',
  '!Base64 x',
  '!If [c, a, b]',
  '!!binary aGk=',
  '!!str 1',
  '!!map {}',
  '!!seq []',
  '!!int x',
  '!custom',
  '&a',
  '*a',
  '<<: *a',
  '&a x',
  '*b',
  '? ',
  '- ',
  '{',
  '}',
  '[',
  ']',
  "'",
  '"',
  '#',
  '|',
  '>',
  '|-',
  '>+',
  '%YAML 1.2',
  '@',
  '`',
  ',',
  ': ',
  '---',
  '...',
  '~',
  'null',
  'true',
  'yes',
  'on',
  '0x1f',
  '.inf',
  '.nan',
];
export const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\r',
  '\r\n',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u200b',
  '\uffff',
  '\u{10ffff}',
];
export const NUMBERS = [
  '1e309',
  '-1e309',
  '99999999999999999999999',
  '9007199254740993',
  '-0',
  '0',
  '-1',
  '0.5',
  '1e-400',
  '4294967296',
  '2147483648',
  '0x7fffffffffffffff',
  '0o777',
  '1_000',
  '.inf',
  '-.Inf',
  '.NaN',
  '1e+',
  '12abc',
  '10',
  '11',
  '100',
  '1000000000',
  '86400',
];

/** A string for a key, chosen by what the key's name suggests (or anything, sometimes). */
export function stringFor(rng: Rng, key: string): string {
  if (rng.chance(0.12)) return rng.pick(REFERENCES);
  if (rng.chance(0.04)) return rng.pick([...TOKENS, ...NUMBERS]);
  const k = key.toLowerCase();
  if (/region/.test(k)) return rng.pick(REGIONS);
  if (/arn|source/.test(k)) return arn(rng);
  if (/bucket/.test(k)) return rng.pick(BUCKETS);
  if (/prefix/.test(k)) return rng.pick(PREFIXES);
  if (/suffix/.test(k)) return rng.pick(SUFFIXES);
  if (/event/.test(k)) return rng.pick(EVENTS);
  if (/cron|schedule|rate/.test(k)) return rng.pick(CRONS);
  if (/method/.test(k)) return rng.pick(METHODS);
  if (/type/.test(k))
    return rng.pick([
      'oss',
      'timer',
      'http',
      'log',
      'mns_topic',
      'cdn_events',
      'tablestore',
      'eventbridge',
      'COS',
      'OBS',
      'S3',
      'TIMER',
      'APIG',
      'CKafka',
      'SQS',
      'Kinesis',
    ]);
  if (/time|zone/.test(k)) return rng.pick(['Asia/Shanghai', 'UTC', 'Mars/Olympus', '+08:00', '']);
  if (/name|function|handler|service/.test(k)) return rng.pick(NAMES);
  return rng.pick([...NAMES, ...BUCKETS, ...PREFIXES, ...REGIONS, 'x', '']);
}

export function arn(rng: Rng): string {
  const region = rng.pick(REGIONS);
  const account = rng.pick(['123456789', '${config(AccountID)}', '', '*']);
  return rng.pick([
    `acs:oss:${region}:${account}:${rng.pick(BUCKETS)}`,
    `acs:log:${region}:${account}:project/p`,
    `acs:mns:${region}:${account}:/topics/t`,
    `acs:oss:${region}:${account}:${rng.pick(BUCKETS)}/${rng.pick(PREFIXES)}`,
    `acs:ram::${account}:role/r`,
    `arn:aws:s3:::${rng.pick(BUCKETS)}`,
    `acs:oss:::`,
    'acs:',
  ]);
}

export function numberFor(rng: Rng, min?: number, max?: number, integer = false): number {
  const lo = min ?? -5;
  const hi = max ?? 10_000;
  const a = Math.max(-1e6, Math.ceil(lo));
  const b = Math.min(1e6, Math.floor(hi));
  const v = rng.pick([lo, hi, lo - 1, hi + 1, 0, 1, 10, 11, 100, 3600, a <= b ? rng.int(a, b) : lo]);
  return integer || rng.chance(0.8) ? Math.round(v) : v + 0.5;
}
