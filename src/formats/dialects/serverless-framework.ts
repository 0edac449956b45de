// Serverless Framework / Serverless Components variables, as written in Tencent SCF, Huawei and
// AWS `serverless.yml` files:
//   ${env:X}            the environment (LintOptions.env); unknown when unset
//   ${env:X, 'dflt'}    Framework fallback: the default when X is unset
//   ${self:a.b}         a path in the file itself; a path that names nothing is undefined
//   ${opt:…} ${sls:…} ${output:…} ${ssm:…} ${cf:…} ${file(…)} …   known only at deploy time
//   ${app} ${stage} ${name} ${org}   (Serverless Components only) the file's own top-level keys.
// Components defaults: "app: 留空则默认取当前组件的实例名称为app名称" (app defaults to the instance
// name, and a project's root serverless.yml can set it for every instance) and stage defaults to
// dev but `--stage` overrides it; so a missing `app:`/`stage:` is unknown, not undefined. `name`
// is required in a Components file: `${name}` with no `name:` key names nothing.
// One level of nesting is matched (`${output:${stage}:${app}:x.y}`); a nested reference is unknown.
import type { YAMLMap } from 'yaml';
import type { Dialect, RefResult, Resolver } from '../resolve.js';
import { entries } from '../../source/yamlnav.js';
import { didYouMean } from '../../source/suggest.js';

export interface ServerlessFrameworkScope {
  root: YAMLMap | undefined;
  env: Record<string, string | undefined>;
  /** Serverless Components (`component: scf`): bare `${app}`, `${stage}`, `${name}`, `${org}`. */
  components: boolean;
}

const COMPONENT_KEYS = ['app', 'stage', 'name', 'org'];
const DEPLOY_TIME = /^(opt|sls|output|ssm|cf|s3|aws|param|file|git|strToBool)\b/;
const FALLBACK = /^([\s\S]*?),\s*(['"])((?:(?!\2).)*)\2\s*$/;

export function serverlessFrameworkDialect(scope: ServerlessFrameworkScope): Dialect {
  return {
    pattern: /\$\{((?:[^{}]|\$\{[^{}]*\})*)\}/g,
    evaluate(raw, r) {
      const fb = FALLBACK.exec(raw);
      const expr = (fb ? fb[1] : raw).trim();
      const res = evaluate(expr, scope, r);
      if (fb && (res.kind === 'unknown' || res.kind === 'undefined')) return { kind: 'string', value: fb[3] };
      return res;
    },
  };
}

function evaluate(expr: string, scope: ServerlessFrameworkScope, r: Resolver): RefResult {
  if (expr.includes('${')) return { kind: 'unknown', reason: `nested reference \${${expr}}` };
  if (expr.startsWith('env:')) {
    const name = expr.slice(4).trim();
    const v = scope.env[name];
    return v !== undefined
      ? { kind: 'string', value: v }
      : { kind: 'unknown', reason: `environment variable ${name} is not set` };
  }
  if (expr.startsWith('self:')) return self(expr, expr.slice(5).trim(), scope, r);
  if (DEPLOY_TIME.test(expr)) return { kind: 'unknown', reason: `\${${expr}} is resolved at deploy time` };
  if (scope.components && COMPONENT_KEYS.includes(expr)) {
    const node = r.get(scope.root, expr);
    if (node !== undefined && node !== null) return { kind: 'node', node, origin: r.loc(node) };
    if (expr === 'name') {
      return {
        kind: 'undefined',
        message: `undefined variable "\${name}": this file has no top-level "name" (the instance name, which Serverless Components requires); add name: <instance-name>`,
      };
    }
    return { kind: 'unknown', reason: `${expr} is not set in this file (the default or the project's value applies)` };
  }
  return { kind: 'unknown', reason: `unsupported expression \${${expr}}` };
}

/** `${self:a.b.c}`: a path from the file's root; an empty path is the whole file. */
function self(expr: string, path: string, scope: ServerlessFrameworkScope, r: Resolver): RefResult {
  if (!scope.root) return { kind: 'unknown', reason: 'no document' };
  if (path === '') return { kind: 'unknown', reason: 'reference to the whole file' };
  const keys = path.split('.');
  let cur: YAMLMap = scope.root;
  let where = 'this file';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (!r.has(cur, k)) {
      const known = entries(cur).map(([x]) => x);
      const guess = didYouMean(k, known);
      const remedy = guess ? `did you mean "${guess}"?` : `define "${k}" there or fix the reference`;
      return {
        kind: 'undefined',
        message: `undefined variable "\${${expr}}": ${where} has no key "${k}"; ${remedy}`,
        related:
          cur.range && cur !== scope.root ? [{ at: r.loc(cur), message: `${where} is defined here` }] : undefined,
      };
    }
    const child = r.get(cur, k);
    if (i === keys.length - 1)
      return child === undefined || child === null
        ? { kind: 'unknown', reason: 'empty value' }
        : { kind: 'node', node: child, origin: r.loc(child) };
    const next = r.map(child);
    if (!next) return { kind: 'unknown', reason: `${keys.slice(0, i + 1).join('.')} is not a known map` };
    cur = next;
    where = keys.slice(0, i + 1).join('.');
  }
  return { kind: 'unknown', reason: 'unreachable' };
}
