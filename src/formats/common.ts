// Helpers shared by format adapters (never vendor-specific).
import {
  Unknown,
  type CodeRef,
  type Located,
  type FunctionDef,
  type StorageTrigger,
  type Vendor,
} from '../model/model.js';
import type { Location } from '../types.js';
import type { Resolver } from './resolve.js';
import type { Node, YAMLMap } from 'yaml';
import { normaliseEvent } from '../model/vendors.js';
import { writesFromEnv } from '../model/writes.js';
import { entries } from '../source/yamlnav.js';
import { strList } from './trigger-fields.js';

/** Documentation placeholders such as `<region>` or `<account-id>` are unknown values. */
export function dePlaceholder(l: Located<string>): Located<string> {
  if (typeof l.value === 'string' && /^<[^<>]*>$/.test(l.value))
    return { ...l, value: new Unknown(`placeholder ${l.value}`) };
  return l;
}

/** Environment variables of a map node as located strings. */
export function envMap(
  r: Resolver,
  node: Node | undefined,
): { env: Map<string, Located<string>>; keys: Map<string, Location> } {
  const env = new Map<string, Located<string>>();
  const keys = new Map<string, Location>();
  const map = r.map(node);
  if (!map) return { env, keys };
  for (const [k, pair] of entries(map)) {
    const v =
      pair.value === null || pair.value === undefined
        ? { value: '', at: r.loc(pair.key) }
        : r.str(pair.value, r.loc(pair.key));
    if (v) {
      env.set(k, v);
      keys.set(k, r.loc(pair.key));
    }
  }
  return { env, keys };
}

export function envWrites(fn: Pick<FunctionDef, 'env'>, keys: Map<string, Location>) {
  return writesFromEnv(fn.env, (name) => {
    const k = keys.get(name)!;
    const v = fn.env.get(name)!;
    return { file: k.file, start: k.start, end: Math.max(k.end, v.at.end) };
  });
}

/** Event list: a sequence or a single string (each item located), normalised for the vendor. */
export function readEvents(
  r: Resolver,
  node: Node | undefined,
  vendor: Vendor,
  fallback: Location,
): { events: Located<string[]>; items: Located<string>[] } {
  const { list, items } = strList(r, node);
  if (!list) return { events: { value: [], at: fallback }, items };
  const events =
    list.value instanceof Unknown ? list : { ...list, value: list.value.map((e) => normaliseEvent(vendor, e)) };
  return { events, items };
}

/** A prefix or suffix as a format reads it: its value (empty where not written) and whether it was written. */
export interface FilterRead {
  value: Located<string>;
  declared: boolean;
}

/** A storage trigger's key filter fields from its prefix and suffix as read. */
export function keyFilter(
  prefix: FilterRead,
  suffix: FilterRead,
): Pick<StorageTrigger, 'prefix' | 'suffix' | 'prefixDeclared' | 'suffixDeclared'> {
  return {
    prefix: prefix.value,
    suffix: suffix.value,
    prefixDeclared: prefix.declared,
    suffixDeclared: suffix.declared,
  };
}

/** A prefix or suffix: '' when absent (with `declared` false), located at the filter otherwise. */
export function filterValue(r: Resolver, map: YAMLMap | undefined, keys: string[], fallback: Location): FilterRead {
  const node = map ? r.get(map, ...keys) : undefined;
  if (node === undefined || node === null || (r.has(map, ...keys) && node === null)) {
    return { value: { value: '', at: fallback }, declared: false };
  }
  const s = r.str(node);
  if (!s) return { value: { value: '', at: r.loc(node, fallback) }, declared: true };
  return { value: s, declared: true };
}

/**
 * Where a function's code is (for the handler-code stage): the first string among the code
 * nodes — a path, or a map's `src` / `codeUri` / `CodeUri` (fc3 `code: {src}`, Tencent
 * `src: {src}`, Huawei `code: {codeUri}`) — with the handler and runtime. A map without such a
 * path (an OSS or OBS location) or a zip file names no code to read.
 */
export function codeRef(
  r: Resolver,
  codeNodes: (Node | undefined)[],
  handlerNode: Node | undefined,
  runtimeNode: Node | undefined,
  fallback?: string,
): CodeRef | undefined {
  let dir: Located<string> | undefined;
  for (const node of codeNodes) {
    if (node === undefined || node === null) continue;
    const m = r.map(node);
    const n = m ? r.get(m, 'src', 'codeUri', 'CodeUri') : node;
    dir = n === undefined ? undefined : r.str(n);
    if (dir || m) break;
  }
  if (!dir && fallback !== undefined && codeNodes.every((n) => n === undefined || n === null))
    dir = { value: fallback, at: r.loc(handlerNode ?? null) };
  const handler = handlerNode === undefined ? undefined : r.str(handlerNode);
  if (!dir || !handler) return undefined;
  if (typeof dir.value === 'string' && /\.(zip|jar|war)$/i.test(dir.value)) return undefined;
  const runtime = runtimeNode === undefined ? undefined : r.str(runtimeNode);
  return { dir, handler, ...(runtime && typeof runtime.value === 'string' ? { runtime: runtime.value } : {}) };
}
