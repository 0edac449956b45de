// Walking a JSON Schema along a document path to the subschema of one field, as an editor's
// hover needs it: `$ref` (within a file and to sibling files), `properties`, `patternProperties`,
// `additionalProperties`, `items`, and the branches of `allOf`/`anyOf`/`oneOf`/`if`-`then`-`else`
// that the document's own values select (a branch whose condition cannot be decided is kept).
export type SchemaNode = Record<string, unknown>;
export interface At {
  node: SchemaNode;
  file: string;
}
export type SchemaStore = (file: string) => SchemaNode | undefined;

const isObj = (x: unknown): x is SchemaNode => !!x && typeof x === 'object' && !Array.isArray(x);

/** `file`: a schema key such as "config/fc3"; `ref`: "#/definitions/X", "../config/fc3.json#/…". */
function resolveRef(store: SchemaStore, file: string, ref: string): At | undefined {
  const [path, pointer = ''] = ref.split('#');
  let target = file;
  if (path) {
    const parts = file.split('/').slice(0, -1);
    for (const seg of path.replace(/\.json$/, '').split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.') parts.push(seg);
    }
    target = parts.join('/');
  }
  let node: unknown = store(target);
  for (const raw of pointer.split('/').filter(Boolean)) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObj(node) || Array.isArray(node) ? (node as Record<string, unknown>)[seg] : undefined;
  }
  return isObj(node) ? { node, file: target } : undefined;
}

function deref(store: SchemaStore, at: At): At {
  let cur = at;
  for (let i = 0; i < 32 && typeof cur.node.$ref === 'string'; i++) {
    const next = resolveRef(store, cur.file, cur.node.$ref);
    if (!next) break;
    cur = next;
  }
  return cur;
}

/** Does a value satisfy a (condition) schema: true, false, or undefined when it cannot be told. */
export function matches(store: SchemaStore, at: At, value: unknown, depth = 0): boolean | undefined {
  if (depth > 16) return undefined;
  const { node, file } = deref(store, at);
  const results: (boolean | undefined)[] = [];
  if (value === undefined) return undefined;
  if ('const' in node) results.push(JSON.stringify(node.const) === JSON.stringify(value));
  if (Array.isArray(node.enum)) results.push(node.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)));
  if (typeof node.pattern === 'string' && typeof value === 'string') {
    try {
      results.push(new RegExp(node.pattern, 'u').test(value));
    } catch {
      results.push(undefined);
    }
  }
  if (Array.isArray(node.required))
    results.push(isObj(value) ? node.required.every((k) => typeof k === 'string' && k in value) : false);
  if (isObj(node.properties) && isObj(value)) {
    for (const [k, sub] of Object.entries(node.properties)) {
      if (k in value && isObj(sub)) results.push(matches(store, { node: sub, file }, value[k], depth + 1));
    }
  }
  for (const key of ['allOf'] as const) {
    if (Array.isArray(node[key]))
      for (const b of node[key] as unknown[])
        if (isObj(b)) results.push(matches(store, { node: b, file }, value, depth + 1));
  }
  if (results.includes(false)) return false;
  if (results.length && results.every((r) => r === true)) return true;
  return undefined;
}

/** The schema itself and every branch that applies to the value. */
export function expand(store: SchemaStore, at: At, value: unknown, depth = 0): At[] {
  if (depth > 16) return [];
  const cur = deref(store, at);
  // a description written beside a $ref (as editors read it) comes first
  const out: At[] = cur === at ? [cur] : [at, cur];
  const { node, file } = cur;
  const sub = (x: unknown) => (isObj(x) ? expand(store, { node: x, file }, value, depth + 1) : []);
  if (Array.isArray(node.allOf)) for (const b of node.allOf) out.push(...sub(b));
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (!Array.isArray(node[key])) continue;
    const branches = (node[key] as unknown[]).filter(isObj);
    const fitting = branches.filter((b) => matches(store, { node: b, file }, value) !== false);
    for (const b of fitting.length ? fitting : branches) out.push(...sub(b));
  }
  if (isObj(node.if)) {
    const m = matches(store, { node: node.if, file }, value);
    if (m !== false) out.push(...sub(node.then));
    if (m !== true) out.push(...sub(node.else));
  }
  return out;
}

/** The subschemas of one child (an object key or an array index) of every candidate. */
export function child(store: SchemaStore, candidates: At[], key: string | number): At[] {
  const out: At[] = [];
  for (const { node, file } of candidates) {
    if (typeof key === 'number') {
      if (isObj(node.items)) out.push({ node: node.items, file });
      else if (Array.isArray(node.items)) {
        const it = node.items[key] ?? node.additionalItems;
        if (isObj(it)) out.push({ node: it, file });
      }
      continue;
    }
    let found = false;
    if (isObj(node.properties) && isObj(node.properties[key])) {
      out.push({ node: node.properties[key], file });
      found = true;
    }
    if (isObj(node.patternProperties)) {
      for (const [p, s] of Object.entries(node.patternProperties)) {
        let hit = false;
        try {
          hit = new RegExp(p, 'u').test(key);
        } catch {
          hit = false;
        }
        if (hit && isObj(s)) {
          out.push({ node: s, file });
          found = true;
        }
      }
    }
    if (!found && isObj(node.additionalProperties)) out.push({ node: node.additionalProperties, file });
  }
  return out;
}

/**
 * The candidate subschemas at a path from the root. `values[i]` is the document's value at
 * `path.slice(0, i)` (values[0] the whole document), used to choose branches.
 */
export function walk(store: SchemaStore, root: At, path: (string | number)[], values: unknown[]): At[] {
  let candidates = expand(store, root, values[0]);
  for (let i = 0; i < path.length && candidates.length; i++) {
    const next = child(store, candidates, path[i]);
    candidates = next.flatMap((c) => expand(store, c, values[i + 1]));
  }
  return candidates;
}
