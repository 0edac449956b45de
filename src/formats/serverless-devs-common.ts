// The Serverless Devs family (fc3, legacy fc, Huawei fgs): one loop over `resources` (edition 3)
// or `services` (edition 1), the `${…}` dialect with `${this.*}` bound to the resource being
// read, every reference evaluated (for undefined-variable), and each function's props checked
// against the format's schema. An adapter supplies only what differs: detection, which
// components it owns, and how props become a function and its triggers.
import { isMap, type Document, type Node, type YAMLMap } from 'yaml';
import type { FormatAdapter, BuildResult, SchemaTarget } from './types.js';
import type { FunctionDef, Trigger, Vendor } from '../model/model.js';
import type { Location } from '../types.js';
import { Resolver } from './resolve.js';
import { serverlessDevsDialect, type ServerlessDevsScope } from './dialects/serverless-devs.js';
import { entries } from '../source/yamlnav.js';

export interface ServerlessDevsSpec {
  id: string;
  vendor: Vendor;
  description: string;
  resourcesKey: 'resources' | 'services';
  /** Components this format owns, e.g. /(^|\/)fc3(@…)?$/. */
  component: RegExp;
  /**
   * Whether a resource whose component is not a registry name — a variable (`${path('..')}`) or
   * a local path (`../../lib`), as the component repositories' own examples write it — still
   * counts, judged from the shape of its props.
   */
  unknownComponent?: (r: Resolver, props: YAMLMap) => boolean;
  /** Recognise the file (the document's root is a map). */
  detect(root: YAMLMap): boolean;
  schema: string;
  foreignKeys: Record<string, string>;
  buildFunction(r: Resolver, resource: string, props: YAMLMap, file: string, at: Location, text: string): FunctionDef;
  buildTriggers(r: Resolver, fn: FunctionDef, props: YAMLMap): Trigger[];
}

/** True when some resource of the map names one of the component's spellings literally. */
export function hasComponent(root: YAMLMap, key: string, component: RegExp): boolean {
  const all = root.get(key, true);
  if (!isMap(all)) return false;
  return all.items.some((p) => {
    const comp = isMap(p.value) ? p.value.get('component') : undefined;
    return typeof comp === 'string' && component.test(comp.trim());
  });
}

/** A component written as a variable or a local path rather than a registry name (`${path(../..)}`, `../../lib`, `/abs/fc.js`). */
export function isLocalComponent(comp: string): boolean {
  const c = comp.trim();
  return c.includes('${') || /^(\.{1,2}([\\/]|$)|[\\/~]|[A-Za-z]:[\\/])/.test(c);
}

/**
 * True when some resource of the map has a local or variable component and props of the
 * format's shape (`fits`): the structural fallback for files whose component is not a name.
 */
export function hasLocalComponent(root: YAMLMap, key: string, fits: (props: YAMLMap) => boolean): boolean {
  const all = root.get(key, true);
  if (!isMap(all)) return false;
  return all.items.some((p) => {
    if (!isMap(p.value)) return false;
    const comp = p.value.get('component');
    const props = p.value.get('props', true);
    return typeof comp === 'string' && isLocalComponent(comp) && isMap(props) && fits(props);
  });
}

export function serverlessDevsAdapter(spec: ServerlessDevsSpec): FormatAdapter {
  return {
    id: spec.id,
    vendor: spec.vendor,
    description: spec.description,
    fileNames: ['s.yaml', 's.yml'],
    detect(doc: Document.Parsed) {
      return isMap(doc.contents) && spec.detect(doc.contents);
    },
    build(doc, source, options): BuildResult {
      const root = doc.contents as YAMLMap;
      // --input-format names this format: it owns every resource of the file
      const forced = options.inputFormat === spec.id;
      const scope: ServerlessDevsScope = {
        root,
        resourcesKey: spec.resourcesKey,
        env: options.env ?? {},
        vars: options.vars,
      };
      const r = new Resolver(source, doc, serverlessDevsDialect(scope));
      const functions: FunctionDef[] = [];
      const triggers: Trigger[] = [];
      const targets: { name: string; props: Node }[] = [];
      const all = r.map(r.get(root, spec.resourcesKey));
      // a forced format never reports clean over what it could not read: each skipped part is named
      const skipped: NonNullable<BuildResult['formatIssues']> = [];
      const skip = (at: Location, what: string) => {
        if (forced)
          skipped.push({
            at,
            message: `--input-format ${spec.id}: ${what}, so nothing of it was checked; write it as ${spec.id} or pick the format that matches the file`,
          });
      };
      if (!all)
        skip(
          r.loc((root.items[0]?.key as Node | undefined) ?? root),
          `no ${spec.resourcesKey} map (${spec.id} declares its functions under ${spec.resourcesKey}.<name>.props)`,
        );
      for (const [name, pair] of all ? entries(all) : []) {
        const res = r.map(pair.value);
        if (!res) {
          skip(r.loc(pair.key), `${spec.resourcesKey}.${name} is not a map`);
          continue;
        }
        scope.current = { name, map: res };
        const component = r.str(r.get(res, 'component'));
        const propsNode = r.get(res, 'props');
        const props = r.map(propsNode);
        const comp = component?.value;
        const owned =
          forced ||
          (typeof comp === 'string' && spec.component.test(comp.trim())) ||
          ((typeof comp !== 'string' || isLocalComponent(comp)) && !!props && !!spec.unknownComponent?.(r, props));
        if (!owned) continue;
        r.touchAll(res);
        if (!props || !propsNode) {
          skip(r.loc(pair.key), `${spec.resourcesKey}.${name} has no props map`);
          continue;
        }
        targets.push({ name, props: propsNode });
        const fn = spec.buildFunction(r, name, props, source.path, r.loc(pair.key), source.text);
        functions.push(fn);
        triggers.push(...spec.buildTriggers(r, fn, props));
      }
      scope.current = undefined;
      return {
        functions,
        triggers,
        undefinedRefs: r.undefinedRefs,
        ...(r.limits.length ? { limits: r.limits } : {}),
        ...(skipped.length ? { formatIssues: skipped } : {}),
        schemaTargets: () =>
          targets.map(({ name, props }): SchemaTarget => {
            scope.current = { name, map: r.map(r.get(all, name))! };
            return {
              schema: spec.schema,
              view: r.json(props),
              label: `${spec.resourcesKey}.${name}.props`,
              foreignKeys: spec.foreignKeys,
            };
          }),
      };
    },
  };
}

/** `buildTriggers` for formats that list triggers under `props.triggers[]`. */
export function triggersList(
  build: (r: Resolver, fn: FunctionDef, t: YAMLMap, id: string) => Trigger,
): ServerlessDevsSpec['buildTriggers'] {
  return (r, fn, props) => {
    const out: Trigger[] = [];
    for (const [i, item] of (r.seq(r.get(props, 'triggers'))?.items ?? []).entries()) {
      const t = r.map(item as Node);
      if (t) out.push(build(r, fn, t, `${fn.id}#${i}`));
    }
    return out;
  };
}
