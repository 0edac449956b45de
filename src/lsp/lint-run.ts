// One lint run of a workspace folder, exactly as `trigger-lint` run in that folder would do it:
// the nearest `.trigger-lint.yaml` of each file (or the configured one), its `ignore`, raised
// limits, inline suppressions (in the engine) and `trigger-lint-baseline.json` of the folder.
import { lintSources, lintSourcesAsync } from '../workflow/lint.js';
import { applyBaselineFlags, raiseLimits, setupWorkflow, type WorkflowFlags } from '../workflow/run.js';
import { UsageError } from '../source/errors.js';
import { internalErrorFindings } from '../engine/crash.js';
import { fixSources } from '../workflow/fix.js';
import type { Finding, Result } from '../types.js';
import type { Buffer, FolderFiles } from './workspace.js';
import type { Source } from '../source/source.js';

export interface FolderSettings {
  /** `triggerLint.enable` (default true). */
  enable: boolean;
  /** `triggerLint.config`: a configuration file (relative to the folder); empty: the nearest `.trigger-lint.yaml`. */
  config: string;
}

export interface FileOutcome {
  format: string | null;
  findings: Finding[];
}

export interface RunOutcome {
  /** Findings and format per display path (files with no finding included). */
  files: Map<string, FileOutcome>;
  /** Display paths of the open buffers that took part. */
  open: Set<string>;
  /** The run's sources (for code actions that re-lint: fix all). */
  sources: Source[];
  /** Why the run could not happen (a bad configuration or baseline file). */
  error?: string;
}

export function flagsOf(settings: FolderSettings): WorkflowFlags {
  // an editor opens any folder: the process environment is never read here (docs/security.md)
  return settings.config ? { config: settings.config, readEnv: false } : { readEnv: false };
}

/**
 * Lint a folder with open buffers; never rejects. `log` receives what the CLI prints on stderr.
 * Asynchronous as the CLI's run is: the handler-code parser (recursive-trigger) loads on first use.
 */
export async function lintFolder(
  files: FolderFiles,
  buffers: Buffer[],
  settings: FolderSettings,
  env: Record<string, string | undefined>,
  log: (s: string) => void,
): Promise<RunOutcome> {
  const cwd = files.root;
  const flags = flagsOf(settings);
  let open = new Set<string>();
  let sources: Source[] = [];
  try {
    const setup = setupWorkflow({ env }, flags, { cwd, env });
    ({ sources, open } = files.sources(buffers, (p) => setup.options.ignore!(p)));
    raiseLimits(setup, sources, {});
    setup.options.codeCache = files.code;
    const result = applyBaselineFlags(await lintSourcesAsync(sources, setup.options, open), flags, {
      cwd,
      stderr: log,
    });
    return { files: byFile(result, sources), open, sources };
  } catch (e) {
    const message = e instanceof UsageError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
    if (!(e instanceof UsageError)) log(`trigger-lint: ${(e as Error)?.stack ?? message}\n`);
    return { files: new Map(), open, sources, error: message };
  }
}

/** Each file's findings; an internal error (a rule or an adapter threw) is a diagnostic in its file. */
export function byFile(result: Result, sources: Source[]): Map<string, FileOutcome> {
  const out = new Map<string, FileOutcome>();
  for (const s of sources) out.set(s.path, { format: null, findings: [] });
  for (const f of result.files) out.set(f.path, { format: f.format, findings: [...f.findings] });
  for (const f of internalErrorFindings(result.internalErrors)) {
    const o = out.get(f.path) ?? out.set(f.path, { format: null, findings: [] }).get(f.path)!;
    o.findings.push(f);
  }
  return out;
}

/**
 * The text `--fix` would write for one open file (`display`), with the same configuration and the
 * same other files; undefined when nothing changes or the run cannot happen.
 */
export function fixedText(
  files: FolderFiles,
  buffers: Buffer[],
  settings: FolderSettings,
  env: Record<string, string | undefined>,
  display: string,
): string | undefined {
  const cwd = files.root;
  try {
    const setup = setupWorkflow({ env }, flagsOf(settings), { cwd, env });
    const { sources, open } = files.sources(buffers, (p) => setup.options.ignore!(p));
    raiseLimits(setup, sources, {});
    const outcome = fixSources(
      sources,
      (s) => lintSources(s, setup.options, open),
      (p) => p === display,
    );
    return outcome.changed.find((c) => c.path === display)?.after;
  } catch {
    return undefined;
  }
}
