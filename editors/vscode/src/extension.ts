// The VS Code extension: a client only. It starts the bundled trigger-lint language server
// (server/main.cjs runs the CLI bundle as `trigger-lint lsp --stdio`) for YAML files; the server
// reads the triggerLint.* settings itself (workspace/configuration) and decides which files are
// trigger files by their content.
import type { ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/main.cjs');
  const run = { module, transport: TransportKind.stdio, args: ['lsp'] }; // the client appends --stdio
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    // Terraform files: by pattern, since their language id depends on another extension being installed
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', pattern: '**/*.{tf,tfvars}' },
    ],
  };
  client = new LanguageClient('triggerLint', 'trigger-lint', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
