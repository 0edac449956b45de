// Building the Model: detect each Source's format and run its adapter (or take the FileModels a
// worker or the cache already built), and the rule settings that decide what runs per file.
import { isMap, type Document, type Node, type YAMLMap } from 'yaml';
import type { Source } from '../source/source.js';
import { FORMATS, formatById } from '../formats/index.js';
import type { FormatAdapter } from '../formats/types.js';
import type { FileModel, Model } from '../model/model.js';
import { isStorage } from '../model/model.js';
import type { LintOptions, Report, RuleSetting } from '../types.js';
import type { Rule } from './rule.js';
import { UsageError } from '../source/errors.js';
import { crash, docStart, type Crash } from './crash.js';

export interface Loaded {
  sources: Source[];
  model: Model;
  /** format id per path (null when not recognised). */
  formats: Map<string, string | null>;
  unrecognized: string[];
  /** Adapters that threw while detecting or building a file. */
  crashes: Crash[];
}

function detect(
  doc: Document.Parsed,
  source: Source,
  options: LintOptions,
  crashes: Crash[],
): FormatAdapter | undefined {
  if (options.inputFormat) {
    const f = formatById(options.inputFormat);
    if (!f)
      throw new UsageError(
        `unknown input format "${options.inputFormat}"; known: ${FORMATS.map((x) => x.id).join(', ')}`,
      );
    // every format is a mapping at the top: a forced format does not apply to an empty or scalar document
    return isMap(doc.contents) ? f : undefined;
  }
  return FORMATS.find((f) => {
    try {
      return f.detect(doc, source);
    } catch (e) {
      // a detection that throws is a bug in the adapter, not "not this format"
      crashes.push(crash(`format "${f.id}" (detection)`, source.path, docStart(doc), e));
      return false;
    }
  });
}

function detects(f: FormatAdapter, doc: Document.Parsed, source: Source): boolean {
  try {
    return f.detect(doc, source);
  } catch {
    return false;
  }
}

/** Build the Model of every source (`prebuilt`: FileModels a worker or the cache already built, by path). */
export function buildModel(
  sources: Source[],
  options: LintOptions = {},
  named = new Set<string>(),
  prebuilt?: Prebuilt['models'],
): Loaded {
  const model: Model = { files: [], functions: [], triggers: [], storageTriggers: [] };
  const formats = new Map<string, string | null>();
  const unrecognized: string[] = [];
  const crashes: Crash[] = [];
  for (const source of sources) {
    let format: string | null = null;
    const pre = prebuilt?.get(source.path);
    if (pre) {
      format = pre.format;
      for (const fm of pre.files) addFileModel(model, fm);
    }
    for (const doc of pre ? [] : source.docs) {
      const adapter = detect(doc, source, options, crashes);
      if (!adapter) continue;
      format = adapter.id;
      let built: ReturnType<FormatAdapter['build']>;
      try {
        built = adapter.build(doc, source, withFileSettings(options, source.path));
      } catch (e) {
        crashes.push(crash(`format "${adapter.id}"`, source.path, docStart(doc), e));
        continue;
      }
      if (
        options.inputFormat &&
        !detects(adapter, doc, source) &&
        !built.functions.length &&
        !built.triggers.length &&
        !built.formatIssues?.length
      ) {
        // a forced format that found nothing it knows: never a silent "0 errors" (issue #30)
        const first = (doc.contents as YAMLMap).items[0]?.key as Node | undefined;
        const [start, end] = first?.range ?? [0, 0];
        built.formatIssues = [
          {
            at: { file: source.path, start, end },
            message: `--input-format ${adapter.id}: no ${adapter.id} function or trigger in this document, so nothing in it was checked; pick the format that matches the file`,
          },
        ];
      }
      const fm: FileModel = { path: source.path, format: adapter.id, vendor: adapter.vendor, ...built };
      addFileModel(model, fm);
    }
    formats.set(source.path, format);
    if (
      format === null &&
      source.syntax.length === 0 &&
      named.has(source.path) &&
      !crashes.some((c) => c.path === source.path)
    )
      unrecognized.push(source.path);
  }
  return { sources, model, formats, unrecognized, crashes };
}

function addFileModel(model: Model, fm: FileModel): void {
  model.files.push(fm);
  model.functions.push(...fm.functions);
  model.triggers.push(...fm.triggers);
  model.storageTriggers.push(...fm.triggers.filter(isStorage));
}

/**
 * Per-file work done ahead of the run (src/engine/workers.ts: on worker threads or from the cache):
 * each file's Models, and the reports of the file-scoped rules (`scope: 'file'`) by rule id.
 */
export interface Prebuilt {
  models: Map<string, { format: string | null; files: FileModel[] }>;
  reports: Map<string, Report[]>;
  /** Exceptions caught in the per-file work (adapters, file-scoped rules). */
  crashes: Crash[];
}

export function ruleSetting(rule: Rule, options: LintOptions): RuleSetting {
  return options.rules?.[rule.id] ?? (rule.defaultOff ? 'off' : rule.severity);
}

/** A rule's setting for one file: the file's configuration first, then the run's. */
export function fileRuleSetting(rule: Rule, options: LintOptions, path: string): RuleSetting {
  return options.forFile?.(path)?.rules?.[rule.id] ?? ruleSetting(rule, options);
}

/** The options an adapter sees for one file: the file's configured vars and env over the run's. */
function withFileSettings(options: LintOptions, path: string): LintOptions {
  const fs = options.forFile?.(path);
  if (!fs || (!fs.vars && !fs.env)) return options;
  return {
    ...options,
    ...(fs.vars ? { vars: { ...options.vars, ...fs.vars } } : {}),
    ...(fs.env ? { env: fs.env } : {}),
  };
}
