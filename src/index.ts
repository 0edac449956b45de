// Public API: `lint(files | {path, text}[], options) → Promise<Result>`.
export { lint, loadModel, lintSources, buildModel } from './engine/lint.js';
export { RULES } from '../rules/index.js';
export { FORMATS } from './formats/index.js';
export type { Result, Finding, FileResult, LintOptions, Input, Severity, RuleSetting, Location, Fix } from './types.js';
export type { Rule } from './engine/rule.js';
export type { Model, FunctionDef, StorageTrigger, Trigger, WriteTarget, Located } from './model/model.js';
export { Unknown, isKnown, known } from './model/model.js';
export { UsageError } from './engine/errors.js';
// The trigger graph (`trigger-lint graph`): lint with `onModel`, then buildGraph(model, result).
export type { RunOptions } from './engine/lint.js';
export { buildGraph, renderGraph, toMermaid, toDot, toJson, GRAPH_FORMATS } from './graph/index.js';
export type { Graph, GraphNode, GraphEdge, Mark, NodeKind, EdgeKind, GraphFormat } from './graph/index.js';
