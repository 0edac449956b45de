// FileModels as plain JSON data and back, for the cache file and for worker threads.
// What JSON cannot say is tagged: an `Unknown` value, a `Map` (a function's env), a `Set`, and a
// trigger's reference to its FunctionDef (restored as the same object, so rules that compare
// functions by identity still work). Closures (`schemaTargets`) are dropped: whatever needs them
// is a file-scoped rule whose findings are computed before the Model is serialised.
import { Unknown, type FileModel } from '../model/model.js';

/** The tag key of an encoded value; a NUL byte never appears in a Model field name. */
const TAG = '\u0000';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function encodeFileModel(fm: FileModel): Json {
  const fnIndex = new Map<object, number>(fm.functions.map((f, i) => [f, i]));
  const enc = (v: unknown, top: boolean): Json | undefined => {
    if (v === null) return null;
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(v) ? v : { [TAG]: 'n', v: String(v) };
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined;
      case 'bigint':
        return { [TAG]: 'b', v: v.toString() };
    }
    if (v instanceof Unknown) return { [TAG]: 'u', v: v.reason };
    if (!top && fnIndex.has(v)) return { [TAG]: 'f', v: fnIndex.get(v)! };
    if (v instanceof Map)
      return { [TAG]: 'm', v: [...v].map(([k, x]) => [enc(k, false) ?? null, enc(x, false) ?? null]) };
    if (v instanceof Set) return { [TAG]: 's', v: [...v].map((x) => enc(x, false) ?? null) };
    if (Array.isArray(v)) return v.map((x) => enc(x, false) ?? null);
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) {
      const e = enc(x, false);
      if (e !== undefined) out[k] = e;
    }
    return out;
  };
  return {
    ...(enc({ ...fm, functions: undefined, schemaTargets: undefined }, true) as Record<string, Json>),
    functions: fm.functions.map((f) => enc(f, true) ?? null),
  };
}

export function decodeFileModel(data: Json): FileModel {
  const raw = data as Record<string, Json>;
  const functions: unknown[] = [];
  const pending: [Record<string | number, unknown>, string | number, number][] = [];
  const dec = (v: Json): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const arr: unknown[] = new Array(v.length);
      for (let i = 0; i < v.length; i++) arr[i] = decAt(arr as unknown as Record<number, unknown>, i, v[i]);
      return arr;
    }
    const tag = (v as Record<string, Json>)[TAG];
    if (typeof tag === 'string') {
      const x = (v as Record<string, Json>).v;
      switch (tag) {
        case 'u':
          return new Unknown(x as string);
        case 'm':
          return new Map((x as Json[][]).map(([k, y]) => [dec(k), dec(y)]));
        case 's':
          return new Set((x as Json[]).map(dec));
        case 'n':
          return Number(x);
        case 'b':
          return BigInt(x as string);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = decAt(out, k, x);
    return out;
  };
  /** Decode one slot; a function reference is filled in once every function exists. */
  function decAt(holder: Record<string | number, unknown>, key: string | number, x: Json): unknown {
    if (x !== null && typeof x === 'object' && !Array.isArray(x) && (x as Record<string, Json>)[TAG] === 'f') {
      pending.push([holder, key, (x as Record<string, Json>).v as number]);
      return undefined;
    }
    return dec(x);
  }
  for (const f of (raw.functions as Json[]) ?? []) functions.push(dec(f));
  const rest = dec({ ...raw, functions: null }) as Record<string, unknown>;
  // every function exists now: fill in the references (same object, as in the original Model)
  for (const [holder, key, i] of pending) holder[key] = functions[i];
  rest.functions = functions;
  return rest as unknown as FileModel;
}
