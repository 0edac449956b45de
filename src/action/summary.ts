// The job summary: the outcome, a table of findings by file and rule, every finding (GitHub shows
// only some annotations per step, so this table and the SARIF file are the complete record), and
// the trigger graph. GitHub rejects a step summary over 1 MiB ("$GITHUB_STEP_SUMMARY upload
// aborted, supports content up to a size of 1024k"), so the whole text — both tables and the
// graph — is built within a byte budget below that; what does not fit is counted and named.
import type { Finding, Result, Severity } from '../types.js';
import { summaryLine } from '../reporters/stylish.js';
import { helpUri } from '../reporters/links.js';
import { markdownCode, markdownText } from '../reporters/escape.js';
import type { Model } from '../model/model.js';
import { buildGraph } from '../graph/build.js';
import type { Graph } from '../graph/types.js';
import { toMermaid } from '../graph/mermaid.js';

/** GitHub's limit is 1 MiB per step summary; keep the whole summary (UTF-8 bytes) below this. */
export const SUMMARY_BUDGET = 900 * 1024;
/** The by-file table takes at most this share of the budget, so the findings themselves always get room. */
const TABLE_SHARE = 0.3;

/** GitHub renders Mermaid with its default limits (500 edges, 50,000 characters); stay well inside them. */
const MAX_EDGES = 400;
const MAX_TEXT = 40_000;

/** The run's trigger graph (src/graph/) as Mermaid; undefined when it is empty, null when it is too large to draw. */
export function summaryGraph(
  model: Model,
  result: Result,
  redact: (g: Graph) => Graph = (g) => g,
): string | null | undefined {
  const graph = redact(buildGraph(model, result));
  if (!graph.nodes.length) return undefined;
  const text = toMermaid(graph).trimEnd();
  return graph.edges.length > MAX_EDGES || text.length > MAX_TEXT ? null : text;
}

/** User text for a Markdown table cell: inert (no link, image, emphasis or HTML renders; src/reporters/escape.ts). */
export const cell = markdownText;

/** Lines of Markdown, with their size in UTF-8 bytes (each line counts its newline). */
class Lines {
  readonly lines: string[] = [];
  bytes = 0;
  push(...lines: string[]): void {
    for (const l of lines) {
      this.lines.push(l);
      this.bytes += Buffer.byteLength(l) + 1;
    }
  }
}

const bytesOf = (lines: string[]) => lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);

type Counts = Record<Severity, number>;

function byFileAndRule(result: Result, budget: number): string[] {
  const out = new Lines();
  out.push('| File | Rule | Errors | Warnings | Infos |', '| --- | --- | ---: | ---: | ---: |');
  const rows: { file: string; line: string }[] = [];
  let clean = 0;
  for (const file of result.files) {
    if (!file.findings.length) {
      clean++;
      continue;
    }
    const per = new Map<string, Counts>();
    for (const f of file.findings) {
      const c = per.get(f.ruleId) ?? per.set(f.ruleId, { error: 0, warning: 0, info: 0 }).get(f.ruleId)!;
      c[f.severity]++;
    }
    for (const [rule, c] of [...per].sort(([a], [b]) => (a < b ? -1 : 1))) {
      rows.push({
        file: file.path,
        line: `| ${markdownCode(file.path)} | [${rule}](${helpUri(rule)}) | ${c.error} | ${c.warning} | ${c.info} |`,
      });
    }
  }
  const reserve = 200; // the closing notes
  let shown = 0;
  for (const row of rows) {
    if (out.bytes + Buffer.byteLength(row.line) + 1 + reserve > budget) break;
    out.push(row.line);
    shown++;
  }
  out.push('');
  if (shown < rows.length) {
    const files = new Set(rows.slice(shown).map((r) => r.file)).size;
    out.push(
      `The summary is limited to 1 MiB: ${rows.length - shown} more rows (${files} file${files === 1 ? '' : 's'}) are in the step log.`,
      '',
    );
  }
  if (clean) out.push(`${clean} file${clean === 1 ? '' : 's'} without findings.`, '');
  return out.lines;
}

function findingRow(f: Finding): string {
  const related = (f.related ?? [])
    .map((r) => `<br>↳ ${markdownCode(`${r.path}:${r.line}:${r.column}`)} ${cell(r.message)}`)
    .join('');
  return `| ${f.severity} | ${markdownCode(`${f.path}:${f.line}:${f.column}`)} | ${f.ruleId} | ${cell(f.message)}${related} |`;
}

export interface SummaryInput {
  result: Result;
  failOn: string;
  failed: boolean;
  sarifFile?: string;
  /** The Mermaid flowchart; null when it is too large to draw. */
  graph?: string | null;
  /** Bytes the summary may take (default SUMMARY_BUDGET). */
  budget?: number;
}

export function summaryMarkdown({
  result,
  failOn,
  failed,
  sarifFile,
  graph,
  budget = SUMMARY_BUDGET,
}: SummaryInput): string {
  const out = new Lines();
  out.push('## trigger-lint', '');
  out.push(`**${summaryLine(result)}** — fail-on: \`${failOn}\` → ${failed ? '❌ failed' : '✅ passed'}`, '');
  if (sarifFile) out.push(`SARIF report: ${markdownCode(sarifFile)}`, '');
  const graphLines = graph
    ? [
        '### Triggers',
        '',
        'Buckets → triggers → functions → the buckets they write into, with timers, gateways, log stores and queues; loops and overlapping triggers in red, named by their rule; unknown values dashed.',
        '',
        '```mermaid',
        graph,
        '```',
        '',
      ]
    : graph === null
      ? ['### Triggers', '', 'The trigger graph is too large to draw here.', '']
      : [];
  const findings = result.files.flatMap((f) => f.findings);
  const tail = 300; // the "N more findings" note and the graph's fallback
  if (findings.length) {
    out.push('### Findings by file and rule', '');
    out.push(...byFileAndRule(result, Math.floor(budget * TABLE_SHARE)));
    out.push(
      `### All ${findings.length} finding${findings.length === 1 ? '' : 's'}`,
      '',
      '| Severity | Location | Rule | Message |',
      '| --- | --- | --- | --- |',
    );
    // the findings come before the graph: the graph is left out before any finding is
    const graphBytes = bytesOf(graphLines);
    const room = (withGraph: boolean) => budget - tail - (withGraph ? graphBytes : 0);
    const rows = findings.map(findingRow);
    const rowBytes = rows.map((r) => Buffer.byteLength(r) + 1);
    const all = rowBytes.reduce((a, b) => a + b, 0);
    const keepGraph = out.bytes + all <= room(true);
    let shown = 0;
    for (; shown < rows.length; shown++) {
      if (out.bytes + rowBytes[shown] > room(keepGraph)) break;
      out.push(rows[shown]);
    }
    if (shown < rows.length) {
      out.push(
        '',
        `The summary is limited to 1 MiB: ${rows.length - shown} more finding${rows.length - shown === 1 ? ' is' : 's are'} in the step log${sarifFile ? ' and the SARIF report' : ''}.`,
      );
    }
    out.push('');
    if (!keepGraph && graphLines.length) {
      out.push(
        '### Triggers',
        '',
        'The trigger graph is left out: the findings take the 1 MiB the summary may have.',
        '',
      );
      return out.lines.join('\n') + '\n';
    }
  }
  out.push(...graphLines);
  return out.lines.join('\n') + '\n';
}
