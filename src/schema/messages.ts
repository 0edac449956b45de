// House-style messages for ajv errors (docs/architecture.md, "Messages"): the problem, the quoted value, the remedy;
// lowercase start, no trailing period. Schema annotations (see types.ts) supply names, hints
// and what to say about keys that belong elsewhere.
import { didYouMean, editDistance } from '../source/suggest.js';
import type { ForeignKey, SchemaNode } from './types.js';
import { describe, fieldPath, orList, typeWords } from './paths.js';
import type { Tagged } from './collapse.js';

/** Where an issue points: the key of the offending entry, the parent's key, or the value. */
export type Place = 'key' | 'parentKey' | 'value';

export interface Draft {
  pointer: string;
  place: Place;
  keyword: string;
  message: string;
  /** additionalProperties: the unknown key, and what it should be renamed to (unambiguous). */
  key?: string;
  rename?: string;
  /** additionalProperties: the required key this one stands for (its absence is not reported again). */
  replaces?: string;
  /** required: the missing key and its remedy. */
  missing?: string;
  hint?: string;
}

export interface MessageContext {
  label: string;
  foreignKeys?: Record<string, string>;
  /** How the file quotes a string: YAML `'…'` (default); Terraform and JSON `"…"`. */
  quote?: string;
}

const q = (v: unknown) => JSON.stringify(v);
/** `table[key]` when the table has it as its own entry (never an Object.prototype member). */
const own = <T>(table: Record<string, T> | undefined, key: string): T | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;
/** A number as YAML writes it: `.inf` and `-.inf` rather than JavaScript's Infinity. */
const yamlNumber = (v: unknown) =>
  v === Infinity ? '.inf' : v === -Infinity ? '-.inf' : typeof v === 'number' && Number.isNaN(v) ? '.nan' : String(v);

