// Validate a parsed event against its vendor/type schema and turn ajv's errors into house-style
// messages (docs/architecture.md, "Messages"): the problem, the quoted value, then the remedy; `required` at the
// parent key, unknown and misspelt keys at the key (with did-you-mean), everything else at the
// value; if/then/else branch noise dropped.
import { validators } from '../generated/events.js';
import { didYouMean } from '../source/suggest.js';
import { SCHEMAS, type JsonSchema } from './schemas.js';
import { sampleEvent } from './sample.js';
import { displayPath, lineColOf, pathOfPointer, type ParsedEvent, type Range, type Segment } from './parse.js';

export interface EventDiagnostic {
  severity: 'error' | 'warning';
  message: string;
  path: Segment[];
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---- schema navigation (for property names, descriptions, hints) -------------------------------

function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let cur: unknown = root;
  for (const seg of ref.slice(2).split('/')) cur = isObj(cur) ? cur[seg] : undefined;
  return isObj(cur) ? cur : undefined;
}

/** A schema with its $ref resolved and the schemas of its if/then/else and allOf branches. */
function expand(root: JsonSchema, s: JsonSchema | undefined, depth = 0): JsonSchema[] {
  if (!s || depth > 20) return [];
  const out: JsonSchema[] = [];
  if (typeof s.$ref === 'string') out.push(...expand(root, resolveRef(root, s.$ref), depth + 1));
  else out.push(s);
  for (const k of ['then', 'else'] as const) if (isObj(s[k])) out.push(...expand(root, s[k], depth + 1));
  if (Array.isArray(s.allOf)) for (const b of s.allOf) if (isObj(b)) out.push(...expand(root, b, depth + 1));
  return out;
}

/** The schemas (branches included) that apply to the value at `path`. */
export function schemasAt(root: JsonSchema, path: Segment[]): JsonSchema[] {
  let cur = expand(root, root);
  for (const seg of path) {
    const next: JsonSchema[] = [];
    for (const s of cur) {
      const props = s.properties as Record<string, JsonSchema> | undefined;
      if (typeof seg === 'string' && props && isObj(props[seg])) next.push(...expand(root, props[seg]));
      else if (typeof seg === 'number' && isObj(s.items)) next.push(...expand(root, s.items));
      else if (typeof seg === 'string' && isObj(s.additionalProperties))
        next.push(...expand(root, s.additionalProperties));
    }
    cur = next;
  }
  return cur;
}

function propertyNames(schemas: JsonSchema[]): string[] {
  const names = new Set<string>();
  for (const s of schemas) if (isObj(s.properties)) for (const k of Object.keys(s.properties)) names.add(k);
  return [...names];
}

function propertySchema(schemas: JsonSchema[], key: string): JsonSchema | undefined {
  for (const s of schemas) {
    const p = (s.properties as Record<string, JsonSchema> | undefined)?.[key];
    if (p) return p;
  }
  return undefined;
}

const hintOf = (s: JsonSchema | undefined): string | undefined =>
  typeof s?.['x-hint'] === 'string' ? s['x-hint'] : undefined;
const lowerFirst = (t: string) => (/^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);

// ---- wording -------------------------------------------------------------------------------------

