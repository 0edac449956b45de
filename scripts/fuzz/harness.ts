// The fuzz loop: input number i of a run is rebuilt from (seed, i) alone — a seed file (a real
// config, a fixture, a past reproducer) or a document generated from a format's grammar, put
// through a few mutation operators — then linted in process with `lint()`, its fixes applied and
// linted again, and every result checked (check.ts). The first pass over the slots lints each
// seed and each grammar unmutated.
import { performance } from 'node:perf_hooks';
import type { Input, LintOptions, Result, RuleSetting, Finding } from '../../src/index.js';
import type { FormatAdapter } from '../../src/formats/types.js';
import type { Rule } from '../../src/engine/rule.js';
import { inputSeed, makeRng, type Rng } from './rng.js';
import { loadSeeds, type Seed } from './seeds.js';
import { GRAMMARS, grammarDoc, loadGrammars } from './grammar.js';
import { mutate } from './mutate.js';
import { checkResult, type Problem, type ProblemKind } from './check.js';
import { BUCKETS, REGIONS } from './values.js';

/** What the harness needs of trigger-lint (the sources in tests, a bundle of them in `npm run fuzz`). */
export interface FuzzApi {
  lint(inputs: Input[], options?: LintOptions): Promise<Result>;
  FORMATS: FormatAdapter[];
  RULES: Rule[];
  applyFixes(text: string, findings: Finding[]): { text: string; applied: number };
}

export interface Case {
  index: number;
  from: string;
  ops: string[];
  inputs: Input[];
  options: LintOptions;
}

/** An input that takes more CPU time than this (lint, fixes and re-lint) is a problem. */
export const SLOW_MS = 2000;
/** Grammar slots per format in one round of slots. */
const GRAMMAR_WEIGHT = 8;

export interface Corpus {
  seeds: Seed[];
  grammars: Map<string, Record<string, unknown>>;
  slots: (Seed | string)[];
}

export function loadCorpus(root: string): Corpus {
  const seeds = loadSeeds(root);
  const grammars = loadGrammars(root);
  const slots: (Seed | string)[] = [...seeds];
  for (let k = 0; k < GRAMMAR_WEIGHT; k++) slots.push(...Object.keys(GRAMMARS));
  return { seeds, grammars, slots };
}

function optionsFor(rng: Rng, api: FuzzApi): LintOptions {
  const options: LintOptions = { env: rng.chance(0.1) ? { REGION: rng.pick(REGIONS), X: 'x' } : {} };
  if (rng.chance(0.85)) {
    // every rule on, the default-off ones too
    const rules: Record<string, RuleSetting> = {};
    for (const r of api.RULES) rules[r.id] = rng.chance(0.05) ? 'off' : r.severity;
    options.rules = rules;
  }
  if (rng.chance(0.05)) options.quiet = true;
  if (rng.chance(0.08)) options.inputFormat = rng.pick(api.FORMATS).id;
  if (rng.chance(0.1))
    options.vars = {
      bucket: rng.pick(BUCKETS),
      region: rng.pick(REGIONS),
      x: rng.pick<unknown>([1, null, { a: 'b' }, ['x']]),
    };
  if (rng.chance(0.05)) options.limits = { aliyun: rng.pick([0, 1, 20]), tencent: 2 };
  return options;
}

export function makeCase(corpus: Corpus, api: FuzzApi, seed: number, index: number): Case {
  const rng = makeRng(inputSeed(seed, index));
  const slot = corpus.slots[index % corpus.slots.length];
  const pristine = index < corpus.slots.length;
  const donor = () => rng.pick(rng.pick(corpus.seeds).files).text;
  let from: string;
  let inputs: Input[];
  const ops: string[] = [];
  if (typeof slot === 'string') {
    from = `grammar:${slot}`;
    const doc = grammarDoc(rng, slot, corpus.grammars.get(slot)!);
    inputs = [pristine || rng.chance(0.5) ? doc : { path: doc.path, text: record(mutate(rng, doc.text, donor())) }];
  } else {
    from = slot.name;
    const target = rng.int(0, slot.files.length - 1);
    inputs = slot.files.map((f, i) =>
      pristine || (i !== target && !rng.chance(0.2)) ? f : { path: f.path, text: record(mutate(rng, f.text, donor())) },
    );
  }
  if (!pristine && rng.chance(0.06)) {
    // a second file in the same run: the cross-file rules
    const other = rng.pick(rng.pick(corpus.seeds).files);
    if (!inputs.some((i) => i.path === other.path))
      inputs.push(rng.chance(0.5) ? other : { path: other.path, text: record(mutate(rng, other.text, donor())) });
  }
  return { index, from, ops, inputs, options: pristine ? { env: {} } : optionsFor(rng, api) };

  function record(m: { text: string; ops: string[] }): string {
    ops.push(...m.ops);
    return m.text;
  }
}

