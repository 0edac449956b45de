// `trigger-lint lsp --stdio` driven over stdio with vscode-jsonrpc: initialize, didOpen and
// didChange publish what the CLI reports, at the same ranges, with the LSP fields an editor shows.
import { describe, expect, it } from 'vitest';
import { byCode, cli, exampleWorkspace, positionOf, serverWith } from './helpers.js';

describe('diagnostics', () => {
  const ws = exampleWorkspace('lsp-diag');
  const server = serverWith(ws.root, ws.file, ws.text);

  it('answers initialize with its capabilities and name', () => {
    const { capabilities, serverInfo } = server.client.initializeResult;
    expect(serverInfo?.name).toBe('trigger-lint');
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.trigger-lint'] });
    expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2, save: { includeText: false } });
  });

  it('publishes on didOpen exactly the findings of `trigger-lint --format json`, at the same positions', () => {
    const run = cli(['--format', 'json', 's.yaml'], { cwd: ws.root });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).files[0].findings as {
      ruleId: string;
      severity: string;
      message: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
    }[];
    expect(findings.length).toBeGreaterThan(5);
    const severity = { error: 1, warning: 2, info: 3 } as const;
    expect(
      server.diags.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
    ).toEqual(
      findings.map((f) => ({
        code: f.ruleId,
        severity: severity[f.severity as keyof typeof severity],
        message: f.message,
        range: {
          start: { line: f.line - 1, character: f.column - 1 },
          end: { line: f.endLine - 1, character: f.endColumn - 1 },
        },
      })),
    );
  });

  it('puts the range on the offending value, with source, code and the rule docs page', () => {
    const [d] = byCode(server.diags, 'prefix-leading-slash');
    const start = positionOf(ws.text, '/incoming/');
    expect(d.range).toEqual({ start, end: { line: start.line, character: start.character + '/incoming/'.length } });
    expect(d.source).toBe('trigger-lint');
    expect(d.severity).toBe(1);
    expect(d.codeDescription?.href).toMatch(/\/docs\/rules\/prefix-leading-slash\.md$/);
    expect(d.message).toMatch(/^prefix "\/incoming\/" starts with "\/": .*; use "incoming\/"$/);
  });

  it('maps warnings to 2 and infos to 3', () => {
    expect(byCode(server.diags, 'multipart-fanout')[0]?.severity).toBe(3);
    expect(server.diags.some((d) => d.severity === 2)).toBe(true);
  });

  it('gives related locations as relatedInformation', () => {
    const withRelated = server.diags.filter((d) => d.relatedInformation?.length);
    expect(withRelated.length).toBeGreaterThan(0);
    for (const d of withRelated) {
      for (const r of d.relatedInformation!) {
        expect(r.location.uri).toBe(server.client.latest(ws.file)!.uri);
        expect(r.message).not.toBe('');
        expect(r.location.range.start.line).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('re-publishes on didChange with the new version, and drops what the edit fixed', async () => {
    const fixed = ws.text.replace('prefix: /incoming/', 'prefix: incoming/');
    const after = await server.client.change(ws.file, 2, fixed);
    expect(byCode(after, 'prefix-leading-slash')).toEqual([]);
    expect(after.length).toBe(server.diags.length - 1);
    expect(server.client.latest(ws.file)!.version).toBe(2);
  });

  it('keeps syntax diagnostics for a file that no longer parses, at the broken line', async () => {
    const broken = ws.text.replace('access: default', 'access: default\nname: again');
    const after = await server.client.change(ws.file, 3, broken);
    const syntax = byCode(after, 'syntax');
    expect(syntax.map((d) => d.message)).toEqual([expect.stringMatching(/^duplicate key "name"/)]);
    expect(syntax[0].range.start).toEqual(positionOf(broken, 'name: again'));
    const unclosed = await server.client.change(ws.file, 4, `${ws.text}\nflow: [unclosed\n`);
    expect(byCode(unclosed, 'syntax').length).toBeGreaterThan(0);
  });

  it('clears the diagnostics of a closed file', async () => {
    const cleared = server.client.next(ws.file);
    await server.client.notify('textDocument/didClose', { textDocument: { uri: server.client.latest(ws.file)!.uri } });
    expect(await cleared).toEqual([]);
  });

  it('shuts down and exits with 0', async () => {
    expect(await server.client.shutdown()).toBe(0);
  });
});