function short(v: unknown, max = 60): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…${s.startsWith('"') ? '"' : ''}` : s;
}

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${short(v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'an array';
  return 'an object';
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};
const expectedTypes = (t: unknown) =>
  String(t)
    .split(',')
    .map((x) => TYPE_WORDS[x] ?? x)
    .join(' or ');

/** The concrete fix for a wrong JSON type, when there is an obvious one. */
function typeFix(expected: string, v: unknown): string | undefined {
  const types = expected.split(',');
  if (
    (types.includes('integer') || types.includes('number')) &&
    typeof v === 'string' &&
    /^-?\d+(\.\d+)?$/.test(v.trim())
  )
    return `write ${v.trim()} without quotes`;
  if (types.includes('boolean') && typeof v === 'string' && /^(true|false)$/i.test(v.trim()))
    return `write ${v.trim().toLowerCase()} without quotes`;
  if (types.includes('string') && typeof v === 'number') return `quote it: "${v}"`;
  if (types.includes('array') && isObj(v)) return 'wrap it in [ ]: a list of records';
  return undefined;
}

const PREFIX = /^(oss|cos|s3|obs|acs:oss):\s*/;

/** The allowed value a misspelt enum value most likely meant. */
export function suggestEnum(value: string, allowed: string[]): string | undefined {
  const squeezed = value.replace(/\s+/g, '');
  if (allowed.includes(squeezed) && squeezed !== value) return squeezed;
  const bare = squeezed.replace(PREFIX, '');
  if (bare !== squeezed && allowed.includes(bare)) return bare;
  const prefixed = allowed.filter((a) => a.replace(PREFIX, '') === bare && a !== squeezed);
  if (prefixed.length === 1) return prefixed[0];
  const longer = allowed.filter((a) => a.replace(PREFIX, '').startsWith(bare) && bare.includes(':'));
  if (longer.length === 1) return longer[0];
  const dym =
    didYouMean(squeezed, allowed) ??
    didYouMean(
      bare,
      allowed.map((a) => a.replace(PREFIX, '')),
    );
  if (dym && !allowed.includes(dym)) return allowed.find((a) => a.replace(PREFIX, '') === dym);
  return dym;
}

// ---- examples from the sample ----------------------------------------------------------------------

function exampleAt(id: string, parent: Segment[], key: string): unknown {
  let cur: unknown;
  try {
    cur = sampleEvent(id).event;
  } catch {
    return undefined;
  }
  if (Array.isArray(cur) && (parent.length === 0 || typeof parent[0] !== 'number')) cur = cur[0];
  for (const seg of parent) {
    if (typeof seg === 'number') cur = Array.isArray(cur) ? cur[0] : undefined;
    else cur = isObj(cur) ? cur[seg] : undefined;
  }
  return isObj(cur) ? cur[key] : undefined;
}

// ---- validation ------------------------------------------------------------------------------------

interface Raw {
  severity: 'error' | 'warning';
  message: string;
  path: Segment[];
  range: Range;
}

export function validateEvent(parsed: ParsedEvent, id: string): EventDiagnostic[] {
  const validate = validators[`events/${id}`];
  const root = SCHEMAS[id];
  if (!validate || !root) throw new Error(`no schema for ${id}`);
  validate(parsed.value);
  const errors = validate.errors ?? [];
  const value = parsed.value;
  const out: Raw[] = [];

  const valueAt = (path: Segment[]): unknown => {
    let cur: unknown = value;
    for (const s of path) cur = Array.isArray(cur) ? cur[s as number] : isObj(cur) ? cur[s as string] : undefined;
    return cur;
  };
  const whereOf = (path: Segment[]) => (path.length ? displayPath(path) : 'the event');
  const valueRange = (path: Segment[]): Range => parsed.locate(path)?.value ?? { start: 0, end: 1 };
  const parentRange = (path: Segment[]): Range => {
    const l = parsed.locate(path);
    if (l?.key) return l.key;
    if (l) return { start: l.value.start, end: l.value.start + 1 };
    return { start: 0, end: 1 };
  };

  // Unknown keys close to a schema property: a misspelling of a missing required key is an error
  // (reported instead of the `required` error), of an optional key a warning.
  const misspelt = new Map<string, { key: string; suggestion: string }[]>();
  const misspeltPaths = new Map<string, Segment[]>();
  const walk = (v: unknown, path: Segment[]) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (!isObj(v)) return;
    const schemas = schemasAt(root, path);
    const names = propertyNames(schemas);
    if (names.length) {
      const absent = names.filter((n) => !(n in v));
      for (const key of Object.keys(v)) {
        if (names.includes(key)) continue;
        const suggestion = didYouMean(key, absent);
        if (suggestion) {
          const k = path.join('\u0000');
          misspelt.set(k, [...(misspelt.get(k) ?? []), { key, suggestion }]);
          misspeltPaths.set(k, path);
        }
      }
    }
    for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  const usedMisspellings = new Set<string>();

  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const path = pathOfPointer(e.instancePath, value);
    const where = whereOf(path);
    const data = valueAt(path);
    const ps = e.parentSchema;
    const hint = hintOf(ps);
    switch (e.keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        const candidates = misspelt.get(path.join('\u0000')) ?? [];
        const typo = candidates.find((c) => c.suggestion === missing);
        const propSchema = propertySchema(schemasAt(root, path), missing);
        const h = hintOf(propSchema);
        if (typo) {
          usedMisspellings.add(`${path.join('\u0000')}\u0001${typo.key}`);
          const keyRange = parsed.locate([...path, typo.key])?.key ?? parentRange(path);
          const aboutKey = h !== undefined && h.includes(`"${missing}"`);
          out.push({
            severity: 'error',
            path: [...path, typo.key],
            range: keyRange,
            message: `unknown key "${typo.key}" in ${where}; did you mean "${missing}"?${aboutKey ? ` (${h})` : ''}`,
          });
          break;
        }
        const about =
          h !== undefined && h.includes(`"${missing}"`)
            ? h
            : typeof propSchema?.description === 'string'
              ? lowerFirst(propSchema.description)
              : h;
        const ex = exampleAt(id, path, missing);
        const example = ex !== undefined ? `, e.g. "${missing}": ${short(ex, 50)}` : '';
        out.push({
          severity: 'error',
          path,
          range: parentRange(path),
          message: `missing required key "${missing}" in ${where}${about ? `: ${about}` : ''}; add it${example}`,
        });
        break;
      }
      case 'type': {
        const expected = String((e.params as { type: string | string[] }).type);
        const fix = typeFix(expected, data);
        const remedy = [hint, fix].filter(Boolean).join(': ');
        out.push({
          severity: 'error',
          path,
          range: valueRange(path),
          message: `${where}: expected ${expectedTypes(expected)}, got ${describeValue(data)}${remedy ? `; ${remedy}` : ''}`,
        });
        break;
      }
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const last = path[path.length - 1];
        const noun =
          (typeof last === 'string' && /event/i.test(last)) || allowed.some((a) => a.includes(':')) ? 'event' : 'value';
        let message: string;
        if (typeof data === 'string') {
          const s = suggestEnum(data, allowed);
          const prefixIssue = s !== undefined && s.replace(PREFIX, '') === data.replace(/\s+/g, '').replace(PREFIX, '');
          message = s
            ? `${where}: unknown ${noun} ${short(data)}; did you mean "${s}"?${prefixIssue && hint ? ` (${hint})` : ''}`
            : `${where}: unknown ${noun} ${short(data)}; expected one of ${allowed
                .slice(0, 8)
                .map((a) => `"${a}"`)
                .join(', ')}${allowed.length > 8 ? ', …' : ''}`;
        } else {
          message = `${where}: expected one of ${allowed
            .slice(0, 8)
            .map((a) => `"${a}"`)
            .join(', ')}, got ${describeValue(data)}`;
        }
        out.push({ severity: 'error', path, range: valueRange(path), message });
        break;
      }
      case 'const': {
        const c = (e.params as { allowedValue: unknown }).allowedValue;
        out.push({
          severity: 'error',
          path,
          range: valueRange(path),
          message: `${where}: expected ${short(c)}, got ${describeValue(data)}${hint ? `; ${hint}` : ''}`,
        });
        break;
      }
      case 'pattern': {
        const shape = typeof ps?.['x-shape'] === 'string' ? ps['x-shape'] : undefined;
        const ex = Array.isArray(ps?.examples)
          ? (ps.examples as unknown[]).find((x) => typeof x === 'string')
          : undefined;
        const like = ex !== undefined ? `write it like ${short(ex)}` : '';
        const msg = shape
          ? `${where}: ${short(data)} does not look like ${shape}${like ? `; ${like}` : ''}`
          : `${where}: ${short(data)} does not have the expected shape${hint ? `; ${hint}` : ''}${ex !== undefined ? `, e.g. ${short(ex)}` : ''}`;
        out.push({ severity: 'error', path, range: valueRange(path), message: msg });
        break;
      }
      case 'minItems':
        out.push({
          severity: 'error',
          path,
          range: valueRange(path),
          message: `${where}: the list is empty; a delivered event always carries at least one record`,
        });
        break;
      default:
        out.push({
          severity: 'error',
          path,
          range: valueRange(path),
          message: `${where}: ${e.message ?? 'is not valid'}`,
        });
    }
  }

  for (const [k, list] of misspelt) {
    const path = misspeltPaths.get(k) ?? [];
    for (const { key, suggestion } of list) {
      if (usedMisspellings.has(`${k}\u0001${key}`)) continue;
      const range = parsed.locate([...path, key])?.key ?? parentRange(path);
      out.push({
        severity: 'warning',
        path: [...path, key],
        range,
        message: `unknown key "${key}" in ${whereOf(path)}; did you mean "${suggestion}"?`,
      });
    }
  }

  const seen = new Set<string>();
  return out
    .filter((d) => {
      const k = `${d.range.start}:${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.range.start - b.range.start || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .map((d) => toDiagnostic(parsed.text, d));
}

export function toDiagnostic(
  text: string,
  d: { severity: 'error' | 'warning'; message: string; path: Segment[]; range: Range },
): EventDiagnostic {
  const s = lineColOf(text, d.range.start);
  const e = lineColOf(text, d.range.end);
  return {
    severity: d.severity,
    message: d.message,
    path: d.path,
    start: d.range.start,
    end: d.range.end,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
  };
}
