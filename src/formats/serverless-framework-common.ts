// The Serverless Framework formats (provider.name: tencent, huawei, aws, aliyun): which provider
// a file is for, the provider + function environment, and the adapter loop they share.
import { isMap, type Document, type Node, type YAMLMap } from 'yaml';
import type { FunctionDef, Located, Trigger, Vendor, WriteTarget } from '../model/model.js';
import type { Location } from '../types.js';
import { Resolver } from './resolve.js';
import { serverlessFrameworkDialect } from './dialects/serverless-framework.js';
import { entries } from '../source/yamlnav.js';
import type { BuildResult, FormatAdapter, SchemaTarget } from './types.js';
import { envMap, envWrites, codeRef } from './common.js';

export function isProvider(doc: Document.Parsed, name: string): boolean {
  const root = doc.contents;
  if (!isMap(root)) return false;
  const provider = root.get('provider', true);
  if (isMap(provider))
    return (
      String(provider.get('name') ?? '')
        .trim()
        .toLowerCase() === name
    );
  return (
    typeof provider === 'object' &&
    provider !== null &&
    'value' in provider &&
    String((provider as { value: unknown }).value)
      .trim()
      .toLowerCase() === name
  );
}

/** Environment of a function: `provider.environment` then the function's own (either may nest `variables`). */
export function frameworkEnv(r: Resolver, ...nodes: (Node | undefined)[]) {
  const env = new Map<string, Located<string>>();
  const keys = new Map<string, Location>();
  for (const n of nodes) {
    const m = r.map(n);
    if (!m) continue;
    const inner = r.has(m, 'variables') ? r.get(m, 'variables') : n;
    const got = envMap(r, inner);
    for (const [k, v] of got.env) {
      env.set(k, v);
      keys.set(k, got.keys.get(k)!);
    }
  }
  return { env, keys };
}

export interface FrameworkEvent {
  r: Resolver;
  fn: FunctionDef;
  /** The `functions.<f>.events[i]` item. */
  item: YAMLMap;
  index: number;
  /** `functions.<f>` key. */
  key: string;
  id: string;
  /** Format-level problems a schema cannot express. */
  issues: NonNullable<BuildResult['formatIssues']>;
}

export interface ServerlessFrameworkSpec {
  id: string;
  vendor: Vendor;
  /** `provider.name` this format owns. */
  provider: string;
  description: string;
  schema: string;
  /** Validate the whole file (default) or each event item (with these foreign keys). */
  schemaPerEvent?: Record<string, string>;
  /** The function's environment and its write targets (default: provider + function env vars). */
  env?: (
    r: Resolver,
    provider: YAMLMap | undefined,
    f: YAMLMap,
  ) => { env: Map<string, Located<string>>; keys: Map<string, Location> };
  writes?: (fn: FunctionDef, keys: Map<string, Location>) => WriteTarget[];
  /** Writes every function of the file may do (provider-level IAM/RAM statements). */
  providerWrites?: (r: Resolver, provider: YAMLMap | undefined, text: string) => WriteTarget[];
  region?: (r: Resolver, provider: YAMLMap | undefined, f: YAMLMap) => Located<string> | undefined;
  /** One event item → a trigger (undefined: not a trigger). */
  trigger(e: FrameworkEvent): Trigger | undefined;
}

/**
 * The Serverless Framework family (provider.name aws, huawei, tencent, aliyun): one loop over
 * `functions.<f>`, the `${…}` dialect, every reference evaluated, provider + function
 * environment, and `events[]` handed to the format.
 */
export function serverlessFrameworkAdapter(spec: ServerlessFrameworkSpec): FormatAdapter {
  return {
    id: spec.id,
    vendor: spec.vendor,
    description: spec.description,
    fileNames: ['serverless.yml', 'serverless.yaml'],
    detect: (doc) => isProvider(doc, spec.provider),
    build(doc, source, options): BuildResult {
      const root = doc.contents as YAMLMap;
      const r = new Resolver(
        source,
        doc,
        serverlessFrameworkDialect({ root, env: options.env ?? {}, components: false }),
      );
      r.touchAll(root);
      const provider = r.map(r.get(root, 'provider'));
      const shared = spec.providerWrites?.(r, provider, source.text) ?? [];
      const functions: FunctionDef[] = [];
      const triggers: Trigger[] = [];
      const issues: NonNullable<BuildResult['formatIssues']> = [];
      const eventTargets: { label: string; node: Node }[] = [];
      const fns = r.map(r.get(root, 'functions'));
      for (const [key, pair] of fns ? entries(fns) : []) {
        const f = r.map(pair.value);
        if (!f) continue;
        const at = r.loc(pair.key);
        const env = spec.env
          ? spec.env(r, provider, f)
          : frameworkEnv(r, r.get(provider, 'environment'), r.get(f, 'environment'));
        const fn: FunctionDef = {
          id: `${source.path}#${key}`,
          name: r.str(r.get(f, 'name')) ?? { value: key, at },
          vendor: spec.vendor,
          format: spec.id,
          region: spec.region ? spec.region(r, provider, f) : r.str(r.get(provider, 'region')),
          env: env.env,
          writes: [],
          at,
        };
        fn.writes.push(...(spec.writes ?? envWrites)(fn, env.keys), ...shared);
        // the code is the service folder (the folder of serverless.yml); `handler: src/handler.main`
        fn.code = codeRef(r, [], r.get(f, 'handler'), r.get(f, 'runtime') ?? r.get(provider, 'runtime'), '.');
        functions.push(fn);
        const events = r.seq(r.get(f, 'events'));
        for (const [index, node] of (events?.items ?? []).entries()) {
          const item = r.map(node as Node);
          if (!item) continue;
          if (spec.schemaPerEvent)
            eventTargets.push({ label: `functions.${key}.events[${index}]`, node: node as Node });
          const t = spec.trigger({ r, fn, item, index, key, id: `${fn.id}#${index}`, issues });
          if (t) triggers.push(t);
        }
      }
      return {
        functions,
        triggers,
        undefinedRefs: r.undefinedRefs,
        ...(r.limits.length ? { limits: r.limits } : {}),
        ...(issues.length ? { formatIssues: issues } : {}),
        schemaTargets: (): SchemaTarget[] =>
          spec.schemaPerEvent
            ? eventTargets.map(({ label, node }) => ({
                schema: spec.schema,
                view: r.json(node),
                label,
                foreignKeys: spec.schemaPerEvent,
              }))
            : [{ schema: spec.schema, view: r.json(root), label: 'serverless.yml' }],
      };
    },
  };
}
