// A folder whose lint takes a while (this repository's own src/ as the handler code of three SAM
// functions), and the check that a language server lints it off its main thread: hover answers
// while a lint runs, and a newer edit cancels the lint in progress (only the newest version is
// published). Shared by the server from sources (test/lsp/off-thread.test.ts) and the server
// inside the .vsix (test/editors/vscode.test.ts).
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { LspClient, uriOf } from './client.js';
import { ROOT, tempDir } from './helpers.js';

export function slowFolder(): { root: string; file: string; text: string } {
  const root = tempDir('lsp-slow');
  cpSync(join(ROOT, 'src'), join(root, 'src'), { recursive: true });
  const fns = [0, 1, 2]
    .map(
      (i) =>
        `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Events:\n        Upload:\n          Type: S3\n          Properties:\n            Bucket: !Ref Uploads\n            Events: s3:ObjectCreated:*\n`,
    )
    .join('');
  const text = `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Uploads:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: uploads-bucket\n${fns}`;
  const file = join(root, 'template.yaml');
  writeFileSync(file, text);
  return { root, file, text };
}

/** Start `server` (default: from sources) on a slow folder and check that it lints off its main thread. */
export async function expectLintsOffThread(server?: string[]): Promise<void> {
  const { root, file, text } = slowFolder();
  const client = await LspClient.start({
    root,
    initializationOptions: { debounceMs: 0 },
    ...(server ? { server } : {}),
  });
  try {
    await client.open(file, text);
    const order: string[] = [];
    const published = client.next(file, (_d, p) => p.version === 3).then(() => order.push('publish 3'));
    await client.notify('textDocument/didChange', {
      textDocument: { uri: uriOf(file), version: 2 },
      contentChanges: [{ text: `${text}\n` }],
    });
    await client.notify('textDocument/didChange', {
      textDocument: { uri: uriOf(file), version: 3 },
      contentChanges: [{ text: `${text}\n\n` }],
    });
    const hover = client
      .request('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 8, character: 4 } })
      .then(() => order.push('hover'));
    await Promise.all([hover, published]);
    expect(order).toEqual(['hover', 'publish 3']);
    // version 2's lint was cancelled by version 3: it never published
    expect(client.published.filter((p) => p.uri === uriOf(file)).map((p) => p.version)).toEqual([1, 3]);
  } finally {
    client.kill();
  }
}
