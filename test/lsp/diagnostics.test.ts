// `trigger-lint lsp --stdio` driven over stdio with vscode-jsonrpc: initialize, didOpen and
// didChange publish what the CLI reports, at the same ranges, with the LSP fields an editor shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { LspClient } from './client.js';
import { byCode, cli, exampleWorkspace, positionOf } from './helpers.js';

describe('diagnostics', () => {
  const ws = exampleWorkspace('lsp-diag');
  let client: LspClient;
  let opened: Diagnostic[];

  beforeAll(async () => {
    client = await LspClient.start({ root: ws.root });
    opened = await client.open(ws.file, ws.text);
  });
  afterAll(() => client.kill());

  it('answers initialize with its capabilities and name', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    expect(serverInfo?.name).toBe('trigger-lint');
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.trigger-lint'] });
    expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2, save: { includeText: false } });
  });

  it('publishes on didOpen exactly the findings of `trigger-lint --format json`, at the same positions', () => {
    const run = cli(['--format', 'json', 's.yaml'], { cwd: ws.root });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).files[0].findings as { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
    expect(findings.length).toBeGreaterThan(5);
    const severity = { error: 1, warning: 2, info: 3 } as const;
    expect(opened.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }))).toEqual(findings.map((f) => ({
      code: f.ruleId,
      severity: severity[f.severity as keyof typeof severity],
      message: f.message,
      range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
    })));
  });

  it('puts the range on the offending value, with source, code and the rule docs page', () => {
    const [d] = byCode(opened, 'prefix-leading-slash');
    const start = positionOf(ws.text, '/incoming/');
    expect(d.range).toEqual({ start, end: { line: start.line, character: start.character + '/incoming/'.length } });
    expect(d.source).toBe('trigger-lint');
    expect(d.severity).toBe(1);
    expect(d.codeDescription?.href).toMatch(/\/docs\/rules\/prefix-leading-slash\.md$/);
    expect(d.message).toMatch(/^prefix "\/incoming\/" starts with "\/": .*; use "incoming\/"$/);
  });

  it('maps warnings to 2 and infos to 3', () => {
    expect(byCode(opened, 'multipart-fanout')[0]?.severity).toBe(3);
    expect(opened.some((d) => d.severity === 2)).toBe(true);
  });

  it('gives related locations as relatedInformation', () => {
    const withRelated = opened.filter((d) => d.relatedInformation?.length);
    expect(withRelated.length).toBeGreaterThan(0);
    for (const d of withRelated) {
      for (const r of d.relatedInformation!) {
        expect(r.location.uri).toBe(client.latest(ws.file)!.uri);
        expect(r.message).not.toBe('');
        expect(r.location.range.start.line).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('re-publishes on didChange with the new version, and drops what the edit fixed', async () => {
    const fixed = ws.text.replace('prefix: /incoming/', 'prefix: incoming/');
    const after = await client.change(ws.file, 2, fixed);
    expect(byCode(after, 'prefix-leading-slash')).toEqual([]);
    expect(after.length).toBe(opened.length - 1);
    expect(client.latest(ws.file)!.version).toBe(2);
  });

  it('keeps syntax diagnostics for a file that no longer parses, at the broken line', async () => {
    const broken = ws.text.replace('access: default', 'access: default\nname: again');
    const after = await client.change(ws.file, 3, broken);
    const syntax = byCode(after, 'syntax');
    expect(syntax.map((d) => d.message)).toEqual([expect.stringMatching(/^duplicate key "name"/)]);
    expect(syntax[0].range.start).toEqual(positionOf(broken, 'name: again'));
    const unclosed = await client.change(ws.file, 4, `${ws.text}\nflow: [unclosed\n`);
    expect(byCode(unclosed, 'syntax').length).toBeGreaterThan(0);
  });

  it('clears the diagnostics of a closed file', async () => {
    const cleared = client.next(ws.file);
    await client.notify('textDocument/didClose', { textDocument: { uri: client.latest(ws.file)!.uri } });
    expect(await cleared).toEqual([]);
  });

  it('shuts down and exits with 0', async () => {
    expect(await client.shutdown()).toBe(0);
  });
});
