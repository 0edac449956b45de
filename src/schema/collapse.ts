// De-noising ajv's output (in the spirit of serverless/serverless normalize-ajv-errors.js):
// `if` errors go (the `then` errors say what is wrong), and each failed anyOf/oneOf keeps only
// the branch the user evidently meant. ajv reports a failed anyOf as the errors of every branch,
// in branch order, immediately followed by the anyOf error itself; a branch is recognised by
// its schema path or, when it is a $ref (ajv then reports paths inside the referenced
// definition), by the referenced definition.
import type { AjvError, SchemaNode } from './types.js';
import { ARTICLE, isAtOrUnder, segments } from './paths.js';

export interface Tagged {
  error: AjvError;
  /** Caused by an unknown value: dropped at the end, but it still says "this branch may pass". */
  unknown: boolean;
  /** Set on an anyOf/oneOf error that stands alone: the forms the value could take. */
  forms?: string[];
}

export function collapse(list: Tagged[]): Tagged[] {
  const out: Tagged[] = [];
  for (const t of list) {
    const e = t.error;
    if (e.keyword === 'if') continue;
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.push(t);
      continue;
    }
    const run: Tagged[] = [];
    while (out.length && isBranchError(out[out.length - 1].error, e)) run.unshift(out.pop()!);
    out.push(...choose(t, run));
  }
  return out;
}

function isBranchError(x: AjvError, e: AjvError): boolean {
  if (!isAtOrUnder(x.instancePath, e.instancePath)) return false;
  if (x.schemaPath.startsWith(`${e.schemaPath}/`)) return true;
  // same schema object, another keyword (evaluated before anyOf): not a branch error
  const base = e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'));
  return !x.schemaPath.startsWith(`${base}/`) && !x.schemaPath.startsWith(`${e.schemaPath}`);
}

function branchOf(x: AjvError, e: AjvError, branches: SchemaNode[], previous: number): number {
  const rest = x.schemaPath.slice(e.schemaPath.length + 1);
  if (x.schemaPath.startsWith(`${e.schemaPath}/`)) return Number(rest.split('/')[0]);
  const i = branches.findIndex(
    (b) => typeof b?.$ref === 'string' && (x.schemaPath === b.$ref || x.schemaPath.startsWith(`${b.$ref}/`)),
  );
  return i >= 0 && i >= previous ? i : Math.max(previous, 0);
}

function choose(top: Tagged, run: Tagged[]): Tagged[] {
  const e = top.error;
  if (top.unknown) return run.filter((t) => t.unknown);
  const branches = (Array.isArray(e.schema) ? e.schema : []) as SchemaNode[];
  const groups = new Map<number, Tagged[]>();
  let prev = -1;
  for (const t of run) {
    prev = branchOf(t.error, e, branches, prev);
    if (!groups.has(prev)) groups.set(prev, []);
    groups.get(prev)!.push(t);
  }
  // a branch whose only errors are about unknown values may well pass
  if ([...groups.values()].some((g) => g.every((t) => t.unknown))) return run.filter((t) => t.unknown);
  // the branches could not be told apart: say which forms are accepted, nothing more
  if (groups.size < branches.length)
    return [{ ...top, forms: [...new Set(branches.map((b, i) => formOf(b, groups.get(i) ?? [], e.instancePath)))] }];
  const atTop = (t: Tagged) => t.error.instancePath === e.instancePath;
  const wrongKind = (g: Tagged[]) => g.some((t) => atTop(t) && t.error.keyword === 'type');
  let live = [...groups.entries()].filter(([, g]) => !wrongKind(g));
  if (live.length > 1) {
    const depth = (g: Tagged[]) => Math.max(...g.map((t) => segments(t.error.instancePath).length));
    const deepest = Math.max(...live.map(([, g]) => depth(g)));
    live = live.filter(([, g]) => depth(g) === deepest);
  }
  if (live.length === 1) return live[0][1];
  const forms = [...groups.entries()].sort(([a], [b]) => a - b).map(([i, g]) => formOf(branches[i], g, e.instancePath));
  return [{ ...top, forms: [...new Set(forms)] }];
}

/** How one branch describes the value it wants: `"auto"`, `a map`, `a string`. */
function formOf(branch: SchemaNode | undefined, g: Tagged[], at: string): string {
  if (typeof branch?.['x-form'] === 'string') return branch['x-form'];
  const here = g.filter((t) => t.error.instancePath === at);
  const c = here.find((t) => t.error.keyword === 'const');
  if (c) return JSON.stringify(c.error.params.allowedValue);
  if (branch && 'const' in branch) return JSON.stringify(branch.const);
  const en = here.find((t) => t.error.keyword === 'enum');
  if (en) return (en.error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(' or ');
  const ty = here.find((t) => t.error.keyword === 'type');
  const type = ty ? ty.error.params.type : branch?.type;
  return type ? typeName(type) : 'another form';
}

function typeName(type: unknown): string {
  const list = Array.isArray(type) ? type : String(type).split(',');
  return list.map((t) => ARTICLE[String(t)] ?? String(t)).join(' or ');
}
