// stylish, modelled on actionlint: "path:line:col: message [rule]", the source line, and a
// caret under the offending value; then each related location ("--> path:line:col: message")
// with its own line and caret (at most MAX_RELATED); then a summary line.
import type { Finding, Result } from '../types.js';
import type { Reporter } from './types.js';
import { showControls } from './escape.js';

const C = {
  red: (s: string) => `\x1b[31m${s}\x1b[0m`,
  yellow: (s: string) => `\x1b[33m${s}\x1b[0m`,
  cyan: (s: string) => `\x1b[36m${s}\x1b[0m`,
  gray: (s: string) => `\x1b[90m${s}\x1b[0m`,
  bold: (s: string) => `\x1b[1m${s}\x1b[0m`,
};
const id = (s: string) => s;

/** Line starts of the last file seen: findings come sorted by file, so each file is scanned once. */
let lastFile: { text: string; starts: number[] } | undefined;

/** The text of a 1-based line. */
function lineText(text: string | undefined, line: number): string | undefined {
  if (text === undefined) return undefined;
  if (lastFile?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lastFile = { text, starts };
  }
  const { starts } = lastFile;
  if (line < 1 || line > starts.length) return undefined;
  const start = starts[line - 1];
  const end = line < starts.length ? starts[line] - 1 : text.length;
  return text.slice(start, end).replace(/\r$/, '');
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6))
        ? 2
        : 1;
  }
  return w;
}

export function formatFinding(
  f: Finding,
  text: string | undefined,
  color: boolean,
  texts?: Map<string, string>,
): string {
  const paint = color ? C : { red: id, yellow: id, cyan: id, gray: id, bold: id };
  const sev = f.severity === 'error' ? paint.red : f.severity === 'warning' ? paint.yellow : paint.cyan;
  const head = `${paint.bold(`${showControls(f.path)}:${f.line}:${f.column}:`)} ${f.severity === 'error' ? '' : sev(`${f.severity}: `)}${showControls(f.message)} ${paint.gray(`[${f.ruleId}]`)}`;
  const related = f.related ?? [];
  // one gutter width for the finding's snippet and its related ones
  const gutter = Math.max(f.line, ...related.slice(0, MAX_RELATED).map((r) => r.line));
  const main = snippet(text, f, sev, gutter);
  const out = main === undefined ? head : `${head}\n${main}`;
  // every other place the finding refers to, each with its own line (capped)
  const shown = related.slice(0, MAX_RELATED).map((r) => {
    const s = snippet(texts?.get(r.path) ?? (r.path === f.path ? text : undefined), r, paint.cyan, gutter);
    const arrow = `${pad(gutter)}--> ${showControls(r.path)}:${r.line}:${r.column}: ${showControls(r.message)}`;
    return s === undefined ? arrow : `${arrow}\n${s}`;
  });
  if (related.length > MAX_RELATED) shown.push(`${pad(gutter)}... and ${related.length - MAX_RELATED} more`);
  return shown.length ? `${out}\n${shown.join('\n')}` : out;
}

/** Related locations printed with their line; the rest are counted ("and N more"). */
export const MAX_RELATED = 3;

function pad(line: number): string {
  return ' '.repeat(String(line).length);
}

/** The source line of a span with a caret under it; undefined when the line cannot be shown. */
function snippet(
  text: string | undefined,
  f: { line: number; column: number; endLine: number; endColumn: number },
  paint: (s: string) => string,
  gutter = f.line,
): string | undefined {
  const src = lineText(text, f.line);
  if (src === undefined || src.length > 400) return undefined;
  const blank = pad(gutter);
  const num = String(f.line).padStart(blank.length);
  const expanded = src.replace(/\t/g, ' ');
  const col = Math.min(f.column - 1, expanded.length);
  const endCol = f.endLine === f.line ? Math.max(f.endColumn - 1, col + 1) : expanded.length;
  // control characters (a lone CR, ESC…) are shown escaped; the caret counts their escapes
  const lead = width(showControls(expanded.slice(0, col)));
  const span = Math.max(1, width(showControls(expanded.slice(col, Math.max(endCol, col + 1)))));
  const caret = ' '.repeat(lead) + paint('^' + '~'.repeat(Math.max(0, span - 1)));
  return `${blank} |\n${num} | ${showControls(expanded)}\n${blank} | ${caret}`;
}

export function summaryLine(result: Result): string {
  const { errors, warnings, infos, files } = result.summary;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos) parts.push(plural(infos, 'info'));
  const { baselined } = result.summary;
  const hidden = baselined ? ` (${plural(baselined, 'finding')} hidden by the baseline)` : '';
  return `${parts.join(', ')} in ${plural(files, 'file')}${hidden}`;
}

const stylish: Reporter = (result, ctx) => {
  const blocks: string[] = [];
  for (const file of result.files) {
    for (const f of file.findings) blocks.push(formatFinding(f, result.texts.get(f.path), ctx.color, result.texts));
  }
  const summary = summaryLine(result);
  return (blocks.length ? blocks.join('\n\n') + '\n\n' : '') + summary + '\n';
};

export default stylish;
