// Public API: `lint(files | {path, text}[], options) → Promise<Result>`, the rules and formats
// (their descriptions), the vendor-neutral Model and the trigger graph. Its declarations
// (dist/index.d.ts, bundled by scripts/build.mjs) name no type of a bundled library, so a user's
// tsc needs nothing else.
import { loadModel as loadInputs, type RunOptions } from './engine/lint.js';
import { lint as lintInputs } from './workflow/lint.js';
import { RULES as ALL_RULES } from '../rules/index.js';
import { FORMATS as ALL_FORMATS } from './formats/index.js';
import type { Input, LintOptions, Result, Severity } from './types.js';
import type { Model, Vendor } from './model/model.js';

/** Lint files, folders (searched for trigger files) and in-memory texts. */
export function lint(inputs: (string | Input)[], options: RunOptions = {}): Promise<Result> {
  return lintInputs(inputs, options);
}

/** The vendor-neutral Model of some inputs, with each file's format id (null: not a trigger file). */
export async function loadModel(
  inputs: (string | Input)[],
  options: LintOptions = {},
): Promise<{ model: Model; formats: Map<string, string | null>; unrecognized: string[] }> {
  const { model, formats, unrecognized } = await loadInputs(inputs, options);
  return { model, formats, unrecognized };
}

/** A rule as `--list-rules` shows it. */
export interface RuleInfo {
  id: string;
  description: string;
  severity: Severity;
  fixable?: boolean;
  defaultOff?: boolean;
}
/** A file format trigger-lint reads. */
export interface FormatInfo {
  id: string;
  vendor: Vendor;
  description: string;
  fileNames: string[];
}

export const RULES: readonly RuleInfo[] = ALL_RULES;
export const FORMATS: readonly FormatInfo[] = ALL_FORMATS;

export type { RunOptions } from './engine/lint.js';
export type {
  Result,
  Finding,
  FileResult,
  Summary,
  RelatedOut,
  LintOptions,
  FileSettings,
  Input,
  Severity,
  RuleSetting,
  Location,
  Fix,
} from './types.js';
export type {
  Model,
  FileModel,
  FunctionDef,
  Trigger,
  StorageTrigger,
  TimerTrigger,
  HttpTrigger,
  LogTrigger,
  QueueTrigger,
  EventBridgeTrigger,
  OtherTrigger,
  CronDialect,
  WriteTarget,
  Located,
  UndefinedRef,
  Vendor,
} from './model/model.js';
export { Unknown, isKnown, known } from './model/model.js';
export { UsageError } from './source/errors.js';
// The trigger graph (`trigger-lint graph`): lint with `onModel`, then buildGraph(model, result).
export { buildGraph, renderGraph, toMermaid, toDot, toJson, GRAPH_FORMATS } from './graph/index.js';
export type { Graph, GraphNode, GraphEdge, Mark, NodeKind, EdgeKind, GraphFormat } from './graph/index.js';
