// The Terraform format: every folder of `.tf` files is one module (its `terraform.tfvars` and
// `*.auto.tfvars` give variables, as `terraform plan` reads them); a module called with a local
// `source` is evaluated with the call's arguments instead of on its own. Each module's resources
// are mapped into the Model by the vendor files beside this one; each `.tf` file gets the
// FileModel of what is written in it.
import { posix } from 'node:path';
import type { FileModel } from '../../model/model.js';
import type { SyntaxDiagnostic } from '../../source/source.js';
import { readBody, readFile, type Block } from './blocks.js';
import { Ctx, FORMAT } from './context.js';
import { Module } from './evaluate.js';
import { hclErrors, parseHcl } from './hcl.js';
import { mapAws } from './aws.js';
import { mapAlicloud } from './alicloud.js';
import { mapTencent } from './tencent.js';
import { mapHuawei } from './huawei.js';
import type { TfValue } from './value.js';

import { isVarsFile } from './paths.js';

export { loadHcl, hclLoaded } from './hcl.js';
export { isTerraformPath, isTerraformInput } from './paths.js';
export { FORMAT as TERRAFORM_FORMAT };

// report paths use '/' on every platform
const dirname = (p: string) => posix.dirname(p);
const join = (...parts: string[]) => posix.join(...parts);
const normalize = (p: string) => posix.normalize(p);

interface Folder {
  dir: string;
  blocks: Block[];
  vars: Block[];
  paths: string[];
}

/** Maximum depth of nested local module calls followed. */
const MAX_MODULE_DEPTH = 8;

/**
 * The Models of every Terraform input, by path, and each file's HCL syntax errors. Paths use
 * `/` (as reports do); texts are the inputs' texts.
 */
export function buildTerraform(inputs: { path: string; text: string }[]): {
  models: Map<string, FileModel[]>;
  syntax: Map<string, SyntaxDiagnostic[]>;
} {
  const texts = new Map(inputs.map((i) => [i.path, i.text]));
  const folders = new Map<string, Folder>();
  const syntax = new Map<string, SyntaxDiagnostic[]>();
  const trees: { delete(): void }[] = [];
  try {
    return build(inputs, texts, folders, syntax, trees);
  } finally {
    for (const t of trees) t.delete(); // the blocks hold syntax nodes until the Models are built
  }
}

function build(
  inputs: { path: string; text: string }[],
  texts: Map<string, string>,
  folders: Map<string, Folder>,
  syntax: Map<string, SyntaxDiagnostic[]>,
  trees: { delete(): void }[],
) {
  for (const { path, text } of inputs) {
    const dir = dirname(path);
    const f = folders.get(dir) ?? folders.set(dir, { dir, blocks: [], vars: [], paths: [] }).get(dir)!;
    f.paths.push(path);
    const tree = parseHcl(text);
    if (!tree) {
      syntax.set(path, [
        {
          start: 0,
          end: 0,
          message: 'the HCL parser could not be loaded, so this Terraform file was not read; reinstall trigger-lint',
        },
      ]);
      continue;
    }
    trees.push(tree);
    const errs = hclErrors(tree);
    if (errs.length) syntax.set(path, errs);
    const body = readFile(tree.rootNode, path);
    if (isVarsFile(path))
      f.vars.push({
        type: 'tfvars',
        labels: [],
        head: { file: path, start: 0, end: 0 },
        attrs: body.attrs,
        blocks: [],
        at: { file: path, start: 0, end: text.length },
        file: path,
      });
    else f.blocks.push(...body.blocks);
  }
  // folders called as a local module by another folder are evaluated through the call
  const called = new Set<string>();
  for (const f of folders.values())
    for (const b of f.blocks)
      if (b.type === 'module') {
        const d = localSource(f, b, texts);
        if (d && folders.has(d)) called.add(d);
      }
  const out = new Map<string, FileModel[]>();
  const vendors = new Map([...folders].map(([d, f]) => [d, vendorOf(f)])); // once per folder: linear in the files
  for (const p of texts.keys())
    out.set(p, [
      {
        path: p,
        format: FORMAT,
        vendor: vendors.get(dirname(p))!,
        functions: [],
        triggers: [],
        undefinedRefs: [],
        formatIssues: [],
      },
    ]);
  const evaluate = (f: Folder, vars: Map<string, TfValue>, prefix: string, depth: number) => {
    const m = new Module(f.dir, f.blocks, { vars, prefix }, texts);
    const c = new Ctx(m, prefix);
    mapAws(c);
    mapAlicloud(c);
    mapTencent(c);
    mapHuawei(c);
    const fm = (file: string) => out.get(file)?.[0];
    for (const fn of c.functions) fm(fn.at.file)?.functions.push(fn);
    for (const t of c.triggers) fm(t.at.file)?.triggers.push(t);
    for (const i of c.issues) fm(i.at.file)?.formatIssues!.push(i);
    for (const { file, target } of c.schemaTargets) {
      const model = fm(file);
      if (!model) continue;
      const earlier = model.schemaTargets;
      model.schemaTargets = () => [...(earlier?.() ?? []), target];
    }
    if (depth >= MAX_MODULE_DEPTH) return;
    for (const call of m.modules) {
      const d = localSource(f, call, texts);
      const child = d ? folders.get(d) : undefined;
      if (!child) continue;
      const args = new Map<string, TfValue>();
      for (const [k] of call.attrs)
        if (k !== 'source' && k !== 'providers' && k !== 'count' && k !== 'for_each' && k !== 'depends_on')
          args.set(k, m.get(call, k)!);
      evaluate(child, args, `${prefix}module.${call.labels[0]}.`, depth + 1);
    }
  };
  for (const f of folders.values()) {
    if (called.has(f.dir)) continue;
    const pre = new Module(f.dir, [], { vars: new Map() }, texts);
    const vars = new Map<string, TfValue>();
    for (const v of f.vars) for (const [k, a] of v.attrs) vars.set(k, pre.attr(a)!);
    evaluate(f, vars, '', 0);
  }
  return { models: out, syntax };
}

function localSource(f: Folder, call: Block, texts: Map<string, string>): string | undefined {
  const a = call.attrs.get('source');
  if (!a) return undefined;
  const raw = texts.get(a.file)?.slice(a.expr.startIndex, a.expr.endIndex).trim() ?? '';
  const m = /^"(\.\.?\/[^"$]*)"$/.exec(raw);
  return m ? normalize(join(f.dir, m[1])).replace(/\/$/, '') : undefined;
}

/** The vendor a folder is mostly about (for reports; every trigger carries its own). */
function vendorOf(f: Folder): FileModel['vendor'] {
  const types = f.blocks.filter((b) => b.type === 'resource').map((b) => b.labels[0] ?? '');
  if (types.some((t) => t.startsWith('alicloud_'))) return 'aliyun';
  if (types.some((t) => t.startsWith('tencentcloud_'))) return 'tencent';
  if (types.some((t) => t.startsWith('huaweicloud_'))) return 'huawei';
  return 'aws';
}

export { readBody };
