// Tencent Cloud SCF, Serverless Components `serverless.yml` (`component: scf`, also `multi-scf`).
// Functions: `inputs` (one function) or `inputs.functions.<key>` (multi-scf). Triggers, in the
// three shapes real files use:
//   (a) inputs.events[]   `- cos: { name?, parameters: { bucket, filter, events, enable } }`
//   (b) inputs.triggers[] `- { type: cos, bucket, filter, events, enable }` (scf@dev, 2020-11)
//   (c) inputs.triggers[] `- { type: cos, function: <key>, parameters: {…} }` (multi-scf)
// The COS bucket is a domain `<bucket>-<appid>.cos.<region>.myqcloud.com`: the bucket is the
// first label, its region the label after `cos.`; a bare name is a bucket in the function's
// region. `events` is ONE string. The helpers here are shared by the other Tencent formats.
import { isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { FormatAdapter, BuildResult, SchemaTarget } from './types.js';
import {
  Unknown,
  type FunctionDef,
  type HttpTrigger,
  type Located,
  type LogTrigger,
  type OtherTrigger,
  type QueueTrigger,
  type StorageTrigger,
  type TimerTrigger,
  type Trigger,
  type WriteTarget,
} from '../model/model.js';
import type { Location } from '../types.js';
import { Resolver } from './resolve.js';
import { serverlessFrameworkDialect } from './dialects/serverless-framework.js';
import { entries } from '../source/yamlnav.js';
import { codeRef, envMap, envWrites, filterValue, readEvents, keyFilter } from './common.js';
import { bool, num } from './trigger-fields.js';

const COMPONENT = /^(?:@serverless\/tencent-)?(scf|multi-scf)(@[\w.-]+)?$/;
const DOMAIN_TAIL = [
  ['myqcloud', 'com'],
  ['tencentcos', 'cn'],
];

/** Keys of a Tencent trigger, camelCase (Components, plugin) or PascalCase (TCSAM). */
export function key(r: Resolver, map: YAMLMap | undefined, camel: string): Node | undefined {
  return r.get(map, camel, camel[0].toUpperCase() + camel.slice(1));
}

/** The bucket and its region from a COS bucket domain, each located at its own label. */
export function cosBucket(
  r: Resolver,
  node: Node | undefined,
  fallback: Location,
): { bucket: Located<string>; region?: Located<string> } {
  if (node === undefined || node === null) return { bucket: { value: new Unknown('no bucket'), at: fallback } };
  const fields = r.fields(node, '.');
  if (!fields || fields.length === 0) {
    const s = r.str(node, fallback);
    return { bucket: s ?? { value: new Unknown('bucket not known'), at: r.loc(node, fallback) } };
  }
  const n = fields.length;
  const isDomain =
    n >= 5 &&
    fields[1].value === 'cos' &&
    DOMAIN_TAIL.some(([a, b]) => fields[n - 2].value === a && fields[n - 1].value === b);
  if (isDomain) return { bucket: fields[0], region: fields[2] };
  if (n === 1) return { bucket: fields[0] };
  // something dotted that is not a COS domain (a schema error): the whole value is its identity
  const s = r.str(node, fallback)!;
  return { bucket: s };
}

/** A bucket value written in an env var: a bare name or a domain names the same bucket. */
export function cosBucketName(l: Located<string>): Located<string> {
  if (typeof l.value !== 'string') return l;
  const m = /^(?:https?:\/\/)?([^./]+)\.cos\.[^./]+\.(?:myqcloud\.com|tencentcos\.cn)\/?$/.exec(l.value);
  return m ? { ...l, value: m[1] } : l;
}

export function tencentWrites(fn: FunctionDef, keys: Map<string, Location>): WriteTarget[] {
  return envWrites(fn, keys).map((w) => (w.bucket ? { ...w, bucket: cosBucketName(w.bucket) } : w));
}

/**
 * Environment variables written `KEY:` or `KEY: null`: SCF's handling of a null value is not
 * documented (the variable may be dropped or sent empty), so a warning, not a schema error.
 */
export function nullEnvIssues(
  r: Resolver,
  ...environments: (Node | undefined)[]
): NonNullable<BuildResult['formatIssues']> {
  const out: NonNullable<BuildResult['formatIssues']> = [];
  for (const e of environments) {
    const vars = r.map(key(r, r.map(e), 'variables'));
    for (const [k, pair] of vars ? entries(vars) : []) {
      const v = pair.value;
      if (v !== null && !(isScalar(v) && v.value === null)) continue;
      out.push({
        at: r.loc(pair.key),
        severity: 'warning',
        message: `environment variable ${JSON.stringify(k)} has no value (null): what SCF deploys for it is undocumented (the variable may be dropped or set empty); write ${k}: '' or remove it`,
      });
    }
  }
  return out;
}

/** Environment variables: `environment.variables` (or `Environment.Variables`), merged over a base. */
export function tencentEnv(r: Resolver, ...environments: (Node | undefined)[]) {
  const env = new Map<string, Located<string>>();
  const keys = new Map<string, Location>();
  for (const e of environments) {
    const m = r.map(e);
    const vars = key(r, m, 'variables');
    const got = envMap(r, vars);
    for (const [k, v] of got.env) {
      env.set(k, v);
      keys.set(k, got.keys.get(k)!);
    }
  }
  return { env, keys };
}

export interface TriggerInput {
  /** The vendor's type as written (cos, timer, apigw, cmq, ckafka, cls, mps…), lower-cased. */
  type: string;
  /** The trigger's own settings (Components `parameters`, TCSAM `Properties`, or the flat item). */
  params: YAMLMap | undefined;
  name: Located<string>;
  id: string;
  at: Location;
  /** apigw: only these APIs (multi-scf, where each API names its function); default all. */
  apis?: Node[];
}

/** One Tencent trigger into the Model. */
export function tencentTrigger(r: Resolver, fn: FunctionDef, t: TriggerInput): Trigger {
  const { type, params, name, id, at } = t;
  const base = { id, type, name, function: fn, at };
  const enabled = bool(r, key(r, params, 'enable'));
  switch (type) {
    case 'cos': {
      const { bucket, region } = cosBucket(r, key(r, params, 'bucket'), at);
      const filter = r.map(key(r, params, 'filter'));
      const filterAt = filter ? r.loc(filter) : params ? r.loc(params) : at;
      const prefix = filterValue(r, filter, ['prefix', 'Prefix'], filterAt);
      const suffix = filterValue(r, filter, ['suffix', 'Suffix'], filterAt);
      const { events, items } = readEvents(r, key(r, params, 'events'), 'tencent', filterAt);
      const s: StorageTrigger = {
        ...base,
        kind: 'storage',
        bucket,
        bucketRegion: region,
        events,
        eventItems: items,
        ...keyFilter(prefix, suffix),
        native: true,
      };
      return s;
    }
    case 'timer': {
      const schedule = r.str(key(r, params, 'cronExpression')) ?? { value: new Unknown('no cronExpression'), at };
      const timer: TimerTrigger = {
        ...base,
        kind: 'timer',
        schedule,
        dialect: 'tencent',
        enabled,
        payload: r.str(key(r, params, 'argument')),
      };
      return timer;
    }
    case 'apigw': {
      const endpoints = r.seq(key(r, params, 'endpoints') ?? key(r, params, 'apis'));
      const methodNodes: Node[] = [];
      const paths: Located<string>[] = [];
      for (const e of t.apis ?? endpoints?.items ?? []) {
        const em = r.map(e as Node);
        const m = key(r, em, 'method');
        if (m !== undefined) methodNodes.push(m);
        const p = r.str(key(r, em, 'path'));
        if (p) paths.push(p);
      }
      const single = key(r, params, 'httpMethod');
      if (single !== undefined) methodNodes.push(single);
      const methodItems = methodNodes.map((m) => r.str(m)).filter((m): m is Located<string> => !!m);
      const unknown = methodItems.find((m) => m.value instanceof Unknown);
      const methods: Located<string[]> | undefined =
        methodItems.length === 0
          ? undefined
          : {
              value: unknown ? (unknown.value as Unknown) : methodItems.map((m) => (m.value as string).toUpperCase()),
              at: endpoints ? r.loc(endpoints) : methodItems[0].at,
            };
      const http: HttpTrigger = {
        ...base,
        kind: 'http',
        methods,
        methodItems,
        path: paths.length === 1 ? paths[0] : undefined,
        gateway: true,
      };
      return http;
    }
    case 'cls': {
      const log: LogTrigger = {
        ...base,
        kind: 'log',
        sourceLogstore: r.str(key(r, params, 'topicId')),
        interval: num(r, key(r, params, 'maxWait')),
        batchSize: num(r, key(r, params, 'maxMsgNum')),
        enabled,
      };
      return log;
    }
    case 'cmq':
    case 'ckafka': {
      const q: QueueTrigger = {
        ...base,
        kind: 'queue',
        topic: r.str(key(r, params, type === 'ckafka' ? 'topic' : 'name')),
        retries: num(r, key(r, params, 'retry')),
        batchSize: num(r, key(r, params, 'maxMsgNum')),
        enabled,
      };
      return q;
    }
    default: {
      const o: OtherTrigger = { ...base, kind: 'other', fields: {} };
      return o;
    }
  }
}

/** A multi-scf apigw trigger's APIs grouped by the function each names (else the trigger's). */
function apisByFunction(r: Resolver, params: YAMLMap | undefined, fnKey: Located<string> | undefined) {
  const out = new Map<string, Node[]>();
  const outer = typeof fnKey?.value === 'string' ? fnKey.value : undefined;
  for (const api of r.seq(key(r, params, 'apis') ?? key(r, params, 'endpoints'))?.items ?? []) {
    const own = r.str(key(r, r.map(api as Node), 'function'));
    const k = typeof own?.value === 'string' ? own.value : outer;
    if (k !== undefined) out.set(k, [...(out.get(k) ?? []), api as Node]);
  }
  return out;
}

/** The trigger's name when one is written: the shape's own `name`, or a timer's `parameters.name`. */
function triggerName(
  r: Resolver,
  outer: YAMLMap | undefined,
  params: YAMLMap | undefined,
  type: string,
  at: Location,
): Located<string> {
  const own = r.str(r.get(outer, 'name'));
  if (own) return own;
  if (params && params !== outer && (type === 'timer' || type === 'cos' || type === 'apigw')) {
    const inner = r.str(r.get(params, 'name'));
    if (inner) return inner;
  }
  return { value: '', at };
}

const tencentScf: FormatAdapter = {
  id: 'tencent-scf',
  vendor: 'tencent',
  description: 'Tencent Cloud SCF serverless.yml for Serverless Components (component: scf or multi-scf)',
  fileNames: ['serverless.yml', 'serverless.yaml'],
  detect(doc) {
    const root = doc.contents;
    if (!isMap(root)) return false;
    const c: unknown = root.get('component');
    return typeof c === 'string' && COMPONENT.test(c.trim()) && isMap(root.get('inputs', true));
  },
  build(doc: Document.Parsed, source, options): BuildResult {
    const root = doc.contents as YAMLMap;
    const r = new Resolver(source, doc, serverlessFrameworkDialect({ root, env: options.env ?? {}, components: true }));
    r.touchAll(root);
    const inputsNode = r.get(root, 'inputs');
    const inputs = r.map(inputsNode)!;
    const multi = /multi-scf/.test(String(root.get('component')));
    const functions: FunctionDef[] = [];
    const triggers: Trigger[] = [];
    const region = r.str(r.get(inputs, 'region'));
    const file = source.path;
    const byKey = new Map<string, FunctionDef>();

    const makeFn = (
      id: string,
      name: Located<string>,
      at: Location,
      env: ReturnType<typeof tencentEnv>,
      m?: YAMLMap,
    ): FunctionDef => {
      const fn: FunctionDef = {
        id,
        name,
        vendor: 'tencent',
        format: 'tencent-scf',
        region,
        env: env.env,
        writes: [],
        at,
      };
      fn.writes.push(...tencentWrites(fn, env.keys));
      fn.code = codeRef(
        r,
        [r.get(m, 'src'), r.get(inputs, 'src')],
        r.get(m, 'handler') ?? r.get(inputs, 'handler'),
        r.get(m, 'runtime') ?? r.get(inputs, 'runtime'),
      );
      functions.push(fn);
      return fn;
    };

    let single: FunctionDef | undefined;
    const formatIssues = nullEnvIssues(r, r.get(inputs, 'environment'));
    if (multi) {
      const fns = r.map(r.get(inputs, 'functions'));
      for (const [k, pair] of fns ? entries(fns) : []) {
        const m = r.map(pair.value);
        formatIssues.push(...nullEnvIssues(r, r.get(m, 'environment')));
        const at = r.loc(pair.key);
        const name = r.str(r.get(m, 'name')) ?? { value: k, at };
        byKey.set(
          k,
          makeFn(`${file}#${k}`, name, at, tencentEnv(r, r.get(inputs, 'environment'), r.get(m, 'environment')), m),
        );
      }
    } else {
      const at = r.loc(r.keyNode(root, 'inputs'));
      const name = r.str(r.get(inputs, 'name')) ?? {
        value: new Unknown('default function name ${name}-${stage}-${app}'),
        at,
      };
      single = makeFn(`${file}#inputs`, name, at, tencentEnv(r, r.get(inputs, 'environment')));
    }

    // (a) inputs.events: [{ <type>: { name?, parameters } }]
    const events = r.seq(r.get(inputs, 'events'));
    for (const [i, item] of (events?.items ?? []).entries()) {
      const m = r.map(item as Node);
      const first = m ? entries(m)[0] : undefined;
      if (!first || !single) continue;
      const [type, pair] = first;
      const outer = r.map(pair.value);
      const params = r.map(r.get(outer, 'parameters'));
      const at = r.loc(item as Node);
      triggers.push(
        tencentTrigger(r, single, {
          type: type.toLowerCase(),
          params,
          name: triggerName(r, outer, params, type, at),
          id: `${single.id}#event${i}`,
          at,
        }),
      );
    }
    // (b) / (c) inputs.triggers: [{ type, function?, parameters? | flat }]
    const list = r.seq(r.get(inputs, 'triggers'));
    for (const [i, item] of (list?.items ?? []).entries()) {
      const m = r.map(item as Node);
      if (!m) continue;
      const typeL = r.str(r.get(m, 'type'));
      const type = typeof typeL?.value === 'string' ? typeL.value.toLowerCase() : '';
      const fnKey = r.str(r.get(m, 'function'));
      const params = r.has(m, 'parameters') ? r.map(r.get(m, 'parameters')) : m;
      const at = r.loc(m);
      const groups = multi && type === 'apigw' ? apisByFunction(r, params, fnKey) : undefined;
      if (groups?.size) {
        // multi-scf: each API may name its function, over the trigger's (tencent-multi-scf
        // docs/configure.md; example/serverless.yml): one trigger per function, with its APIs
        for (const [k, apis] of groups) {
          const fn = byKey.get(k);
          if (!fn) continue;
          const name = triggerName(r, m, params, type, at);
          triggers.push(tencentTrigger(r, fn, { type, params, name, id: `${fn.id}#trigger${i}`, at, apis }));
        }
        continue;
      }
      const fn = multi ? (typeof fnKey?.value === 'string' ? byKey.get(fnKey.value) : undefined) : single;
      if (!fn) continue;
      triggers.push(
        tencentTrigger(r, fn, {
          type,
          params,
          name: triggerName(r, m, params, type, at),
          id: `${fn.id}#trigger${i}`,
          at,
        }),
      );
    }

    return {
      functions,
      triggers,
      undefinedRefs: r.undefinedRefs,
      ...(r.limits.length ? { limits: r.limits } : {}),
      ...(formatIssues.length ? { formatIssues } : {}),
      schemaTargets: (): SchemaTarget[] => [
        { schema: 'config/tencent-scf', view: r.json(root), label: 'serverless.yml' },
      ],
    };
  },
};

export default tencentScf;
