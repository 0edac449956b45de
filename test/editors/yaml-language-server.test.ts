// The schemas as a YAML editor uses them: the real yaml-language-server (npm package) validates
// a bad fc3 s.yaml against schemas/files/fc3.json — attached by the modeline docs/editors.md
// shows, and by the `yaml.schemas` setting — and reports the unknown key at its line.
import { afterEach, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { LspClient } from '../lsp/client.js';
import { positionOf, tempDir, write, ROOT } from '../lsp/helpers.js';

const YLS = join(
  createRequire(import.meta.url).resolve('yaml-language-server/package.json'),
  '..',
  'bin',
  'yaml-language-server',
);
const SCHEMA = join(ROOT, 'schemas', 'files', 'fc3.json');

const BAD = [
  'edition: 3.0.0',
  'name: app',
  'resources:',
  '  thumbnailer:',
  '    component: fc3',
  '    props:',
  '      region: cn-hangzhou',
  '      functionName: thumbnailer',
  '      runtime: nodejs18',
  '      handler: index.handler',
  '      code: ./code',
  '      triggers:',
  '        - triggerName: on-upload',
  '          triggerType: oss',
  '          sourceArn: acs:oss:cn-hangzhou:123:photos',
  '          triggerConfig:',
  '            events: [oss:ObjectCreated:PutObject]',
  '            filter:',
  '              key:',
  '                prefix: src/',
  '                sufix: .png',
  '',
].join('\n');

let client: LspClient | undefined;
afterEach(() => client?.kill());

/** yaml-language-server pulls its settings (sections yaml, http, [yaml], editor) with workspace/configuration. */
async function start(root: string, schemas: Record<string, string[]> = {}): Promise<LspClient> {
  const yaml = { validate: true, hover: true, schemaStore: { enable: false }, schemas };
  client = await LspClient.start({
    root,
    server: [YLS, '--stdio'],
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown'] } },
    },
    configuration: (section) =>
      section === 'yaml' ? yaml : section === 'http' ? { proxy: '', proxyStrictSSL: false } : {},
  });
  await client.notify('workspace/didChangeConfiguration', { settings: {} });
  return client;
}

/** Open a file and wait for diagnostics that name the unknown key (yaml-language-server publishes without a version). */
async function openUntilReported(c: LspClient, file: string, text: string): Promise<Diagnostic[]> {
  const got = c.next(file, (d) => unknownKey(d).length > 0);
  await c.notify('textDocument/didOpen', {
    textDocument: { uri: pathToFileURL(file).href, languageId: 'yaml', version: 1, text },
  });
  return got;
}

function unknownKey(ds: Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => /sufix/.test(String(d.message)) && /not allowed/i.test(String(d.message)));
}

describe('yaml-language-server with trigger-lint schemas', () => {
  it('reports the unknown key at its line through the modeline', async () => {
    const root = tempDir('yls-modeline');
    const text = `# yaml-language-server: $schema=${pathToFileURL(SCHEMA).href}\n${BAD}`;
    const file = write(root, 's.yaml', text);
    const c = await start(root);
    const ds = await openUntilReported(c, file, text);
    const [d] = unknownKey(ds);
    expect(d.message).toBe('Property sufix is not allowed.');
    expect(d.range.start).toEqual(positionOf(text, 'sufix'));
    expect(d.range.start.line).toBe(21);
  });

  it('reports it through the yaml.schemas setting, and stays silent on the corrected file', async () => {
    const root = tempDir('yls-setting');
    const file = write(root, 's.yaml', BAD);
    const c = await start(root, { [pathToFileURL(SCHEMA).href]: ['s.yaml', 's.yml'] });
    const ds = await openUntilReported(c, file, BAD);
    expect(unknownKey(ds).map((d) => d.range.start)).toEqual([positionOf(BAD, 'sufix')]);
    const fixed = BAD.replace('sufix', 'suffix');
    const clean = c.next(file, (d) => unknownKey(d).length === 0);
    await c.notify('textDocument/didChange', {
      textDocument: { uri: pathToFileURL(file).href, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    expect(await clean).toEqual([]);
  });

  it('shows the field descriptions on hover', async () => {
    const root = tempDir('yls-hover');
    const file = write(root, 's.yaml', BAD);
    const c = await start(root, { [pathToFileURL(SCHEMA).href]: ['s.yaml'] });
    await openUntilReported(c, file, BAD);
    const at = positionOf(BAD, 'prefix: src/');
    const h = await c.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: pathToFileURL(file).href },
      position: { line: at.line, character: at.character + 1 },
    });
    expect(h?.contents.value).toContain('Only keys starting with this text invoke the function');
  });
});
