// Documents from a format's grammar: a random instance of one of the JSON Schemas under
// schemas/config/ (the grammar trigger-lint itself validates against). Mostly valid — enums,
// consts, required keys and the if/then branch of each trigger type are honoured, so the
// adapters and rules get deep — with some wrong types, typo'd keys and out-of-range numbers.
import type { Rng } from './rng.js';
import { numberFor, stringFor, NAMES, TOKENS, REFERENCES, NUMBERS } from './values.js';

type Schema = { [k: string]: unknown };
const isObj = (x: unknown): x is Schema => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A key with one character dropped, doubled or re-cased (`sufix`, `prefixx`, `Prefix`). */
export function typo(rng: Rng, s: string): string {
  if (s.length < 2) return `${s}_`;
  const i = rng.int(0, s.length - 1);
  switch (rng.int(0, 2)) {
    case 0:
      return s.slice(0, i) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + s[i] + s.slice(i);
    default:
      return s[0] === s[0].toUpperCase() ? s[0].toLowerCase() + s.slice(1) : s[0].toUpperCase() + s.slice(1);
  }
}

function junk(rng: Rng): unknown {
  return rng.pick<unknown>([
    null,
    true,
    0,
    -1,
    1e21,
    '',
    [],
    {},
    rng.pick(TOKENS),
    rng.pick(REFERENCES),
    rng.pick(NUMBERS),
    [rng.pick(NAMES)],
    { x: 1 },
  ]);
}

export function generate(root: Schema, rng: Rng): unknown {
  const lookup = (ref: string): Schema => {
    let cur: unknown = root;
    for (const part of ref.replace(/^#\/?/, '').split('/').filter(Boolean))
      cur = isObj(cur) ? cur[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    return isObj(cur) ? cur : {};
  };
  const deref = (s: unknown): Schema => {
    let cur = isObj(s) ? s : {};
    for (let n = 0; typeof cur.$ref === 'string' && n < 20; n++)
      cur = { ...lookup(cur.$ref), ...Object.fromEntries(Object.entries(cur).filter(([k]) => k !== '$ref')) };
    return cur;
  };
  const merge = (a: Schema, b: Schema): Schema => {
    const out: Schema = { ...a, ...b };
    if (isObj(a.properties) && isObj(b.properties)) {
      const props: Schema = { ...a.properties };
      for (const [k, v] of Object.entries(b.properties)) props[k] = k in props ? merge(deref(props[k]), deref(v)) : v;
      out.properties = props;
    }
    if (Array.isArray(a.required) || Array.isArray(b.required))
      out.required = [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])];
    return out;
  };
  /** Resolve $ref, allOf, if/then/else, anyOf/oneOf into one plain schema (one branch chosen). */
  const normalise = (input: unknown): Schema => {
    let s = deref(input);
    for (let n = 0; n < 6; n++) {
      const { allOf, anyOf, oneOf, if: cond, then, else: otherwise, ...rest } = s;
      if (Array.isArray(allOf)) {
        let out: Schema = rest;
        const parts = allOf.map(deref);
        for (const p of parts.filter((p) => !p.if)) out = merge(out, p);
        const conditionals = parts.filter((p) => p.if);
        if (conditionals.length && rng.chance(0.9)) {
          const c = rng.pick(conditionals);
          out = merge(out, merge(deref(c.if), deref(c.then)));
        }
        s = {
          ...out,
          ...(anyOf ? { anyOf } : {}),
          ...(oneOf ? { oneOf } : {}),
          ...(cond ? { if: cond, then, else: otherwise } : {}),
        };
        continue;
      }
      if (cond) {
        s = rng.chance(0.75)
          ? merge(merge(rest, deref(cond)), deref(then))
          : otherwise
            ? merge(rest, deref(otherwise))
            : rest;
        if (anyOf) s.anyOf = anyOf;
        if (oneOf) s.oneOf = oneOf;
        continue;
      }
      const branches = (anyOf ?? oneOf) as unknown[] | undefined;
      if (Array.isArray(branches) && branches.length) {
        s = merge(rest, deref(rng.pick(branches)));
        continue;
      }
      return s;
    }
    return s;
  };

  const gen = (input: unknown, key: string, depth: number): unknown => {
    const s = normalise(input);
    if (rng.chance(0.015)) return junk(rng);
    if ('const' in s) return rng.chance(0.97) ? s.const : typeof s.const === 'string' ? typo(rng, s.const) : junk(rng);
    if (Array.isArray(s.enum) && s.enum.length) {
      const v = rng.pick(s.enum);
      return typeof v === 'string' && rng.chance(0.06) ? typo(rng, v) : v;
    }
    const types = Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : [];
    const type = types.length
      ? rng.pick(types)
      : s.properties || s.additionalProperties
        ? 'object'
        : s.items
          ? 'array'
          : rng.pick(['string', 'number', 'boolean', 'object']);
    if (depth > 9 && (type === 'object' || type === 'array')) return stringFor(rng, key);
    switch (type) {
      case 'object':
        return object(s, depth);
      case 'array': {
        const min = typeof s.minItems === 'number' ? s.minItems : 0;
        const max = typeof s.maxItems === 'number' ? Math.min(s.maxItems, min + 4) : min + 3;
        const n = rng.chance(0.05) ? max + 1 : rng.int(Math.min(min, max), max);
        return Array.from({ length: n }, () => gen(s.items ?? {}, key, depth + 1));
      }
      case 'string':
        return stringFor(rng, key);
      case 'integer':
      case 'number':
        return numberFor(rng, s.minimum as number | undefined, s.maximum as number | undefined, type === 'integer');
      case 'boolean':
        return rng.chance(0.5);
      case 'null':
        return null;
      default:
        return stringFor(rng, key);
    }
  };

  const object = (s: Schema, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const props = isObj(s.properties) ? s.properties : {};
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    for (const [k, sub] of Object.entries(props)) {
      if (required.has(k) ? rng.chance(0.96) : rng.chance(0.45))
        out[rng.chance(0.02) ? typo(rng, k) : k] = gen(sub, k, depth + 1);
    }
    for (const k of required) if (!(k in props) && rng.chance(0.9)) out[k] = stringFor(rng, k);
    const extra = isObj(s.additionalProperties)
      ? s.additionalProperties
      : isObj(s.patternProperties)
        ? Object.values(s.patternProperties)[0]
        : undefined;
    if (extra) {
      for (let i = rng.int(Object.keys(props).length ? 0 : 1, 3); i > 0; i--)
        out[`${rng.pick(NAMES).slice(0, 12)}${rng.int(0, 3) || ''}`] = gen(extra, 'name', depth + 1);
    } else if (s.additionalProperties !== false && !Object.keys(props).length && rng.chance(0.5)) {
      out[rng.pick(['x', 'bucketName', 'events', 'filter', 'key', 'prefix', 'cronExpression', 'enable'])] = junk(rng);
    }
    return out;
  };

  return gen(root, 'root', 0);
}