export function rewrite(t: Tagged, ctx: MessageContext): Draft {
  const e = t.error;
  const p = e.instancePath;
  const ps = (e.parentSchema ?? {}) as SchemaNode;
  const path = fieldPath(p, ctx.label);
  const hint = typeof ps['x-hint'] === 'string' ? ps['x-hint'] : undefined;
  const withHint = (m: string, sep = '; ') => (hint ? `${m}${sep}${hint}` : m);
  const xname = typeof ps['x-name'] === 'string' ? ps['x-name'] : undefined;
  const data = e.data;
  const base = { pointer: p, keyword: e.keyword };
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const present = data && typeof data === 'object' ? Object.keys(data) : [];
      const candidates = Object.keys(ps.properties ?? {}).filter((k) => !present.includes(k));
      const rename = suggestKey(key, candidates);
      // own entries only: a key named "toString" or "constructor" is just an unknown key
      const foreign = foreignOf(own(ps['x-foreign-keys'], key) ?? own(ctx.foreignKeys, key));
      let message = `unknown key ${q(key)} in ${path}`;
      if (foreign) message += `: ${foreign.message}`;
      else if (rename) message += `; did you mean ${q(rename)}?`;
      else {
        const allowed = Object.keys(ps.properties ?? {});
        if (allowed.length && allowed.length <= 10) message += `; allowed keys here: ${allowed.map(q).join(', ')}`;
      }
      return { ...base, place: 'key', message, key, rename, replaces: foreign?.replaces ?? rename };
    }
    case 'required': {
      const missing = String(e.params.missingProperty);
      const h = own(ps['x-required-hints'], missing);
      return {
        ...base,
        place: 'parentKey',
        message: `missing required key ${q(missing)} in ${path}`,
        missing,
        hint: h,
      };
    }
    case 'enum': {
      const allowed = (e.params.allowedValues ?? []) as unknown[];
      if (typeof data !== 'string' && typeof data !== 'number') {
        return {
          ...base,
          place: 'value',
          message: withHint(`expected ${orList(allowed)} for ${path}, got ${describe(data)}`),
        };
      }
      const v = yamlNumber(data);
      const head = xname ? `unknown ${xname} ${q(v)}` : `unknown value ${q(v)} for ${path}`;
      const strings = allowed.filter((a): a is string => typeof a === 'string');
      const stem = v.endsWith('*') ? v.slice(0, -1) : undefined;
      const expanded = stem ? strings.filter((a) => a.startsWith(stem) && a !== v) : [];
      if (expanded.length)
        return {
          ...base,
          place: 'value',
          message: `${head}: this wildcard is not accepted here; list the events you need instead: ${expanded.map(q).join(', ')}`,
        };
      const dm = suggestValue(v, strings);
      if (dm) return { ...base, place: 'value', message: `${head}; did you mean ${q(dm)}?` };
      if (allowed.length <= 10) return { ...base, place: 'value', message: `${head}; expected ${orList(allowed)}` };
      return { ...base, place: 'value', message: withHint(head) };
    }
    case 'const':
      return {
        ...base,
        place: 'value',
        message: withHint(`expected ${q(e.params.allowedValue)} for ${path}, got ${describe(data)}`),
      };
    case 'type': {
      let m = `expected ${typeWords(e.params.type)} for ${path}, got ${describe(data)}`;
      const want = String(e.params.type);
      if (
        typeof data === 'string' &&
        /\b(number|integer)\b/.test(want) &&
        data.trim() !== '' &&
        !Number.isNaN(Number(data))
      )
        m += `; write ${data} without quotes`;
      else if (typeof data === 'string' && /\bboolean\b/.test(want) && /^(true|false)$/i.test(data))
        m += `; write ${data.toLowerCase()} without quotes`;
      else if ((typeof data === 'number' || typeof data === 'boolean') && /\bstring\b/.test(want))
        m += `; quote it: ${ctx.quote ?? "'"}${yamlNumber(data)}${ctx.quote ?? "'"}`;
      return { ...base, place: 'value', message: withHint(m) };
    }
    case 'pattern': {
      const head = xname ? `invalid ${xname} ${q(data)}` : `invalid value ${q(data)} for ${path}`;
      return {
        ...base,
        place: 'value',
        message: hint ? `${head}: ${hint}` : `${head}; expected it to match /${e.params.pattern}/`,
      };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      if (typeof data === 'number' && Number.isNaN(data))
        return {
          ...base,
          place: 'value',
          message: withHint(`${path} is .nan, not a number; write a number of at least ${e.params.limit}`),
        };
      return {
        ...base,
        place: 'value',
        message: withHint(
          `${path} is ${yamlNumber(data)}, below the ${e.keyword === 'minimum' ? 'minimum' : 'exclusive minimum'} ${e.params.limit}`,
        ),
      };
    case 'maximum':
    case 'exclusiveMaximum':
      if (typeof data === 'number' && Number.isNaN(data))
        return {
          ...base,
          place: 'value',
          message: withHint(`${path} is .nan, not a number; write a number of at most ${e.params.limit}`),
        };
      return {
        ...base,
        place: 'value',
        message: withHint(
          `${path} is ${yamlNumber(data)}, above the ${e.keyword === 'maximum' ? 'maximum' : 'exclusive maximum'} ${e.params.limit}`,
        ),
      };
    case 'multipleOf': {
      const m = Number(e.params.multipleOf);
      if (typeof data === 'number' && !Number.isFinite(data))
        return {
          ...base,
          place: 'value',
          message: `${path} is ${yamlNumber(data)}, not a number; write a multiple of ${m}`,
        };
      const near = Math.max(m, Math.round(Number(data) / m) * m);
      return { ...base, place: 'value', message: `${path} is ${String(data)}, not a multiple of ${m}; use ${near}` };
    }
    case 'minItems':
      return {
        ...base,
        place: 'value',
        message: withHint(
          Array.isArray(data) && data.length === 0
            ? `${path} is an empty list; list at least ${e.params.limit === 1 ? 'one item' : `${e.params.limit} items`}`
            : `${path} has ${Array.isArray(data) ? data.length : 0} items; at least ${e.params.limit} are needed`,
        ),
      };
    case 'maxItems':
      return {
        ...base,
        place: 'value',
        message: withHint(
          `${path} has ${Array.isArray(data) ? data.length : '?'} items; at most ${e.params.limit} are allowed`,
        ),
      };
    case 'minLength':
      return {
        ...base,
        place: 'value',
        message: withHint(
          data === ''
            ? `${path} is an empty string`
            : `${path} ${q(data)} is shorter than ${e.params.limit} characters`,
        ),
      };
    case 'maxLength':
      return {
        ...base,
        place: 'value',
        message: withHint(`${path} is ${String(data).length} characters long; at most ${e.params.limit} are allowed`),
      };
    case 'uniqueItems':
      return {
        ...base,
        place: 'value',
        message: `${path} lists the same item twice (items ${e.params.j} and ${e.params.i}); remove one`,
      };
    case 'anyOf':
    case 'oneOf':
      if (t.forms?.length)
        return {
          ...base,
          place: 'value',
          message: withHint(`expected ${t.forms.join(' or ')} for ${path}, got ${describe(data)}`),
        };
      return {
        ...base,
        place: 'value',
        message: `${path} ${e.keyword === 'oneOf' ? 'matches more than one of the accepted forms' : 'matches none of the accepted forms'}`,
      };
    default:
      return { ...base, place: 'value', message: `${path} ${e.message ?? `breaks the schema (${e.keyword})`}` };
  }
}

