// Effective configuration per linted file. Precedence, lowest first:
//   rule defaults → `extends` preset → `requireReason` → `rules` → matching `overrides` (in
//   order) → command line (`--require-reason`, then `--rule`).
// The configuration file is the nearest `.trigger-lint.yaml`/`.yml` from the file's folder
// upward, stopping at the repository root (the folder holding `.git`) or the filesystem root;
// `--config <file>` uses one file for everything, `--no-config` none.
import { existsSync, statSync } from 'node:fs';
import { projectRoot, refusal, refusedError } from '../../source/containment.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import { RULES } from '../../../rules/index.js';
import { VENDORS } from '../../model/vendors.js';
import type { Vendor } from '../../model/model.js';
import type { CodeBudget, FileSettings, RuleSetting } from '../../types.js';
import type { Rule } from '../../engine/rule.js';
import { displayPath } from '../../engine/files.js';
import { UsageError } from '../../source/errors.js';
import { CONFIG_FILE_NAMES, loadConfigFile, type ConfigFile, type Preset } from './load.js';

export interface CliSettings {
  /** `--config <file>`: a path; `--no-config`: false; neither: undefined (search). */
  config?: string | false;
  /** `--rule` flags. */
  rules?: Record<string, RuleSetting>;
  /** `--require-reason`. */
  requireReason?: boolean;
  /**
   * Whether `${env(…)}` reads the process environment: true (`--read-env`), false (never: the
   * Action without its `read-env` input, the language server), undefined (each configuration's `readEnv`).
   */
  readEnv?: boolean;
  /** The project root: a configuration file outside it (after symlinks) is refused (src/source/containment.ts). */
  root?: string;
}

export interface Effective {
  /** The configuration file that applies (absolute path), if any. */
  file?: string;
  extends: Preset;
  /** Every rule's effective setting. */
  rules: Record<string, RuleSetting>;
  vars: Record<string, unknown>;
  /** The configuration's own `env` (the process environment wins over it when it is read). */
  env: Record<string, string>;
  /** Whether the process environment is read for this file (`--read-env` or the configuration's `readEnv`). */
  readEnv: boolean;
  limits: Record<string, number>;
  requireReason: boolean;
  /** Whether handler code is read (`code: false` turns it off). */
  code: boolean;
  /** The configuration's `codeBudget` (the run takes the highest of its files' configurations). */
  codeBudget: CodeBudget;
  ignored: boolean;
}

/** Every rule's setting under a preset. */
export function presetRules(preset: Preset): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const r of RULES) out[r.id] = preset === 'strict' ? strictSetting(r) : r.defaultOff ? 'off' : r.severity;
  return out;
}

function strictSetting(r: Rule): RuleSetting {
  return r.severity === 'warning' ? 'error' : r.severity;
}

/** Patterns one glob's braces may expand to (`{a,b}{c,d}` is 4); past it, braces are literal text. */
export const MAX_BRACE_EXPANSIONS = 1024;
/** Compiled globs, once per process (a run used to recompile every glob for every file: 112 s over 11 files). */
const compiled = new Map<string, Minimatch>();

