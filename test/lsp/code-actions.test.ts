// textDocument/codeAction: the fix of a fixable finding is the edit `--fix` applies; every
// finding can be disabled for its line with the indentation kept; fix-all equals `--fix`.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { codeActions } from '../../src/lsp/code-actions.js';
import { toDiagnostic } from '../../src/lsp/diagnostics.js';
import { lintTexts } from '../helpers.js';
import { LspClient, uriOf } from './client.js';
import {
  applyAction,
  byCode,
  cli,
  editsFor,
  exampleWorkspace,
  positionOf,
  serverWith,
  tempDir,
  write,
} from './helpers.js';

const actionsOf = (client: LspClient, file: string, d: Diagnostic, only?: string[]) =>
  client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uriOf(file) },
    range: d.range,
    context: { diagnostics: [d], ...(only ? { only } : {}) },
  });

describe('quick fixes on examples/s.yaml', () => {
  const ws = exampleWorkspace('lsp-actions');
  let text = ws.text;
  const server = serverWith(ws.root, ws.file, text);

  it('offers the --fix edit of a fixable finding as the preferred quick fix, on this document version', async () => {
    const [d] = byCode(server.diags, 'prefix-leading-slash');
    const fix = (await actionsOf(server.client, ws.file, d)).find((a) => a.isPreferred)!;
    expect(fix).toMatchObject({
      kind: 'quickfix',
      title: 'Fix prefix-leading-slash: replace "/incoming/" with "incoming/"',
      diagnostics: [d],
    });
    expect(fix.edit!.documentChanges![0]).toMatchObject({ textDocument: { uri: uriOf(ws.file), version: 1 } });
    const start = positionOf(text, '/incoming/');
    expect(editsFor(fix.edit, ws.file)).toEqual([
      { range: { start, end: { line: start.line, character: start.character + 1 } }, newText: '' },
    ]); // the edit --fix makes
    text = applyAction(text, fix, ws.file);
    server.diags = await server.client.change(ws.file, 2, text);
    expect(byCode(server.diags, 'prefix-leading-slash')).toEqual([]);
  });

  it('disables a finding for its line with a comment indented like the line, and the finding goes away', async () => {
    const [d] = byCode(server.diags, 'region-mismatch');
    const actions = await actionsOf(server.client, ws.file, d);
    expect(actions.some((a) => a.isPreferred)).toBe(false); // region-mismatch has no fix
    const disable = actions.find((a) => a.title === 'Disable region-mismatch for this line')!;
    expect(disable.kind).toBe('quickfix');
    const indent = /^ */.exec(text.split('\n')[d.range.start.line])![0];
    expect(indent.length).toBe(10);
    expect(editsFor(disable.edit, ws.file)).toEqual([
      {
        range: { start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line, character: 0 } },
        newText: `${indent}# trigger-lint-disable-next-line region-mismatch -- \n`,
      },
    ]);
    const before = server.diags.length;
    const mismatches = byCode(server.diags, 'region-mismatch').length;
    text = applyAction(text, disable, ws.file);
    server.diags = await server.client.change(ws.file, 3, text);
    expect(byCode(server.diags, 'region-mismatch').length).toBe(mismatches - 1);
    expect(byCode(server.diags, 'region-mismatch').some((x) => x.message === d.message)).toBe(false);
    expect(byCode(server.diags, 'unused-disable')).toEqual([]);
    expect(server.diags.length).toBe(before - 1);
  });

  it('answers nothing for a diagnostic that is not its own', async () => {
    const foreign = { ...server.diags[0], source: 'yaml', code: 'x' };
    expect(await actionsOf(server.client, ws.file, foreign)).toEqual([]);
  });
});

describe('fix all', () => {
  const root = tempDir('lsp-fixall');
  const text = [
    'edition: 3.0.0',
    'name: app',
    'resources:',
    '  f:',
    '    component: fc3',
    '    props:',
    '      region: cn-hangzhou',
    '      functionName: f',
    '      runtime: nodejs18',
    '      handler: index.handler',
    '      code: ./code',
    '      triggers:',
    '        - triggerName: t',
    '          triggerType: oss',
    '          sourceArn: acs:oss:cn-hangzhou:123:media',
    '          triggerConfig:',
    '            events: [oss:ObjectCreated:PutObject, oss:ObjectCreated:PutObject]',
    '            filter:',
    '              key:',
    '                prefix: /src/   # keep this comment',
    '                sufix: .png',
    '',
  ].join('\n');
  const file = write(root, 's.yaml', text);
  const server = serverWith(root, file, text);

  it('offers "fix all" as a quick fix when the file has several fixable findings, and as source.fixAll when asked', async () => {
    const fixable = server.diags.filter((d) =>
      ['prefix-leading-slash', 'redundant-event', 'schema'].includes(String(d.code)),
    );
    expect(fixable.length).toBeGreaterThanOrEqual(3);
    const quick = await actionsOf(server.client, file, byCode(server.diags, 'prefix-leading-slash')[0]);
    expect(quick.map((a) => a.title)).toContain('Fix all auto-fixable trigger-lint problems');
    expect(quick.some((a) => a.kind === 'source.fixAll.trigger-lint')).toBe(false);
    const source = await actionsOf(server.client, file, server.diags[0], ['source.fixAll']);
    expect(source.map((a) => a.kind)).toEqual(['source.fixAll.trigger-lint']);
  });

  it('makes the file what `trigger-lint --fix` writes, comments kept', async () => {
    const [all] = await actionsOf(server.client, file, server.diags[0], ['source.fixAll']);
    const fixedHere = applyAction(text, all, file);
    const copy = tempDir('lsp-fixall-cli');
    write(copy, 's.yaml', text);
    cli(['--fix', 's.yaml'], { cwd: copy });
    const fixedByCli = readFileSync(join(copy, 's.yaml'), 'utf8');
    expect(fixedByCli).not.toBe(text);
    expect(fixedHere).toBe(fixedByCli);
    expect(fixedHere).toContain('prefix: src/   # keep this comment');
    expect(byCode(await server.client.change(file, 2, fixedHere), 'prefix-leading-slash')).toEqual([]);
  });
});

describe('"disable for this line" is offered only where the comment is a YAML comment', () => {
  it('not on a line inside a block scalar (the "comment" would be text of the scalar)', () => {
    const text = [
      'edition: 3.0.0',
      'name: app',
      'resources:',
      '  f:',
      '    component: fc3',
      '    props:',
      '      description: |',
      '        first',
      '        second',
      '',
    ].join('\n');
    const result = lintTexts({ 's.yaml': text });
    const base = result.files[0].findings[0];
    expect(base).toBeDefined();
    const inside = { ...base, ruleId: 'schema', line: 9, column: 9, endLine: 9, endColumn: 15 }; // "second"
    const onKey = { ...base, ruleId: 'schema', line: 7, column: 7, endLine: 7, endColumn: 18 }; // "description"
    const pub = {
      uri: 'file:///w/s.yaml',
      version: 1,
      text,
      path: 's.yaml',
      findings: [inside, onKey],
      diagnostics: [inside, onKey].map((f) => toDiagnostic(f, '/w')),
    };
    const titles = (i: number) =>
      codeActions(
        pub,
        {
          textDocument: { uri: pub.uri },
          range: pub.diagnostics[i].range,
          context: { diagnostics: [pub.diagnostics[i]] },
        },
        { documentChanges: false, fixAll: () => undefined },
      ).map((a) => a.title);
    expect(titles(0)).toEqual([]);
    expect(titles(1)).toEqual(['Disable schema for this line']);
  });
});
