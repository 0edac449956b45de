// With `--read-env` (or a configuration's `readEnv: true`) `${env('X')}` / `${env:X}` resolve
// from the process environment, but a value that came from it is never shown as its text
// (docs/security.md): in every finding's message and related messages it is replaced by its
// reference, and a fix whose text holds it is dropped (it would write the value into the file).
import type { Result } from '../types.js';

/** Variable names the texts reference: `${env('X'…)}` (Serverless Devs) and `${env:X…}` (Serverless Framework, Tencent). */
export function referencedVariables(texts: Iterable<string>): Set<string> {
  const names = new Set<string>();
  const re = /\benv\(\s*(['"])([^'"\n]+)\1|\$\{\s*env:\s*([A-Za-z_][\w.-]*)/g;
  for (const text of texts) for (const m of text.matchAll(re)) names.add(m[2] ?? m[3]);
  return names;
}

/** Shorter values are left alone: they would turn ordinary words of a message into references. */
const MIN_LENGTH = 3;

/** Each referenced variable's value in the environment, with the reference to show instead (longest value first). */
export type Secrets = [value: string, reference: string][];

export function envSecrets(env: Record<string, string | undefined>, texts: Iterable<string>): Secrets {
  const pairs: Secrets = [];
  for (const name of referencedVariables(texts)) {
    const v = env[name];
    if (v !== undefined && v.length >= MIN_LENGTH) pairs.push([v, `\${env('${name}')}`]);
  }
  return pairs.sort((a, b) => b[0].length - a[0].length); // a longer value first: one that contains another is replaced whole
}

/** `s` with every secret value replaced by its reference. */
export function hideSecrets(s: string, secrets: Secrets): string {
  return secrets.reduce((t, [v, ref]) => t.split(v).join(ref), s);
}

/** Plain data (a Graph…) with every string's secret values replaced by their references. */
export function redactDeep<T>(x: T, secrets: Secrets): T {
  if (!secrets.length) return x;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return hideSecrets(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, y]) => [k, walk(y)]));
    return v;
  };
  return walk(x) as T;
}

/** The result with every referenced variable's environment value shown as its reference. */
export function redactEnvironment(
  result: Result,
  env: Record<string, string | undefined>,
  texts: Iterable<string>,
): Result {
  const pairs = envSecrets(env, texts);
  if (!pairs.length) return result;
  const hide = (s: string) => hideSecrets(s, pairs);
  const holds = (s: string) => pairs.some(([v]) => s.includes(v));
  return {
    ...result,
    files: result.files.map((f) => ({
      ...f,
      findings: f.findings.map((x) => {
        const { fix, ...rest } = x;
        return {
          ...rest,
          message: hide(x.message),
          ...(fix && !fix.some((e) => holds(e.text)) ? { fix } : {}),
          ...(x.related ? { related: x.related.map((r) => ({ ...r, message: hide(r.message) })) } : {}),
          ...(x.key !== undefined ? { key: hide(x.key) } : {}),
        };
      }),
    })),
  };
}
