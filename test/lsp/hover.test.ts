// textDocument/hover: on a diagnostic, the rule's description and docs link; on a field, its
// description from the format's whole-file schema (the branch the document's values select).
import { describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { RULES } from '../../rules/index.js';
import { LspClient, uriOf } from './client.js';
import { byCode, exampleWorkspace, positionOf, serverWith } from './helpers.js';

describe('hover', () => {
  const ws = exampleWorkspace('lsp-hover');
  const hoverAt = (line: number, character: number) =>
    server.client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: uriOf(ws.file) },
      position: { line, character },
    });
  const value = (h: Hover | null) => (h?.contents as MarkupContent).value;
  const server = serverWith(ws.root, ws.file, ws.text);

  it('on a diagnostic: the rule id, its one-line description and its docs page', async () => {
    const [d] = byCode(server.client.latest(ws.file)!.diagnostics, 'prefix-leading-slash');
    const h = await hoverAt(d.range.start.line, d.range.start.character + 2);
    const rule = RULES.find((r) => r.id === 'prefix-leading-slash')!;
    expect((h!.contents as MarkupContent).kind).toBe('markdown');
    expect(value(h)).toContain('**prefix-leading-slash** (error): ');
    expect(value(h)).toContain(rule.description);
    expect(value(h)).toContain(
      '[Rule documentation](https://github.com/trigger-lint/trigger-lint/blob/main/docs/rules/prefix-leading-slash.md)',
    );
    expect(h!.range).toEqual(d.range);
  });

  it('on a field: the description from the schema, for the trigger type the document has', async () => {
    const at = positionOf(ws.text, 'suffix: .jpg');
    const h = await hoverAt(at.line, at.character + 2);
    expect(value(h)).toMatch(/^\*\*suffix\*\* `string`\n\nOnly keys ending with this text invoke the function/);
    expect(h!.range).toEqual({ start: at, end: { line: at.line, character: at.character + 'suffix'.length } });
  });

  it('on a prefix key: the markdown description with its example', async () => {
    const at = positionOf(ws.text, "prefix: ''");
    expect(value(await hoverAt(at.line, at.character + 1))).toContain('```yaml\nfilter:\n  key:\n    prefix: src/');
  });

  it('on keys outside the props: from the whole-file schema (edition, component)', async () => {
    const e = positionOf(ws.text, 'edition:');
    expect(value(await hoverAt(e.line, e.character + 1))).toMatch(
      /^\*\*edition\*\*.*YAML specification version: 3\.0\.0/s,
    );
    const c = positionOf(ws.text, 'component: fc3');
    expect(value(await hoverAt(c.line, c.character + 1))).toContain('fc3 (also devsapp/fc3');
    const fn = positionOf(ws.text, 'functionName: thumbnailer');
    expect(value(await hoverAt(fn.line, fn.character + 1))).toContain('Name of the function');
  });

  it('plain text for a server.client that does not take markdown', async () => {
    const plain = await LspClient.start({
      root: ws.root,
      capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } },
    });
    try {
      await plain.open(ws.file, ws.text);
      const at = positionOf(ws.text, 'edition:');
      const h = await plain.request<Hover>('textDocument/hover', {
        textDocument: { uri: uriOf(ws.file) },
        position: { line: at.line, character: 1 },
      });
      expect(h.contents).toMatchObject({ kind: 'plaintext' });
      expect(value(h)).toMatch(/^edition \(string\)\nYAML specification version/);
    } finally {
      plain.kill();
    }
  });

  it('nothing on a blank line', async () => {
    const blank = ws.text.split('\n').findIndex((l) => l === '');
    expect(await hoverAt(blank, 0)).toBeNull();
  });
});
