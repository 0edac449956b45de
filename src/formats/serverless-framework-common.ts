// Helpers shared by the Serverless Framework formats (provider.name: tencent, huawei, aws):
// which provider a file is for, and the provider + function environment.
import { isMap, type Document, type Node } from 'yaml';
import type { Located } from '../model.js';
import type { Location } from '../types.js';
import type { Resolver } from '../resolve.js';
import { envMap } from './common.js';

export function isProvider(doc: Document.Parsed, name: string): boolean {
  const root = doc.contents;
  if (!isMap(root)) return false;
  const provider = root.get('provider', true);
  if (isMap(provider)) return String(provider.get('name') ?? '').trim().toLowerCase() === name;
  return typeof provider === 'object' && provider !== null && 'value' in provider && String((provider as { value: unknown }).value).trim().toLowerCase() === name;
}

/** Environment of a function: `provider.environment` then the function's own (either may nest `variables`). */
export function frameworkEnv(r: Resolver, ...nodes: (Node | undefined)[]) {
  const env = new Map<string, Located<string>>();
  const keys = new Map<string, Location>();
  for (const n of nodes) {
    const m = r.map(n);
    if (!m) continue;
    const inner = r.has(m, 'variables') ? r.get(m, 'variables') : n;
    const got = envMap(r, inner);
    for (const [k, v] of got.env) { env.set(k, v); keys.set(k, got.keys.get(k)!); }
  }
  return { env, keys };
}
