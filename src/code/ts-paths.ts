// Import aliases of a Node.js code folder: `compilerOptions.paths` and `baseUrl` of the
// tsconfig.json / jsconfig.json at its root (`@libs/lambda` → `src/libs/lambda`, as the
// aws-nodejs-typescript template writes them). Only inside the code folder; `extends` is not followed.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'jsonc-parser';

interface Aliases {
  base: string;
  paths: [string, string[]][];
}

const cache = new Map<string, Aliases | null>();

function read(root: string): Aliases | null {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = join(root, name);
    try {
      if (statSync(file).size > 256 * 1024) continue;
      const json: unknown = parse(readFileSync(file, 'utf8'));
      const opts = (json as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined)?.compilerOptions;
      if (!opts || typeof opts !== 'object') continue;
      const base = resolve(dirname(file), typeof opts.baseUrl === 'string' ? opts.baseUrl : '.');
      const paths: [string, string[]][] = [];
      if (opts.paths && typeof opts.paths === 'object') {
        for (const [k, v] of Object.entries(opts.paths as Record<string, unknown>)) {
          if (Array.isArray(v)) paths.push([k, v.filter((x): x is string => typeof x === 'string')]);
        }
      }
      return typeof opts.baseUrl === 'string' || paths.length ? { base, paths } : null;
    } catch {
      continue;
    }
  }
  return null;
}

/** Where a bare import specifier may point under the code folder's path aliases (absolute paths, without extension). */
export function aliasTargets(root: string, spec: string): string[] {
  let a = cache.get(root);
  if (a === undefined) cache.set(root, (a = read(root)));
  if (!a) return [];
  const out: string[] = [];
  for (const [pattern, targets] of a.paths) {
    const star = pattern.indexOf('*');
    let hole: string | undefined;
    if (star < 0) hole = pattern === spec ? '' : undefined;
    else if (
      spec.startsWith(pattern.slice(0, star)) &&
      spec.endsWith(pattern.slice(star + 1)) &&
      spec.length >= pattern.length - 1
    )
      hole = spec.slice(star, spec.length - (pattern.length - star - 1));
    if (hole === undefined) continue;
    for (const t of targets) out.push(resolve(a.base, t.replace('*', hole)));
  }
  out.push(resolve(a.base, spec)); // baseUrl: bare specifiers resolve against it
  return out;
}
