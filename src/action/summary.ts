// The job summary: the outcome, a table of findings by file and rule, every finding (GitHub shows
// only some annotations per step, so this table and the SARIF file are the complete record), and
// the trigger graph.
import type { Finding, Result } from '../types.js';
import { summaryLine } from '../reporters/stylish.js';
import { helpUri } from '../reporters/links.js';

/** GitHub rejects a step summary over 1 MiB; keep the whole summary below this. */
export const SUMMARY_BUDGET = 900 * 1024;

/** Text for a Markdown table cell. */
export function cell(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function byFileAndRule(result: Result): string[] {
  const rows: string[] = ['| File | Rule | Errors | Warnings |', '| --- | --- | ---: | ---: |'];
  for (const file of result.files) {
    const per = new Map<string, { errors: number; warnings: number }>();
    for (const f of file.findings) {
      const c = per.get(f.ruleId) ?? per.set(f.ruleId, { errors: 0, warnings: 0 }).get(f.ruleId)!;
      if (f.severity === 'error') c.errors++;
      else c.warnings++;
    }
    if (!per.size) rows.push(`| \`${cell(file.path)}\` | — | 0 | 0 |`);
    for (const [rule, c] of [...per].sort(([a], [b]) => (a < b ? -1 : 1))) {
      rows.push(`| \`${cell(file.path)}\` | [${rule}](${helpUri(rule)}) | ${c.errors} | ${c.warnings} |`);
    }
  }
  return rows;
}

function findingRow(f: Finding): string {
  const related = (f.related ?? []).map((r) => `<br>↳ \`${cell(`${r.path}:${r.line}:${r.column}`)}\` ${cell(r.message)}`).join('');
  return `| ${f.severity} | \`${cell(`${f.path}:${f.line}:${f.column}`)}\` | ${f.ruleId} | ${cell(f.message)}${related} |`;
}

export interface SummaryInput {
  result: Result;
  failOn: string;
  failed: boolean;
  sarifFile?: string;
  /** The Mermaid flowchart; null when it is too large to draw. */
  graph?: string | null;
}

export function summaryMarkdown({ result, failOn, failed, sarifFile, graph }: SummaryInput): string {
  const out: string[] = ['## trigger-lint', ''];
  out.push(`**${summaryLine(result)}** — fail-on: \`${failOn}\` → ${failed ? '❌ failed' : '✅ passed'}`, '');
  if (sarifFile) out.push(`SARIF report: \`${cell(sarifFile)}\``, '');
  const findings = result.files.flatMap((f) => f.findings);
  if (findings.length) {
    out.push('### Findings by file and rule', '', ...byFileAndRule(result), '');
    out.push(`### All ${findings.length} finding${findings.length === 1 ? '' : 's'}`, '', '| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
    let size = out.join('\n').length + (graph?.length ?? 0) + 200;
    for (let i = 0; i < findings.length; i++) {
      const row = findingRow(findings[i]);
      size += Buffer.byteLength(row) + 1;
      if (size > SUMMARY_BUDGET) {
        out.push('', `The summary is limited to 1 MiB: ${findings.length - i} more findings are in the step log${sarifFile ? ' and the SARIF report' : ''}.`);
        break;
      }
      out.push(row);
    }
    out.push('');
  }
  if (graph === null) out.push('### Triggers', '', 'The trigger graph is too large to draw here.', '');
  if (graph) {
    out.push('### Triggers', '', 'Buckets → triggers → functions → the buckets they write into; overlapping triggers in yellow, loops in red.', '', '```mermaid', graph, '```', '');
  }
  return out.join('\n') + '\n';
}
