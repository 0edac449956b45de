// JSON pointers: parsing, ancestry, the dotted field path used in messages
// (`triggers[0].triggerConfig.filter.key`), and plain-words descriptions of values.
import { UNKNOWN_MARK } from '../formats/resolve.js';

export function segments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function child(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function parent(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

/** True when `pointer` is `ancestor` or lies under it. */
export function isAtOrUnder(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/**
 * Dotted path relative to the target: `triggers[0].triggerConfig.filter.key`. The root is the
 * target's label. Numeric segments are rendered as indexes (object keys that are digits too,
 * which is rare in configs and harmless in a message).
 */
export function fieldPath(pointer: string, rootLabel: string): string {
  const segs = segments(pointer);
  if (!segs.length) return rootLabel;
  // a list at the root has no key of its own: its items are spoken of through the label
  let out = /^\d+$/.test(segs[0]) ? rootLabel : '';
  for (const s of segs) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** A value in words: `the number 10`, `the string "10"`, `a list`, `null`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value === UNKNOWN_MARK ? 'an unknown value' : `the string ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'bigint':
      return `the number ${value}`;
    case 'object':
      return taggedScalar(value) ?? 'a map';
    default:
      return String(value);
  }
}

/** A YAML tagged scalar that yaml@2 reads into an object (`!!timestamp`, `!!binary`, `!!set`, `!!omap`). */
function taggedScalar(value: object): string | undefined {
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? 'a timestamp'
      : `the timestamp ${value.toISOString()} (quote it to make it a string)`;
  if (value instanceof Uint8Array) return 'binary data (!!binary)';
  if (value instanceof Set) return 'a set (!!set)';
  if (value instanceof Map) return 'an ordered map (!!omap)';
  return undefined;
}

/** A JSON Schema type as a message says it. */
export const ARTICLE: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'a map',
  array: 'a list',
  null: 'null',
};

/** `a string`, `an integer or a string`. */
export function typeWords(type: unknown): string {
  const list = Array.isArray(type) ? type : String(type).split(',');
  const words = list.map((t) => ARTICLE[String(t)] ?? String(t));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function orList(values: unknown[]): string {
  const q = values.map((v) => JSON.stringify(v));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

export function andList(values: string[]): string {
  const q = values.map((v) => JSON.stringify(v));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