function foreignOf(f: ForeignKey | undefined): { message: string; replaces?: string } | undefined {
  if (f === undefined) return undefined;
  return typeof f === 'string' ? { message: f } : f;
}

/**
 * Did-you-mean among enum values: a value that is the start of allowed ones is completed
 * (`oss:ObjectCreated:Put` → `oss:ObjectCreated:PutObject`, the closest completion); wildcard
 * values are only offered for a value that has a wildcard itself.
 */
export function suggestValue(v: string, allowed: string[]): string | undefined {
  const completions = allowed.filter((a) => a.startsWith(v) && a !== v);
  if (completions.length) {
    const ranked = completions.map((c) => ({ c, d: editDistance(v, c) })).sort((a, b) => a.d - b.d);
    return ranked.length === 1 || ranked[0].d < ranked[1].d ? ranked[0].c : undefined;
  }
  const pool = v.includes('*') ? allowed : allowed.filter((a) => !a.includes('*'));
  return didYouMean(v, pool);
}

/**
 * Did-you-mean among keys. Beyond the closest key: when formats accept two casings of a key
 * (`Suffix` and `suffix`), the one written in the input's casing wins the tie; and a key that
 * is the start of exactly one allowed key is completed (`cron` → `cronExpression`).
 */
export function suggestKey(input: string, candidates: string[]): string | undefined {
  const direct = didYouMean(input, candidates);
  if (direct) return direct;
  const lower = input.toLowerCase();
  const max = Math.max(1, Math.floor(Math.max(input.length, 3) / 3));
  const ranked = candidates.map((c) => ({ c, d: editDistance(lower, c.toLowerCase()) }));
  const best = Math.min(Infinity, ...ranked.map((r) => r.d));
  const closest = ranked.filter((r) => r.d === best).map((r) => r.c);
  const completions = candidates.filter((c) => c.toLowerCase().startsWith(lower) && c.length > input.length);
  for (const group of [best <= max ? closest : [], completions]) {
    if (!group.length || new Set(group.map((c) => c.toLowerCase())).size !== 1) continue;
    if (group.length === 1) return group[0];
    const sameCase = group.filter((c) => (c[0] === c[0].toUpperCase()) === (input[0] === input[0].toUpperCase()));
    if (sameCase.length === 1) return sameCase[0];
  }
  return undefined;
}
