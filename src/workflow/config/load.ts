// Loading one .trigger-lint.yaml: parse with yaml@2, validate against
// schemas/trigger-lint-config.json (compiled ahead of time into src/generated/root.js), check
// rule ids, and turn every problem into one `path:line:col: message` UsageError (exit 2).
import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ErrorObject } from 'ajv';
import { validators } from '../../generated/root.js';
import { UsageError } from '../../source/errors.js';
import { didYouMean } from '../../source/suggest.js';
import { RULES } from '../../../rules/index.js';
import type { CodeBudget, RuleSetting } from '../../types.js';
import { suggestRuleId } from '../../engine/rule-ids.js';

export type Preset = 'recommended' | 'strict';

export interface ConfigOverride {
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** A validated configuration file. */
export interface ConfigFile {
  /** Absolute path of the file. */
  path: string;
  /** Folder the globs are relative to. */
  dir: string;
  extends: Preset;
  rules: Record<string, RuleSetting>;
  overrides: ConfigOverride[];
  ignore: string[];
  vars?: Record<string, unknown>;
  env?: Record<string, string>;
  limits: Record<string, number>;
  requireReason: boolean;
  /** `code: false`: do not read handler code. */
  code: boolean;
  /** `readEnv: true`: resolve `${env(…)}` from the process environment (when the run trusts this key). */
  readEnv: boolean;
  /** `codeBudget`: how long handler code may be read (a setting of the run). */
  codeBudget?: CodeBudget;
}

export const CONFIG_FILE_NAMES = ['.trigger-lint.yaml', '.trigger-lint.yml'];

/** Read and validate a configuration file; `display` is its path as shown in messages. */
export function loadConfigFile(path: string, display: string, dir: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `${display}: cannot read configuration file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseConfig(text, path, display, dir);
}

export function parseConfig(text: string, path: string, display: string, dir: string): ConfigFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const where = (offset: number) => {
    const p = lc.linePos(offset);
    return `${display}:${p.line}:${p.col}`;
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new UsageError(
      `${where(e.pos[0])}: ${e.message
        .split('\n')[0]
        .replace(/ at line \d+, column \d+.*$/, '')
        .replace(/\.$/, '')}`,
    );
  }
  const data = doc.contents === null ? {} : doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(
      `${where(doc.contents?.range?.[0] ?? 0)}: a configuration file must be a mapping of keys (extends, rules, overrides, ignore, vars, env, limits, requireReason, code, codeBudget, readEnv)`,
    );
  }
  const validate = validators['trigger-lint-config'];
  if (!validate(data)) {
    const [msg, node] = describe(validate.errors ?? [], doc);
    throw new UsageError(`${where(offsetOf(node))}: ${msg}`);
  }
  const ids = new Set(RULES.map((r) => r.id));
  const checkRules = (
    rules: Record<string, string> | undefined,
    path: (string | number)[],
  ): Record<string, RuleSetting> => {
    const out: Record<string, RuleSetting> = {};
    for (const [id, sev] of Object.entries(rules ?? {})) {
      if (!ids.has(id)) {
        const guess = suggestRuleId(id, ids);
        const key = keyNode(doc, path, id);
        throw new UsageError(
          `${where(offsetOf(key))}: unknown rule ${JSON.stringify(id)} in ${dotted(path)}; ${guess ? `did you mean ${JSON.stringify(guess)}?` : 'run trigger-lint --list-rules to see them'}`,
        );
      }
      out[id] = (sev === 'warn' ? 'warning' : sev) as RuleSetting;
    }
    return out;
  };
  const d = data as Record<string, any>;
  const files = (f: string | string[]) => (Array.isArray(f) ? f : [f]);
  return {
    path,
    dir,
    extends: d.extends ?? 'recommended',
    rules: checkRules(d.rules, ['rules']),
    overrides: (d.overrides ?? []).map((o: any, i: number) => ({
      files: files(o.files),
      rules: checkRules(o.rules, ['overrides', i, 'rules']),
    })),
    ignore: d.ignore ?? [],
    ...(d.vars ? { vars: d.vars } : {}),
    ...(d.env ? { env: Object.fromEntries(Object.entries(d.env).map(([k, v]) => [k, String(v)])) } : {}),
    limits: d.limits ?? {},
    requireReason: d.requireReason === true,
    code: d.code !== false,
    readEnv: d.readEnv === true,
    ...(d.codeBudget ? { codeBudget: d.codeBudget as CodeBudget } : {}),
  };
}

function dotted(path: (string | number)[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s || 'the configuration';
}

function segments(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function keyNode(doc: Document, path: (string | number)[], key: string): Node | undefined {
  const map = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isMap(map)) return undefined;
  for (const p of map.items) if (isPair(p) && isScalar(p.key) && String(p.key.value) === key) return p.key;
  return undefined;
}

function offsetOf(node: unknown): number {
  const r = (node as Node | undefined)?.range;
  return r ? r[0] : 0;
}

const TOP_KEYS = [
  'extends',
  'rules',
  'overrides',
  'ignore',
  'vars',
  'env',
  'limits',
  'requireReason',
  'code',
  'codeBudget',
  'readEnv',
];
const KEYS_AT: Record<string, string[]> = {
  '': TOP_KEYS,
  limits: ['aliyun', 'tencent', 'huawei', 'jdcloud', 'aws'],
  codeBudget: ['functionMs', 'runMs', 'functionSteps', 'runSteps'],
  override: ['files', 'rules'],
};

/** One message for the first (by position) ajv error, with the node it points at. */
function describe(errors: ErrorObject[], doc: Document): [string, unknown] {
  const candidates = errors
    .filter(
      (e) =>
        !(
          e.keyword === 'oneOf' &&
          errors.some(
            (x) => x !== e && x.instancePath === e.instancePath && x.keyword !== 'type' && x.keyword !== 'oneOf',
          )
        ),
    )
    .map((e) => explain(e, doc))
    .filter((c): c is [string, unknown] => !!c);
  candidates.sort((a, b) => offsetOf(a[1]) - offsetOf(b[1]));
  return candidates[0] ?? ['invalid configuration', doc.contents];
}

function explain(e: ErrorObject, doc: Document): [string, unknown] | undefined {
  const path = segments(e.instancePath);
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  const where = dotted(path);
  const value = JSON.stringify(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const parent =
        path.length === 0
          ? ''
          : path[0] === 'overrides' && path.length === 2
            ? 'override'
            : String(path[path.length - 1]);
      const known = KEYS_AT[parent];
      const guess = known ? didYouMean(key, known) : undefined;
      const remedy = guess
        ? `did you mean ${JSON.stringify(guess)}?`
        : known
          ? `use one of ${known.join(', ')}`
          : 'remove it';
      return [`unknown key ${JSON.stringify(key)} in ${where}; ${remedy}`, keyNode(doc, path, key) ?? node];
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.filter((v) => v !== 'warn').map(String);
      const guess = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
      const what =
        path[0] === 'rules' || path[2] === 'rules'
          ? `severity ${value} for rule ${JSON.stringify(String(path[path.length - 1]))}`
          : `${where} ${value}`;
      return [
        `unknown ${what}; ${guess ? `did you mean ${JSON.stringify(guess)}?` : `use one of ${allowed.join(', ')}`}`,
        node,
      ];
    }
    case 'required':
      return [`${where} needs ${JSON.stringify((e.params as { missingProperty: string }).missingProperty)}`, node];
    case 'type':
      return [`${where} must be ${describeType((e.params as { type: string | string[] }).type)}, not ${value}`, node];
    case 'oneOf':
      return [`${where} must be a glob or a list of globs, not ${value}`, node];
    case 'minimum':
      return [`${where} must be at least ${(e.params as { limit: number }).limit}, not ${value}`, node];
    case 'minItems':
    case 'minLength':
      return [`${where} must not be empty`, node];
    default:
      return [`${where} ${e.message}`, node];
  }
}

function describeType(t: string | string[]): string {
  const one = (x: string) =>
    x === 'object' ? 'a mapping' : x === 'array' ? 'a list' : x === 'integer' ? 'a whole number' : `a ${x}`;
  return Array.isArray(t) ? t.map(one).join(' or ') : one(t);
}
