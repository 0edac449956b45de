// Tencent Cloud SCF CLI / TCSAM `template.yaml` (spec 2018-11-11): `Resources.<namespace>` of
// `Type: TencentCloud::Serverless::Namespace` holds functions of `Type:
// TencentCloud::Serverless::Function`; triggers are `Properties.Events.<name>` with `Type: COS |
// Timer | APIGW | CMQ | CKafka` and their own `Properties` (PascalCase). A COS trigger's key is
// its bucket domain by convention. The region comes from the CLI's configuration, not the file.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { FormatAdapter, BuildResult, SchemaTarget } from './types.js';
import type { FunctionDef, Trigger } from '../model/model.js';
import { Resolver } from './resolve.js';
import { entries } from '../source/yamlnav.js';
import { tencentEnv, tencentTrigger, tencentWrites } from './tencent-scf.js';
import { codeRef } from './common.js';

const FUNCTION = 'TencentCloud::Serverless::Function';
const NAMESPACE = 'TencentCloud::Serverless::Namespace';

function typeOf(m: YAMLMap): string {
  const t = m.get('Type');
  return typeof t === 'string' ? t.trim() : '';
}

/** [namespace, function key, function map, key node] for every function in the template. */
function functionsOf(r: Resolver, root: YAMLMap): { ns: string; key: string; map: YAMLMap; keyNode: Node }[] {
  const out: { ns: string; key: string; map: YAMLMap; keyNode: Node }[] = [];
  const resources = r.map(r.get(root, 'Resources'));
  for (const [k, pair] of resources ? entries(resources) : []) {
    const m = r.map(pair.value);
    if (!m) continue;
    if (typeOf(m) === FUNCTION) {
      out.push({ ns: 'default', key: k, map: m, keyNode: pair.key });
      continue;
    }
    if (typeOf(m) !== NAMESPACE) continue;
    for (const [fk, fp] of entries(m)) {
      const fm = r.map(fp.value);
      if (fm && typeOf(fm) === FUNCTION) out.push({ ns: k, key: fk, map: fm, keyNode: fp.key });
    }
  }
  return out;
}

const tencentTcsam: FormatAdapter = {
  id: 'tencent-tcsam',
  vendor: 'tencent',
  description: 'Tencent Cloud SCF CLI template.yaml (TCSAM 2018-11-11, TencentCloud::Serverless::Function)',
  fileNames: ['template.yaml', 'template.yml'],
  detect(doc) {
    const root = doc.contents;
    if (!isMap(root)) return false;
    const res = root.get('Resources', true);
    if (!isMap(res)) return false;
    return res.items.some((p) => {
      const v = p.value;
      if (!isMap(v)) return false;
      if (typeOf(v) === FUNCTION) return true;
      return typeOf(v) === NAMESPACE && v.items.some((q) => isMap(q.value) && typeOf(q.value) === FUNCTION);
    });
  },
  build(doc, source): BuildResult {
    const root = doc.contents as YAMLMap;
    const r = new Resolver(source, doc, null);
    const functions: FunctionDef[] = [];
    const triggers: Trigger[] = [];
    const globals = r.map(r.get(r.map(r.get(root, 'Globals')), 'Function'));
    const found = functionsOf(r, root);
    for (const { ns, key, map, keyNode } of found) {
      const props = r.map(r.get(map, 'Properties'));
      const at = r.loc(keyNode);
      const env = tencentEnv(r, r.get(globals, 'Environment'), r.get(props, 'Environment'));
      const fn: FunctionDef = {
        id: `${source.path}#${ns}/${key}`,
        name: { value: key, at },
        vendor: 'tencent',
        format: 'tencent-tcsam',
        env: env.env,
        writes: [],
        at,
      };
      fn.writes.push(...tencentWrites(fn, env.keys));
      fn.code = codeRef(
        r,
        [r.get(props, 'CodeUri'), r.get(globals, 'CodeUri')],
        r.get(props, 'Handler') ?? r.get(globals, 'Handler'),
        r.get(props, 'Runtime') ?? r.get(globals, 'Runtime'),
      );
      functions.push(fn);
      const events = r.map(r.get(props, 'Events'));
      for (const [name, pair] of events ? entries(events) : []) {
        const ev = r.map(pair.value);
        if (!ev) continue;
        const type = String(
          r.get(ev, 'Type') && isScalar(r.get(ev, 'Type')) ? (r.get(ev, 'Type') as { value: unknown }).value : '',
        ).toLowerCase();
        const tAt = r.loc(ev);
        triggers.push(
          tencentTrigger(r, fn, {
            type,
            params: r.map(r.get(ev, 'Properties')),
            name: { value: name, at: r.loc(pair.key) },
            id: `${fn.id}#${name}`,
            at: tAt,
          }),
        );
      }
    }
    return {
      functions,
      triggers,
      undefinedRefs: r.undefinedRefs,
      ...(r.limits.length ? { limits: r.limits } : {}),
      schemaTargets: (): SchemaTarget[] => [
        { schema: 'config/tencent-tcsam', view: r.json(root), label: 'template.yaml' },
      ],
    };
  },
};

export default tencentTcsam;