/** Wrap every format's detect(): the engine swallows what it throws, the harness counts it. */
export function instrument(api: FuzzApi, onInternal: (detail: string) => void): void {
  for (const f of api.FORMATS) {
    const marked = f as FormatAdapter & { __fuzzed?: boolean };
    if (marked.__fuzzed) continue;
    const detect = f.detect.bind(f);
    f.detect = (doc, source) => {
      try {
        return detect(doc, source);
      } catch (e) {
        onInternal(`format ${f.id}: detect() threw ${(e as Error)?.stack ?? String(e)}`);
        throw e;
      }
    };
    marked.__fuzzed = true;
  }
}

let pendingInternal: string[] = [];
/** Internal errors the instrumented code reported during the current case. */
export function reportInternal(detail: string): void {
  pendingInternal.push(detail);
}

export async function runCase(api: FuzzApi, c: Case): Promise<Problem[]> {
  const problems: Problem[] = [];
  const ruleIds = new Set(api.RULES.map((r) => r.id));
  pendingInternal = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const texts = new Map(c.inputs.map((i) => [i.path, i.text]));
    let result = await api.lint(c.inputs, c.options);
    problems.push(...checkResult(result, texts, ruleIds));
    // --fix: apply every fix, lint the fixed texts (twice at most), check those results too
    for (let pass = 0; pass < 2; pass++) {
      const fixed = c.inputs.map((i) => {
        const findings = result.files.find((f) => f.path === i.path)?.findings ?? [];
        return findings.some((f) => f.fix?.length)
          ? { path: i.path, text: api.applyFixes(texts.get(i.path)!, findings).text }
          : { path: i.path, text: texts.get(i.path)! };
      });
      if (fixed.every((f) => f.text === texts.get(f.path))) break;
      for (const f of fixed) texts.set(f.path, f.text);
      result = await api.lint(fixed, c.options);
      for (const p of checkResult(result, texts, ruleIds))
        problems.push({ kind: p.kind, detail: `after fixes (pass ${pass + 1}): ${p.detail}` });
    }
  } catch (e) {
    problems.push({ kind: 'exception', detail: (e as Error)?.stack ?? String(e) });
  }
  for (const d of pendingInternal) problems.push({ kind: 'internal', detail: d });
  // CPU time, not wall time: on a machine shared with other work, wall time measures the neighbours
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (cpuMs > SLOW_MS)
    problems.push({
      kind: 'slow',
      detail: `took ${cpuMs.toFixed(0)} ms of CPU time (${(performance.now() - t0).toFixed(0)} ms wall; limit ${SLOW_MS} ms)`,
    });
  return problems;
}

export type Counts = Record<ProblemKind, number> & { inputs: number };

export interface FuzzRun {
  api: FuzzApi;
  corpus: Corpus;
  seed: number;
  start?: number;
  count: number;
  /** Called for every input with at least one problem. */
  onProblem?(c: Case, problems: Problem[]): void;
  /** Called before each input (the watchdog's heartbeat). */
  onStart?(index: number): void;
}

export async function fuzz(run: FuzzRun): Promise<Counts> {
  instrument(run.api, reportInternal);
  const counts: Counts = { inputs: 0, exception: 0, internal: 0, position: 0, slow: 0 };
  const start = run.start ?? 0;
  for (let i = start; i < start + run.count; i++) {
    run.onStart?.(i);
    const c = makeCase(run.corpus, run.api, run.seed, i);
    const problems = await runCase(run.api, c);
    counts.inputs++;
    for (const kind of new Set(problems.map((p) => p.kind))) counts[kind]++;
    if (problems.length) run.onProblem?.(c, problems);
  }
  return counts;
}
