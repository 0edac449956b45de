// GitHub Actions workflow commands: one `::error file=…,line=…::message` annotation per finding
// (`::warning` for warnings, `::notice` for infos), escaped the way GitHub's toolkit does
// (actions/toolkit packages/core/src/command.ts): data escapes %, \r, \n; properties also : and ,.
import type { Finding, Result } from '../types.js';
import type { Reporter } from './types.js';
import { showControls } from './escape.js';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** The annotation of one finding; related locations follow the message on their own lines. */
export function annotation(f: Finding): string {
  const props = [
    `file=${escapeProperty(f.path)}`, // the path itself: GitHub resolves it (%-escaped, so no control character acts)
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `endColumn=${f.endColumn}`,
    `title=${escapeProperty(f.ruleId)}`,
  ].join(',');
  // user text shows its control characters escaped; only the lines this joins are real newlines
  const related = (f.related ?? [])
    .map((r) => `\n${showControls(r.path)}:${r.line}:${r.column}: ${showControls(r.message)}`)
    .join('');
  return `::${COMMAND[f.severity]} ${props}::${escapeData(showControls(f.message) + related)}`;
}

export function annotations(result: Result): string[] {
  return result.files.flatMap((file) => file.findings.map(annotation));
}

const github: Reporter = (result) => {
  const lines = annotations(result);
  return lines.length ? lines.join('\n') + '\n' : '';
};

export default github;