/** A glob relative to a config folder: one without "/" matches a file name in any folder; "dir/" means everything under it. */
export function globMatches(relPath: string, glob: string): boolean {
  let m = compiled.get(glob);
  if (!m) {
    const g = glob.endsWith('/') ? `${glob}**` : glob.replace(/^\.\//, '');
    m = new Minimatch(g, {
      dot: true,
      matchBase: !g.includes('/'),
      nobrace: braceExpansions(g) > MAX_BRACE_EXPANSIONS,
    });
    if (compiled.size >= 10_000) compiled.clear(); // a long-lived language server sees many configurations
    compiled.set(glob, m);
  }
  return m.match(relPath);
}

/** An upper bound of how many patterns a glob's braces expand to: the product of every group's alternatives (or range length). */
export function braceExpansions(glob: string): number {
  let total = 1;
  const open: { start: number; commas: number }[] = [];
  for (let i = 0; i < glob.length && total <= MAX_BRACE_EXPANSIONS; i++) {
    const ch = glob[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') open.push({ start: i, commas: 0 });
    else if (ch === ',' && open.length) open[open.length - 1].commas++;
    else if (ch === '}' && open.length) {
      const g = open.pop()!;
      const range = /^\{(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.-?\d+)?\}$/.exec(glob.slice(g.start, i + 1));
      const n = range ? Math.abs(code(range[2]) - code(range[1])) + 1 : g.commas + 1;
      total *= n;
    }
  }
  return total;
}

function code(x: string): number {
  return /^-?\d+$/.test(x) ? Number(x) : x.charCodeAt(0);
}

export class ConfigResolver {
  private readonly dirCache = new Map<string, string | undefined>();
  private readonly files = new Map<string, ConfigFile>();
  private readonly effective = new Map<string, Effective>();

  constructor(
    readonly cwd: string,
    readonly cli: CliSettings = {},
    readonly processEnv: Record<string, string | undefined> = {},
  ) {}

  /** The configuration file for a file on disk (absolute path), or undefined. */
  configFor(absFile: string): ConfigFile | undefined {
    if (this.cli.config === false) return undefined;
    if (typeof this.cli.config === 'string') {
      const p = resolve(this.cwd, this.cli.config);
      if (!existsSync(p)) throw new UsageError(`${this.cli.config}: no such configuration file`);
      return this.load(p, this.cwd);
    }
    const found = this.findUpward(dirname(absFile));
    return found ? this.load(found, dirname(found)) : undefined;
  }

  private load(p: string, dir: string): ConfigFile {
    let c = this.files.get(p);
    if (!c) {
      const why = refusal(this.cli.root ?? (this.cli.root = projectRoot([], this.cwd)), p);
      if (why) throw refusedError(displayPath(this.cwd, p), why, 'configuration file');
      c = loadConfigFile(p, displayPath(this.cwd, p), dir);
      this.files.set(p, c);
    }
    return c;
  }

  private findUpward(dir: string): string | undefined {
    if (this.dirCache.has(dir)) return this.dirCache.get(dir);
    let found: string | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (isFile(p)) {
        found = p;
        break;
      }
    }
    const parent = dirname(dir);
    if (!found && parent !== dir && !existsSync(join(dir, '.git'))) found = this.findUpward(parent);
    this.dirCache.set(dir, found);
    return found;
  }

  /** The effective configuration of one file (absolute path). */
  resolve(absFile: string): Effective {
    const cached = this.effective.get(absFile);
    if (cached) return cached;
    const c = this.configFor(absFile);
    const preset = c?.extends ?? 'recommended';
    const rules = presetRules(preset);
    let ignored = false;
    if (c) {
      const rel = relative(c.dir, absFile).split(sep).join('/');
      const inside = !rel.startsWith('../') && rel !== '..';
      if (c.requireReason) rules['disable-reason'] = reasonSeverity();
      Object.assign(rules, c.rules);
      for (const o of c.overrides)
        if (inside && o.files.some((g) => globMatches(rel, g))) Object.assign(rules, o.rules);
      ignored = inside && c.ignore.some((g) => globMatches(rel, g));
    }
    if (this.cli.requireReason) rules['disable-reason'] = reasonSeverity();
    Object.assign(rules, this.cli.rules ?? {});
    const limits: Record<string, number> = {};
    for (const v of Object.keys(VENDORS) as Vendor[]) limits[v] = c?.limits[v] ?? VENDORS[v].bucketTriggerLimit;
    const e: Effective = {
      ...(c ? { file: c.path } : {}),
      extends: preset,
      rules,
      vars: c?.vars ?? {},
      env: c?.env ?? {},
      readEnv: this.cli.readEnv ?? c?.readEnv ?? false,
      limits,
      requireReason: !!(c?.requireReason || this.cli.requireReason),
      code: c?.code !== false,
      codeBudget: c?.codeBudget ?? {},
      ignored,
    };
    this.effective.set(absFile, e);
    return e;
  }

  /** What the engine needs for one file (`LintOptions.forFile`); undefined when no configuration applies. */
  settings(absFile: string): FileSettings | undefined {
    const e = this.resolve(absFile);
    if (!e.file) return undefined;
    return {
      rules: e.rules,
      ...(Object.keys(e.vars).length ? { vars: e.vars } : {}),
      // the process environment is read only on opt-in (docs/security.md); a configuration's own values always count
      ...(e.readEnv
        ? { env: { ...e.env, ...this.processEnv }, readEnv: true }
        : Object.keys(e.env).length
          ? { env: e.env }
          : {}),
      ...(e.code ? {} : { code: false }),
    };
  }

  /** Configuration files used so far. */
  used(): ConfigFile[] {
    return [...this.files.values()];
  }
}

function reasonSeverity(): RuleSetting {
  return RULES.find((r) => r.id === 'disable-reason')?.severity ?? 'error';
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
