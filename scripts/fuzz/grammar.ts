// One generated document per call, for one format: the part its JSON Schema describes
// (schema-gen.ts) inside the envelope the format's detection looks for, written out by `yaml`
// in a random style (indent, flow or block collections, quoting).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Rng } from './rng.js';
import { generate } from './schema-gen.js';
import { BUCKETS, NAMES, REGIONS, stringFor } from './values.js';

type Schema = { [k: string]: unknown };
type Wrap = (rng: Rng, part: () => unknown) => Record<string, unknown>;

const many = (rng: Rng, make: (i: number) => [string, unknown], max = 3) =>
  Object.fromEntries(Array.from({ length: rng.int(1, max) }, (_, i) => make(i)));
const vars = (rng: Rng) => ({
  region: rng.pick(REGIONS),
  bucket: rng.pick(BUCKETS),
  x: rng.pick(['x', 1, true, null, { y: 'z' }]),
});
const serverlessDevs =
  (edition: string, resourcesKey: string, components: string[]): Wrap =>
  (rng, part) => ({
    edition,
    name: 'app',
    access: 'default',
    ...(rng.chance(0.7) ? { vars: vars(rng) } : {}),
    [resourcesKey]: many(rng, (i) => [
      `${rng.pick(['fn', 'svc', 'res'])}${i}`,
      { component: rng.pick(components), props: part() },
    ]),
  });
const rosTemplate = (rng: Rng, resources: Record<string, unknown>) => ({
  ROSTemplateFormatVersion: '2015-09-01',
  ...(rng.chance(0.5)
    ? {
        Parameters: {
          Bucket: { Type: 'String', ...(rng.chance(0.6) ? { Default: rng.pick(BUCKETS) } : {}) },
          X: { Type: 'String' },
        },
      }
    : {}),
  Resources: resources,
});
const framework =
  (provider: string): Wrap =>
  (rng, part) => ({
    service: 'svc',
    provider: { name: provider, region: rng.pick(REGIONS) },
    functions: many(rng, (i) => [
      `f${i}`,
      { handler: 'index.handler', events: Array.from({ length: rng.int(1, 3) }, part) },
    ]),
  });
/** The schema describes the whole document: make sure detection still sees the format. */
const whole =
  (force: (doc: Record<string, unknown>, rng: Rng) => void): Wrap =>
  (rng, part) => {
    const doc = part();
    const d = (typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? doc : {}) as Record<string, unknown>;
    force(d, rng);
    return d;
  };
const provider = (name: string) =>
  whole((d, rng) => {
    d.provider = { ...(typeof d.provider === 'object' && d.provider ? d.provider : {}), name };
    if (!d.functions || rng.chance(0.1)) d.functions = { f: { handler: 'h', events: [] } };
  });
const resources = (type: string) =>
  whole((d) => {
    const r =
      typeof d.Resources === 'object' && d.Resources && !Array.isArray(d.Resources)
        ? (d.Resources as Record<string, unknown>)
        : {};
    r.Fn = { ...(typeof r.Fn === 'object' && r.Fn ? r.Fn : {}), Type: type };
    d.Resources = r;
  });

