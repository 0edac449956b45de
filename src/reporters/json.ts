// The stable JSON shape of docs/architecture.md, "The command line" (other tools parse it: change only with a new version).
import type { Reporter } from './types.js';

const json: Reporter = (result) => {
  const out = {
    version: 1,
    files: result.files.map((f) => ({
      path: f.path,
      format: f.format,
      findings: f.findings.map((x) => ({
        ruleId: x.ruleId,
        severity: x.severity,
        message: x.message,
        line: x.line,
        column: x.column,
        endLine: x.endLine,
        endColumn: x.endColumn,
        ...(x.related?.length
          ? { related: x.related.map((r) => ({ path: r.path, line: r.line, column: r.column, message: r.message })) }
          : {}),
      })),
    })),
    summary: {
      files: result.summary.files,
      errors: result.summary.errors,
      warnings: result.summary.warnings,
      infos: result.summary.infos,
      ...(result.summary.baselined !== undefined ? { baselined: result.summary.baselined } : {}),
    },
  };
  return JSON.stringify(out, null, 2) + '\n';
};

export default json;
