// Test helpers: lint in-memory files with chosen rules, read `# expect:` markers from comments.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintSources, type RunOptions } from '../src/workflow/lint.js';
import { parseSource } from '../src/source/source.js';
import { readComments } from '../src/source/comments.js';
import { hclComments, isTerraformPath } from '../src/formats/terraform/hcl.js';
import { RULES } from '../rules/index.js';
import type { LintOptions, Result, RuleSetting } from '../src/types.js';

export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
/** Real files written by other people, copied byte for byte (origins in each folder's SOURCES.md). */
export const CORPUS = join(ROOT, 'test', 'corpus');

/** Options that run only the given rules (at their default severity). */
export function only(...ids: string[]): LintOptions {
  const rules: Record<string, RuleSetting> = {};
  for (const r of RULES) rules[r.id] = ids.includes(r.id) ? r.severity : 'off';
  return { rules, env: {} };
}

/** Lint in-memory files: { 'a/s.yaml': text }. Paths are used as given. */
export function lintTexts(files: Record<string, string>, options: RunOptions = {}): Result {
  const sources = Object.entries(files).map(([p, t]) => parseSource(p, t));
  return lintSources(sources, { env: {}, ...options }, new Set(Object.keys(files)));
}

export interface Expectation {
  path: string;
  line: number;
  ruleId: string;
  severity?: string;
}

/** `# expect: rule-a, rule-b(warning)` markers, read from YAML comment tokens (HCL comment nodes in `.tf` files). */
export function readExpectations(path: string, text: string): Expectation[] {
  const out: Expectation[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  for (const c of isTerraformPath(path) ? hclComments(text) : readComments(text)) {
    // also after another comment on the same line: `# trigger-lint-disable-line x  # expect: unused-disable`
    const m = /(?:^|\s#)\s*expect:\s*(.+)$/.exec(c.text);
    if (!m) continue;
    for (const item of m[1].split(/[,\s]+/).filter(Boolean)) {
      const mm = /^([a-z0-9-]+)(?:\((error|warning|info)\))?$/.exec(item);
      if (!mm) throw new Error(`${path}:${lineOf(c.offset)}: bad expect marker "${item}"`);
      out.push({ path, line: lineOf(c.offset), ruleId: mm[1], severity: mm[2] });
    }
  }
  return out;
}

/** Fixture files: YAML trigger files, Terraform, and JSON templates (pinned by golden output: JSON has no comments for markers). */
const FIXTURE_FILE = /\.(ya?ml|tf|json)$/;

/** Every fixture case of a rule folder: single files, or case directories holding several files. */
export function fixtureCases(ruleDir: string): { name: string; files: string[] }[] {
  const out: { name: string; files: string[] }[] = [];
  if (!existsSync(ruleDir)) return out;
  for (const entry of readdirSync(ruleDir).sort()) {
    const p = join(ruleDir, entry);
    if (statSync(p).isDirectory()) {
      const files = listYaml(p);
      if (files.length) out.push({ name: entry, files });
    } else if (FIXTURE_FILE.test(entry) && !/\.fixed\.(yaml|tf|json)$/.test(entry))
      out.push({ name: entry.replace(FIXTURE_FILE, ''), files: [p] });
  }
  return out;
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...listYaml(p));
    else if ((FIXTURE_FILE.test(e) || /\.tfvars$/.test(e)) && !/\.fixed\.(yaml|tf|json)$/.test(e)) out.push(p);
  }
  return out;
}

/** Every fixture case of every rule (a file, or a folder of files linted together). */
export function fixtureGroups(): { name: string; files: string[] }[] {
  const dir = join(ROOT, 'fixtures');
  return readdirSync(dir)
    .sort()
    .flatMap((rule) =>
      fixtureCases(join(dir, rule)).map((c) => ({ name: `fixtures/${rule}/${c.name}`, files: c.files })),
    );
}

/** Every file of the configuration corpus (YAML and JSON; not the SOURCES.md notes). */
export function corpusFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));
  return walk(join(CORPUS, 'configs')).filter((p) => !p.endsWith('.md'));
}

export function rel(p: string): string {
  return relative(ROOT, p).split('\\').join('/');
}

export function read(p: string): string {
  return readFileSync(p, 'utf8');
}
