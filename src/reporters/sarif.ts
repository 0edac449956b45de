// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one result per finding with its rule,
// level, message, region (1-based, UTF-16 columns) and related locations; `tool.driver.rules`
// describes every rule with its docs page (link, full description, help). GitHub's limits: see
// sarif-limits.ts.
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result as SarifResult, Location as SarifLocation } from 'sarif';
import { RULES } from '../../rules/index.js';
import type { Finding, Result, Severity } from '../types.js';
import { VERSION } from '../engine/version.js';
import type { Reporter } from './types.js';
import { helpUri, repositoryUrl } from './links.js';
import { loadRuleHelp } from './rule-docs.js';
import { capResults, fingerprints, FINGERPRINT, MAX_RESULTS_PER_RUN } from './sarif-limits.js';

export { helpUri, repositoryUrl };

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A report path ("dir/s.yaml") as a relative URI reference (an unpaired surrogate, which cannot be encoded, as U+FFFD). */
function uri(path: string): string {
  return path
    .split('/')
    .map((p) => encodeURIComponent(p.replace(/\p{Cs}/gu, '\uFFFD')))
    .join('/');
}

function location(path: string, line: number, column: number, endLine: number, endColumn: number): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri(path), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: line,
        startColumn: column,
        endLine,
        endColumn: Math.max(endColumn, endLine === line ? column + 1 : 1),
      },
    },
  };
}

function result(f: Finding, fingerprint: string, ruleIndex: Map<string, number>): SarifResult {
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
  out.partialFingerprints = { [FINGERPRINT]: fingerprint };
  return out;
}

function descriptors(): ReportingDescriptor[] {
  const help = loadRuleHelp(RULES.map((r) => r.id));
  return RULES.map((r) => {
    const page = help.get(r.id);
    return {
      id: r.id,
      name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: r.description },
      ...(page
        ? { fullDescription: { text: page.fullDescription }, help: { text: page.text, markdown: page.markdown } }
        : {}),
      helpUri: helpUri(r.id),
      defaultConfiguration: r.defaultOff ? { enabled: false, level: LEVEL[r.severity] } : { level: LEVEL[r.severity] },
    };
  });
}

export interface SarifOptions {
  /** Results per run (GitHub rejects a run with more than 25,000). */
  maxResults?: number;
}

export function toSarif(res: Result, cwd: string, options: SarifOptions = {}): Log {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const base = pathToFileURL(cwd.endsWith('/') ? cwd : cwd + '/').href;
  const all = res.files.flatMap((file) => file.findings);
  const printList = fingerprints(all);
  const prints = new Map(all.map((f, i) => [f, printList[i]] as const));
  const { kept, omitted } = capResults(all, options.maxResults ?? MAX_RESULTS_PER_RUN);
  const note = omitted
    ? `${omitted} of ${all.length} results left out: GitHub code scanning accepts at most ${(options.maxResults ?? MAX_RESULTS_PER_RUN).toLocaleString('en-US')} results per run; errors are kept first, then warnings, then infos. Every finding is in the other reports (--format json).`
    : undefined;
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'trigger-lint', version: VERSION, informationUri: repositoryUrl(), rules: descriptors() },
        },
        ...(note
          ? {
              invocations: [
                {
                  executionSuccessful: true,
                  toolExecutionNotifications: [{ level: 'warning', message: { text: note } }],
                },
              ],
            }
          : {}),
        originalUriBaseIds: { '%SRCROOT%': { uri: base } },
        columnKind: 'utf16CodeUnits',
        artifacts: res.files.map((f) => ({
          location: { uri: uri(f.path), uriBaseId: '%SRCROOT%' },
          ...(f.format ? { properties: { format: f.format } } : {}),
        })),
        results: kept.map((f) => result(f, prints.get(f)!, ruleIndex)),
        ...(omitted ? { properties: { totalResults: all.length, omittedResults: omitted } } : {}),
      },
    ],
  };
}

/** The note a capped log carries, for the CLI and the Action to repeat; undefined when nothing was left out. */
export function omittedNote(log: Log): string | undefined {
  return log.runs[0]?.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text;
}

const sarif: Reporter = (res, ctx) => {
  const log = toSarif(res, ctx.cwd);
  const note = omittedNote(log);
  if (note) ctx.warn?.(`SARIF: ${note}`);
  return JSON.stringify(log, null, 2) + '\n';
};

export default sarif;
