// The VS Code extension (editors/vscode/) packaged to a .vsix with @vscode/vsce, offline: the
// archive holds the manifest, the bundled client, the bundled server and the WebAssembly files it
// loads, and that server — taken out of the .vsix — answers as `trigger-lint lsp --stdio` does,
// on a bad s.yaml and on functions whose handler code (Python, Node.js) loops, and lints on its
// own thread (server/lsp-worker.js), as the CLI's server does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import yauzl from 'yauzl';
import { LspClient } from '../lsp/client.js';
import { byCode, exampleWorkspace, ROOT, tempDir } from '../lsp/helpers.js';
import { expectLoopsReported, loopWorkspace } from './loop-workspace.js';
import { expectLintsOffThread } from '../lsp/off-thread.js';

function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('editors/vscode as a .vsix', () => {
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    const { packageVscode } = await import(pathToFileURL(join(ROOT, 'scripts', 'package-vscode.mjs')).href);
    const vsix = await packageVscode(join(tempDir('vsix'), 'trigger-lint.vsix'));
    files = await readZip(vsix);
  }, 120_000);

  it('contains the manifest, the client, the server with its WebAssembly files and the README, and nothing else', () => {
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/package.json',
      'extension/readme.md',
      'extension/server/grammars/tree-sitter-hcl.wasm',
      'extension/server/grammars/tree-sitter-javascript.wasm',
      'extension/server/grammars/tree-sitter-python.wasm',
      'extension/server/grammars/tree-sitter-typescript.wasm',
      'extension/server/grammars/web-tree-sitter.wasm',
      'extension/server/lsp-worker.js',
      'extension/server/main.cjs',
      'extension/server/trigger-lint.cjs',
    ]);
  });

  it('declares the settings, activation on YAML and Terraform, and the client entry', () => {
    const pkg = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
    expect(pkg.main).toBe('./dist/extension.js');
    expect(pkg.activationEvents).toEqual(['onLanguage:yaml', 'onLanguage:terraform', 'workspaceContains:**/*.tf']);
    expect(Object.keys(pkg.contributes.configuration.properties).sort()).toEqual([
      'triggerLint.config',
      'triggerLint.enable',
      'triggerLint.trace.server',
    ]);
    const manifest = files.get('extension.vsixmanifest')!.toString('utf8');
    expect(manifest).toContain('Id="trigger-lint"');
    expect(manifest).toContain('Publisher="trigger-lint"');
  });

  it('bundles the language client and leaves `vscode` to the editor', () => {
    const js = files.get('extension/dist/extension.js')!.toString('utf8');
    expect(js).toMatch(/require\("vscode"\)/);
    expect(js).toContain('server/main.cjs');
    expect(js).not.toMatch(/require\("vscode-languageclient/);
  });

  describe('the server inside the .vsix', () => {
    const ws = exampleWorkspace('vsix-server');
    let client: LspClient;
    let loops: LspClient;
    let server: string;
    afterAll(() => {
      client?.kill();
      loops?.kill();
    });

    beforeAll(() => {
      const dir = tempDir('vsix-unpacked');
      for (const [name, data] of files) {
        if (!name.startsWith('extension/server/')) continue;
        const p = join(dir, name);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, data);
      }
      server = join(dir, 'extension', 'server', 'main.cjs');
    });

    it('answers initialize and publishes the findings of a bad s.yaml', async () => {
      client = await LspClient.start({ root: ws.root, server: [server, 'lsp', '--stdio'] });
      expect(client.initializeResult.serverInfo?.name).toBe('trigger-lint');
      const diags = await client.open(ws.file, ws.text);
      expect(byCode(diags, 'prefix-leading-slash')).toHaveLength(1);
      expect(await client.shutdown()).toBe(0);
    });

    it('reads handler code: the Python and the Node.js loop, each with the write in the code as related location', async () => {
      const root = loopWorkspace(tempDir('vsix-loops'));
      loops = await LspClient.start({ root, server: [server, 'lsp', '--stdio'] });
      await expectLoopsReported(loops, root);
      expect(await loops.shutdown()).toBe(0);
    }, 60_000);

    it('lints off its main thread (server/lsp-worker.js): hover answers during a slow lint, a newer edit cancels it', async () => {
      await expectLintsOffThread([server, 'lsp', '--stdio']);
    }, 60_000);
  });
});
