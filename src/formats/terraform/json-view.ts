// A Terraform value as the JSON view the `schema` rule checks (src/model/schema-target.ts): the
// value with the location of every key and value, and the pointers whose value trigger-lint did not
// evaluate (unknown: never a schema error). Used for the JSON a trigger's `config` holds.
import type { JsonView } from '../../model/schema-target.js';
import type { Location } from '../../types.js';
import { UNKNOWN_MARK } from '../resolve.js';
import type { TfValue } from './value.js';

/** The view of an object whose fields are the given values, each located at its attribute. */
export function jsonViewOf(fields: [name: string, key: Location, value: TfValue][], at: Location): JsonView {
  const view: JsonView = { value: undefined, locations: new Map([['', { value: at }]]), unknown: new Set() };
  const obj: Record<string, unknown> = {};
  for (const [name, key, value] of fields) obj[name] = walk(value, `/${escape(name)}`, key, view);
  view.value = obj;
  return view;
}

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

function walk(v: TfValue, ptr: string, key: Location | undefined, view: JsonView): unknown {
  view.locations.set(ptr, { ...(key ? { key } : {}), value: v.at });
  switch (v.t) {
    case 'str':
    case 'num':
    case 'bool':
      return v.v;
    case 'null':
      return null;
    case 'list':
      return v.items.map((item, i) => walk(item, `${ptr}/${i}`, undefined, view));
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const [k, f] of v.fields) out[k] = walk(f.val, `${ptr}/${escape(k)}`, f.key, view);
      return out;
    }
    default:
      view.unknown.add(ptr);
      return UNKNOWN_MARK;
  }
}
