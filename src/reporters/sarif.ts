// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one result per finding with its rule,
// level, message, region (1-based, UTF-16 columns) and related locations; `tool.driver.rules`
// describes every rule with a link to its docs page.
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result as SarifResult, Location as SarifLocation } from 'sarif';
import { RULES } from '../../rules/index.js';
import type { Finding, Result, Severity } from '../types.js';
import { VERSION } from '../engine/version.js';
import type { Reporter } from './types.js';
import { helpUri, repositoryUrl } from './links.js';

export { helpUri, repositoryUrl };

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A report path ("dir/s.yaml") as a relative URI reference. */
function uri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function location(path: string, line: number, column: number, endLine: number, endColumn: number): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri(path), uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: column, endLine, endColumn: Math.max(endColumn, endLine === line ? column + 1 : 1) },
    },
  };
}

function result(f: Finding, ruleIndex: Map<string, number>): SarifResult {
  const out: SarifResult = {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.path, f.line, f.column, f.endLine, f.endColumn)],
  };
  const index = ruleIndex.get(f.ruleId);
  if (index !== undefined) out.ruleIndex = index;
  if (f.related?.length) {
    out.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      ...location(r.path, r.line, r.column, r.endLine, r.endColumn),
      message: { text: r.message },
    }));
  }
  if (f.key) out.partialFingerprints = { 'triggerLintKey/v1': f.key };
  return out;
}

export function toSarif(res: Result, cwd: string): Log {
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description },
    helpUri: helpUri(r.id),
    defaultConfiguration: r.defaultOff ? { enabled: false, level: LEVEL[r.severity] } : { level: LEVEL[r.severity] },
  }));
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const base = pathToFileURL(cwd.endsWith('/') ? cwd : cwd + '/').href;
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'trigger-lint', version: VERSION, informationUri: repositoryUrl(), rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: base } },
      columnKind: 'utf16CodeUnits',
      artifacts: res.files.map((f) => ({ location: { uri: uri(f.path), uriBaseId: '%SRCROOT%' }, ...(f.format ? { properties: { format: f.format } } : {}) })),
      results: res.files.flatMap((file) => file.findings.map((f) => result(f, ruleIndex))),
    }],
  };
}

const sarif: Reporter = (res, ctx) => JSON.stringify(toSarif(res, ctx.cwd), null, 2) + '\n';

export default sarif;
