// JUnit XML, the shape the common CI test viewers read (Jenkins, GitLab, Azure DevOps, the
// test-reporter Actions): one <testsuite> per linted file, one <testcase> per finding, and one
// passing case for a clean file. A case fails only when its finding fails the run (an error, or a
// warning when --max-warnings is exceeded), so the report agrees with the exit code; the other
// findings are passing cases whose text is in <system-out>.
import type { FileResult, Finding, Result } from '../types.js';
import type { Reporter, ReporterContext } from './types.js';

/** Escape text for XML 1.0 content and attributes; drop characters XML 1.0 cannot hold. */
export function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Element content: only &, < and > need escaping, so messages stay readable. */
function text(s: string): string {
  return xml(s)
    .replace(/&#10;/g, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#9;/g, '\t');
}

/** Whether a finding fails the run. */
function fails(f: Finding, ctx: ReporterContext): boolean {
  return f.severity === 'error' || (f.severity === 'warning' && !!ctx.warningsFail);
}

function testcase(file: FileResult, f: Finding, failing: boolean): string {
  const where = `${f.path}:${f.line}:${f.column}`;
  const body = [
    `${where}: ${f.severity}: ${f.message} [${f.ruleId}]`,
    ...(f.related ?? []).map((r) => `${r.path}:${r.line}:${r.column}: ${r.message}`),
  ].join('\n');
  return (
    `    <testcase classname="${xml(file.path)}" name="${xml(`${where} ${f.ruleId}`)}" file="${xml(file.path)}" line="${f.line}" time="0">\n` +
    (failing
      ? `      <failure type="${f.severity}" message="${xml(f.message)}">${text(body)}</failure>\n`
      : `      <system-out>${text(body)}</system-out>\n`) +
    `    </testcase>`
  );
}

function testsuite(file: FileResult, ctx: ReporterContext): string {
  const cases = file.findings.length
    ? file.findings.map((f) => testcase(file, f, fails(f, ctx)))
    : [`    <testcase classname="${xml(file.path)}" name="${xml(file.path)}" file="${xml(file.path)}" time="0"/>`];
  const tests = Math.max(1, file.findings.length);
  return `  <testsuite name="${xml(file.path)}" tests="${tests}" failures="${file.findings.filter((f) => fails(f, ctx)).length}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`;
}

const junit: Reporter = (result: Result, ctx: ReporterContext) => {
  const tests = result.files.reduce((n, f) => n + Math.max(1, f.findings.length), 0);
  const failures = result.files.reduce((n, f) => n + f.findings.filter((x) => fails(x, ctx)).length, 0);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="trigger-lint" tests="${tests}" failures="${failures}" errors="0" time="0">\n` +
    result.files.map((f) => testsuite(f, ctx)).join('\n') +
    (result.files.length ? '\n' : '') +
    '</testsuites>\n'
  );
};

export default junit;
