// Bad input never ends the session: each file gets its syntax diagnostics (or none, when it is
// not a trigger file), and the server answers the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { LspClient, uriOf } from './client.js';
import { byCode, tempDir } from './helpers.js';

describe('bad input', () => {
  const root = tempDir('lsp-bad');
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start({ root });
  });
  afterAll(() => client.kill());

  const cases: [string, string][] = [
    ['empty', ''],
    ['binary', 'edition: 3.0.0\n\u0000\u0001\u0002'],
    ['deep nesting', `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    [
      'alias bomb',
      [
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
        '',
      ].join('\n'),
    ],
    ['unterminated', 'edition: 3.0.0\nresources: {f: {component: fc3, props: {triggers: [\n'],
    [
      'placeholders',
      'edition: 3.0.0\nname: {{ name }}\nresources:\n  f:\n    component: fc3\n    props: {{ props }}\n',
    ],
    ['tabs', 'edition: 3.0.0\nresources:\n\tf: 1\n'],
  ];

  for (const [name, text] of cases) {
    it(`${name}: an s.yaml gets diagnostics, never a crash`, async () => {
      const file = join(root, name.replace(/ /g, '-'), 's.yaml');
      const diags = await client.open(file, text);
      expect(Array.isArray(diags)).toBe(true);
      for (const d of diags) expect(d.source).toBe('trigger-lint');
      if (name === 'binary' || name === 'unterminated' || name === 'tabs')
        expect(byCode(diags, 'syntax').length).toBeGreaterThan(0);
      const hover = await client.request('textDocument/hover', {
        textDocument: { uri: uriOf(file) },
        position: { line: 0, character: 1 },
      });
      expect(hover === null || typeof hover === 'object').toBe(true);
      await client.notify('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
    });
  }

  it('publishes nothing for YAML that is not a trigger file (a workflow, a compose file)', async () => {
    const file = join(root, 'ci.yaml');
    expect(
      await client.open(
        file,
        'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [ {run: "echo # trigger-lint-disable-line x"} ]\n',
      ),
    ).toEqual([]);
    expect(await client.change(file, 2, 'on: [push\n')).toEqual([]); // broken, but never a trigger file
  });

  it('answers requests about documents it does not have', async () => {
    const uri = uriOf(join(root, 'never-opened.yaml'));
    expect(
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      }),
    ).toEqual([]);
    expect(
      await client.request('textDocument/hover', {
        textDocument: { uri: 'untitled:Untitled-1' },
        position: { line: 0, character: 0 },
      }),
    ).toBeNull();
  });

  it('still lints a good file after all of that, and exits cleanly', async () => {
    const file = join(root, 'ok', 's.yaml');
    const diags = await client.open(
      file,
      'edition: 3.0.0\nname: app\nresources:\n  f:\n    component: fc3\n    props:\n      region: cn-hangzhou\n      functionName: f\n      runtime: nodejs18\n      handler: index.handler\n      code: ./code\n      triggers:\n        - triggerName: t\n          triggerType: oss\n          sourceArn: acs:oss:cn-hangzhou:1:b\n          triggerConfig:\n            events: [oss:ObjectCreated:PutObject]\n            filter: {key: {prefix: /in/, suffix: .png}}\n',
    );
    expect(byCode(diags, 'prefix-leading-slash')).toHaveLength(1);
    expect(client.stderr).toBe('');
    expect(await client.shutdown()).toBe(0);
  });
});
