// What the fuzz harness counts as a problem in a lint result: a finding whose position cannot
// exist in its file (line or column < 1, end before start, past the end of the file, or line and
// column that disagree with the offsets), a fix edit outside the text, and signs of an internal
// error in a message (empty, or `undefined` / `NaN` / `[object Object]` outside quoted values).
import { readFileSync } from 'node:fs';
import type { Finding, Result } from '../../src/index.js';

export type ProblemKind = 'exception' | 'internal' | 'position' | 'slow';
export interface Problem {
  kind: ProblemKind;
  detail: string;
}

interface Lines {
  starts: number[];
  length: number;
}
function lineTable(text: string): Lines {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return { starts, length: text.length };
}
/** Length of 1-based line `line`, without its "\n". */
function lineLength(t: Lines, line: number): number {
  const end = line < t.starts.length ? t.starts[line] - 1 : t.length;
  return end - t.starts[line - 1];
}
function posOf(t: Lines, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - t.starts[lo] + 1 };
}

const int = (n: unknown) => typeof n === 'number' && Number.isInteger(n);

/** Problems with one (line, column): not an integer, < 1, or past the end of the file. */
function checkPoint(t: Lines, line: number, column: number, what: string): string | undefined {
  if (!int(line) || !int(column)) return `${what} ${line}:${column} is not a pair of integers`;
  if (line < 1 || column < 1) return `${what} ${line}:${column} is before the start of the file`;
  if (line > t.starts.length) return `${what} ${line}:${column} is past the last line (${t.starts.length})`;
  if (column > lineLength(t, line) + 1)
    return `${what} ${line}:${column} is past the end of line ${line} (${lineLength(t, line)} characters)`;
  return undefined;
}

function checkSpan(
  t: Lines,
  s: { line: number; column: number; endLine: number; endColumn: number },
  what: string,
): string[] {
  const out = [
    checkPoint(t, s.line, s.column, `${what} start`),
    checkPoint(t, s.endLine, s.endColumn, `${what} end`),
  ].filter((x): x is string => !!x);
  if (!out.length && (s.endLine < s.line || (s.endLine === s.line && s.endColumn < s.column)))
    out.push(`${what} ends (${s.endLine}:${s.endColumn}) before it starts (${s.line}:${s.column})`);
  return out;
}

const INTERNAL = /\bundefined\b(?!-| variable| reference)|(?<!number |[.[])\bNaN\b|\[object \w+\]/;
/** A message with the quoted parts (offending values, which may say anything) taken out. */
const unquoted = (m: string) =>
  m
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/`[^`]*`/g, '``')
    .replace(/'[^'\s]*'/g, "''");

function checkFinding(
  f: Finding,
  texts: Map<string, string>,
  tables: Map<string, Lines>,
  known: Set<string>,
): Problem[] {
  const out: Problem[] = [];
  const table = (p: string) => {
    if (!tables.has(p)) tables.set(p, lineTable(texts.get(p) ?? ''));
    return tables.get(p)!;
  };
  const where = `${f.ruleId} at ${f.path}:${f.line}:${f.column} "${f.message.slice(0, 160)}"`;
  if (!texts.has(f.path)) out.push({ kind: 'position', detail: `${where}: the finding's file is not an input` });
  const t = table(f.path);
  for (const d of checkSpan(t, f, 'finding')) out.push({ kind: 'position', detail: `${where}: ${d}` });
  const { start, end } = f;
  {
    if (!int(start) || !int(end) || start < 0 || end < start || end > t.length)
      out.push({
        kind: 'position',
        detail: `${where}: offsets ${start}..${end} are not a span of the ${t.length}-character text`,
      });
    else {
      const a = posOf(t, start);
      const b = posOf(t, end);
      if (a.line !== f.line || a.column !== f.column || b.line !== f.endLine || b.column !== f.endColumn) {
        out.push({
          kind: 'position',
          detail: `${where}: line/column ${f.line}:${f.column}-${f.endLine}:${f.endColumn} disagree with offsets ${start}..${end} (${a.line}:${a.column}-${b.line}:${b.column})`,
        });
      }
    }
  }
  for (const r of f.related ?? []) {
    if (!texts.has(r.path)) {
      const onDisk = readText(r.path); // a handler code file the code stage read
      if (onDisk === undefined)
        out.push({
          kind: 'position',
          detail: `${where}: related location in ${r.path}, which is neither an input nor a file`,
        });
      else texts.set(r.path, onDisk);
    }
    for (const d of checkSpan(table(r.path), r, `related ${r.path}`))
      out.push({ kind: 'position', detail: `${where}: ${d}` });
  }
  for (const e of f.fix ?? []) {
    if (
      !int(e.start) ||
      !int(e.end) ||
      e.start < 0 ||
      e.end < e.start ||
      e.end > t.length ||
      typeof e.text !== 'string'
    ) {
      out.push({
        kind: 'position',
        detail: `${where}: fix edit ${e.start}..${e.end} is not a span of the ${t.length}-character text`,
      });
    }
  }
  if (!known.has(f.ruleId)) out.push({ kind: 'internal', detail: `${where}: unknown rule id` });
  if (!['error', 'warning', 'info'].includes(f.severity))
    out.push({ kind: 'internal', detail: `${where}: severity ${String(f.severity)}` });
  if (typeof f.message !== 'string' || !f.message.trim())
    out.push({ kind: 'internal', detail: `${where}: empty message` });
  else if (INTERNAL.test(unquoted(f.message)))
    out.push({ kind: 'internal', detail: `${where}: the message shows an internal value` });
  else if (/^cannot parse: /.test(f.message))
    out.push({ kind: 'internal', detail: `${where}: the YAML parser threw (caught as a syntax finding)` });
  for (const r of f.related ?? [])
    if (!r.message?.trim() || INTERNAL.test(unquoted(r.message)))
      out.push({ kind: 'internal', detail: `${where}: related message "${r.message}"` });
  return out;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every problem in one lint result. `texts`: the input texts by path (files read from disk are added). */
export function checkResult(result: Result, texts: Map<string, string>, ruleIds: Set<string>): Problem[] {
  const tables = new Map<string, Lines>();
  const out: Problem[] = [];
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.path !== file.path)
        out.push({ kind: 'internal', detail: `${f.ruleId} finding for ${f.path} filed under ${file.path}` });
      out.push(...checkFinding(f, texts, tables, ruleIds));
    }
  }
  // a rule or an adapter that threw is caught by the engine with its context (src/engine/crash.ts);
  // a detection that threw is already counted, with its stack, by instrument() in harness.ts
  for (const c of result.internalErrors ?? []) {
    if (!c.in.endsWith('(detection)'))
      out.push({ kind: 'internal', detail: `${c.in} threw at ${c.path}:${c.line}:${c.column}: ${c.message}` });
  }
  return out;
}
