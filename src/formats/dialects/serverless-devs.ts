// Serverless Devs variables (`${vars.x}`, `${this.props.x}`, `${this.name}`,
// `${resources.r.props.x}`, `${env('X', 'default')}`, `${config('AccountID')}`…), as the
// engine's regex `/\${([\w\W]*?)}/g` sees them (Serverless-Devs/toolkit parse-spec).
import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { Dialect, RefResult, Resolver } from '../resolve.js';
import { entries } from '../../source/yamlnav.js';
import { didYouMean } from '../../source/suggest.js';

export interface ServerlessDevsScope {
  root: YAMLMap | undefined;
  /** `resources` (edition 3) or `services` (edition 1). */
  resourcesKey: 'resources' | 'services';
  /** The resource being read, for `${this.*}`. */
  current?: { name: string; map: YAMLMap };
  env: Record<string, string | undefined>;
  /** Team-config values for `vars`, which win over the file's own. */
  vars?: Record<string, unknown>;
}

const CALL = /^([A-Za-z_]\w*)\s*\(([\s\S]*)\)$/;
const STRING_ARG = /^\s*(['"])((?:(?!\1).)*)\1\s*(?:,\s*([\s\S]*))?$/;

export function serverlessDevsDialect(scope: ServerlessDevsScope): Dialect {
  return {
    pattern: /\$\{([\w\W]*?)\}/g,
    context: () => scope.current?.map,
    evaluate(expr, r) {
      const call = CALL.exec(expr);
      if (call) return evalCall(call[1], call[2], scope, r);
      const path = expr.split('.').map((s) => s.trim());
      switch (path[0]) {
        case 'vars':
          return walkVars(path.slice(1), expr, scope, r);
        case 'this':
          return walkThis(path.slice(1), expr, scope, r);
        case 'resources':
        case 'services':
          return walkResource(path, expr, scope, r);
        default:
          return { kind: 'unknown', reason: `unsupported expression \${${expr}}` };
      }
    },
  };
}

function evalCall(fn: string, args: string, scope: ServerlessDevsScope, _r: Resolver): RefResult {
  if (fn === 'env') {
    const m = STRING_ARG.exec(args);
    if (!m) return { kind: 'unknown', reason: 'env() with a computed name' };
    const v = scope.env[m[2]];
    if (v !== undefined) return { kind: 'string', value: v };
    if (m[3] !== undefined) {
      const d = STRING_ARG.exec(m[3]);
      if (d && d[3] === undefined) return { kind: 'string', value: d[2] };
      return { kind: 'unknown', reason: `env('${m[2]}') default is an expression` };
    }
    return { kind: 'unknown', reason: `environment variable ${m[2]} is not set` };
  }
  return { kind: 'unknown', reason: `${fn}() is evaluated at deploy time` };
}

function navigate(
  start: YAMLMap,
  keys: string[],
  r: Resolver,
): { node?: Node; parent: YAMLMap; missing?: string; depth: number } {
  let cur: YAMLMap = start;
  for (let i = 0; i < keys.length; i++) {
    const child = r.get(cur, keys[i]);
    if (child === undefined && !r.has(cur, keys[i])) return { parent: cur, missing: keys[i], depth: i };
    if (i === keys.length - 1) return { node: child ?? undefined, parent: cur, depth: i };
    const next = r.map(child);
    if (!next) {
      const d = r.deref(child);
      if (!d || (d as { node?: Node }).node === undefined) return { parent: cur, depth: i }; // unknown
      return { parent: cur, missing: keys[i + 1], depth: i + 1 };
    }
    cur = next;
  }
  return { node: start, parent: start, depth: keys.length };
}

function undefinedIn(what: string, expr: string, parent: YAMLMap, missing: string, r: Resolver): RefResult {
  const keys = entries(parent).map(([k]) => k);
  const guess = didYouMean(missing, keys);
  const remedy = guess
    ? `did you mean "${guess}"?`
    : keys.length
      ? `define "${missing}" there or fix the reference`
      : `define it or fix the reference`;
  return {
    kind: 'undefined',
    message: `undefined variable "\${${expr}}": ${what} has no key "${missing}"; ${remedy}`,
    related: parent.range ? [{ at: r.loc(parent), message: `${what} is defined here` }] : undefined,
  };
}

function fromJs(value: unknown, keys: string[]): { found: boolean; value?: unknown } {
  let cur: unknown = value;
  for (const k of keys) {
    if (!cur || typeof cur !== 'object' || !(k in (cur as Record<string, unknown>))) return { found: false };
    cur = (cur as Record<string, unknown>)[k];
  }
  return { found: true, value: cur };
}

function walkVars(keys: string[], expr: string, scope: ServerlessDevsScope, r: Resolver): RefResult {
  if (keys.length === 0 || keys.some((k) => k === '')) return { kind: 'unknown', reason: 'malformed vars reference' };
  if (scope.vars) {
    const o = fromJs(scope.vars, keys);
    if (o.found && (typeof o.value === 'string' || typeof o.value === 'number' || typeof o.value === 'boolean')) {
      return { kind: 'string', value: String(o.value) };
    }
  }
  const varsNode = r.get(scope.root, 'vars');
  const vars = r.map(varsNode);
  if (!vars) {
    if (varsNode !== undefined) return { kind: 'unknown', reason: 'vars is not a map' };
    return {
      kind: 'undefined',
      message: `undefined variable "\${${expr}}": this file has no top-level "vars"; add vars: { ${keys[0]}: … } or fix the reference`,
    };
  }
  return resolveIn(vars, keys, expr, 'vars', r);
}

function resolveIn(map: YAMLMap, keys: string[], expr: string, what: string, r: Resolver): RefResult {
  const nav = navigate(map, keys, r);
  if (nav.missing !== undefined) {
    const path = [what, ...keys.slice(0, nav.depth)].join('.');
    return undefinedIn(path, expr, nav.parent, nav.missing, r);
  }
  if (nav.node === undefined) return { kind: 'unknown', reason: 'value is not known' };
  const pair = nav.parent.items.find((p) => isScalar(p.key) && String(p.key.value) === keys[keys.length - 1]);
  return { kind: 'node', node: nav.node, origin: r.loc((pair?.value ?? nav.node) as Node) };
}

function walkThis(keys: string[], expr: string, scope: ServerlessDevsScope, r: Resolver): RefResult {
  const cur = scope.current;
  if (!cur) return { kind: 'unknown', reason: '${this} outside a resource' };
  if (keys.length === 1 && keys[0] === 'name')
    return {
      kind: 'string',
      value: cur.name,
      origin: r.loc(r.keyNode(r.map(r.get(scope.root, scope.resourcesKey)), cur.name)),
    };
  if (keys.length === 1 && keys[0] === 'access') {
    const a = r.get(cur.map, 'access') ?? r.get(scope.root, 'access');
    return a ? { kind: 'node', node: a, origin: r.loc(a) } : { kind: 'unknown', reason: 'no access' };
  }
  if (keys[0] === 'props' && keys.length > 1) {
    const props = r.map(r.get(cur.map, 'props'));
    if (!props) return { kind: 'unknown', reason: 'props not known' };
    return resolveIn(props, keys.slice(1), expr, 'this.props', r);
  }
  return { kind: 'unknown', reason: `unsupported \${this.${keys.join('.')}}` };
}

function walkResource(path: string[], expr: string, scope: ServerlessDevsScope, r: Resolver): RefResult {
  const all = r.map(r.get(scope.root, scope.resourcesKey));
  if (!all || path.length < 2) return { kind: 'unknown', reason: 'no resources' };
  const name = path[1];
  const res = r.map(r.get(all, name));
  if (!res) {
    if (r.has(all, name)) return { kind: 'unknown', reason: 'resource not known' };
    return undefinedIn(scope.resourcesKey, expr, all, name, r);
  }
  if (path[2] === 'output' || path[2] === 'outputs') return { kind: 'unknown', reason: 'deploy output' };
  if (path[2] === 'props' && path.length > 3) {
    const props = r.map(r.get(res, 'props'));
    if (!props) return { kind: 'unknown', reason: 'props not known' };
    const prev = scope.current;
    scope.current = { name, map: res };
    try {
      return resolveIn(props, path.slice(3), expr, `${path[0]}.${name}.props`, r);
    } finally {
      scope.current = prev;
    }
  }
  return { kind: 'unknown', reason: `unsupported \${${expr}}` };
}