/** Format id → [schema file, file name, envelope]. */
export const GRAMMARS: Record<string, [string, string, Wrap]> = {
  'serverless-devs-fc3': ['fc3', 's.yaml', serverlessDevs('3.0.0', 'resources', ['fc3', 'fc3@dev', 'devsapp/fc3'])],
  'serverless-devs-fc': [
    'serverless-devs-fc',
    's.yaml',
    serverlessDevs('1.0.0', 'services', ['fc', 'devsapp/fc', 'fc-deploy']),
  ],
  'huawei-fgs': ['huawei-fgs', 's.yaml', serverlessDevs('1.0.0', 'services', ['fgs', 'fg', 'devsapp/fgs'])],
  funcraft: [
    'funcraft',
    'template.yml',
    (rng, part) => ({
      ...rosTemplate(rng, {
        svc: {
          Type: 'Aliyun::Serverless::Service',
          Properties: { Policies: rng.chance(0.3) ? ['AliyunOSSFullAccess'] : [] },
          ...many(rng, (i) => [
            `fn${i}`,
            {
              Type: 'Aliyun::Serverless::Function',
              Properties: { Handler: 'index.handler', Runtime: 'nodejs18' },
              Events: many(rng, (j) => [`ev${j}`, part()]),
            },
          ]),
        },
      }),
      Transform: rng.pick(['Aliyun::Serverless-2018-04-03', ['Aliyun::Serverless-2018-04-03']]),
    }),
  ],
  ros: [
    'ros',
    'template.yml',
    (rng, part) =>
      rosTemplate(rng, {
        Fn: {
          Type: 'ALIYUN::FC::Function',
          Properties: { ServiceName: 's', FunctionName: rng.pick(NAMES), Handler: 'h', Runtime: 'python3' },
        },
        ...many(rng, (i) => [`Trigger${i}`, { Type: 'ALIYUN::FC::Trigger', Properties: part() }]),
      }),
  ],
  'serverless-aliyun': ['serverless-aliyun', 'serverless.yml', framework('aliyun')],
  'tencent-scf': [
    'tencent-scf',
    'serverless.yml',
    whole((d, rng) => {
      d.component = rng.pick(['scf', 'multi-scf', '@serverless/tencent-scf']);
      if (typeof d.inputs !== 'object' || d.inputs === null || Array.isArray(d.inputs))
        d.inputs = { region: stringFor(rng, 'region') };
    }),
  ],
  'tencent-scf-plugin': ['tencent-scf-plugin', 'serverless.yml', provider('tencent')],
  'tencent-tcsam': ['tencent-tcsam', 'template.yaml', resources('TencentCloud::Serverless::Function')],
  'huawei-serverless': ['huawei-serverless', 'serverless.yml', provider('huawei')],
  'aws-sam': [
    'aws-sam',
    'template.yaml',
    whole((d) => {
      d.Transform = 'AWS::Serverless-2016-10-31';
    }),
  ],
  'serverless-aws': ['serverless-aws', 'serverless.yml', provider('aws')],
};

export function loadGrammars(root: string): Map<string, Schema> {
  const out = new Map<string, Schema>();
  const read = (name: string): unknown => JSON.parse(readFileSync(join(root, 'schemas', 'config', name), 'utf8'));
  for (const [id, [schema]] of Object.entries(GRAMMARS))
    out.set(id, withSiblings(read(`${schema}.json`), read) as Schema);
  return out;
}

/**
 * A definition of a sibling file (`aliyun-trigger-config.json#/definitions/X`, shared by the
 * Alibaba formats) copied in place, so that the generator, which follows `#/…` refs only, sees it.
 */
function withSiblings(node: unknown, read: (name: string) => unknown): unknown {
  if (Array.isArray(node)) return node.map((x) => withSiblings(x, read));
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  const m = typeof o.$ref === 'string' ? /^([\w.-]+\.json)#\/(.*)$/.exec(o.$ref) : null;
  if (m) {
    let cur = read(m[1]);
    for (const part of m[2].split('/')) cur = (cur as Record<string, unknown> | undefined)?.[part];
    const { $ref: _, ...rest } = o;
    return withSiblings({ ...(cur as object), ...rest }, read);
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, withSiblings(v, read)]));
}

/** A generated document of one format, as YAML text in a random style. */
export function grammarDoc(rng: Rng, id: string, schema: Schema): { path: string; text: string } {
  const [, file, wrap] = GRAMMARS[id];
  const doc = wrap(rng, () => generate(schema, rng));
  const text = stringify(doc, {
    indent: rng.pick([2, 2, 4, 1]),
    indentSeq: rng.chance(0.5),
    collectionStyle: rng.pick(['any', 'any', 'any', 'flow', 'block'] as const),
    defaultStringType: rng.pick(['PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'] as const),
    defaultKeyType: rng.chance(0.1) ? 'QUOTE_DOUBLE' : null,
    lineWidth: rng.pick([0, 80, 20]),
  });
  return { path: `generated/${id}/${file}`, text };
}
