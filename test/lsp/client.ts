// A minimal LSP client for the tests: the real server (`node bin/trigger-lint.js lsp --stdio`) in
// a child process, driven over stdio with vscode-jsonrpc. It records every publishDiagnostics
// notification and answers the server's requests (workspace/configuration, registrations).
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import { BIN, baseEnv } from '../integrations/helpers.js';

export const uriOf = (path: string) => pathToFileURL(path).href;

export interface StartOptions {
  root: string;
  capabilities?: ClientCapabilities;
  /** What the client answers to workspace/configuration (section triggerLint). */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Per-section answers to workspace/configuration (other servers ask for several sections). */
  configuration?: (section: string | undefined) => unknown;
  /** The server's command line after `node` (default: trigger-lint's `lsp --stdio`). */
  server?: string[];
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
};

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly configurationRequests: unknown[] = [];
  private waiters: {
    test: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  private exited: Promise<number | null>;
  stderr = '';
  initializeResult!: InitializeResult;

  private constructor(
    readonly child: ChildProcess,
    readonly conn: MessageConnection,
    readonly opts: StartOptions,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr!.on('data', (d) => {
      this.stderr += String(d);
    });
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      this.configurationRequests.push(p);
      return p.items.map((item) => (opts.configuration ? opts.configuration(item.section) : opts.settings) ?? null);
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.listen();
  }

  static async start(opts: StartOptions): Promise<LspClient> {
    const child = spawn(process.execPath, opts.server ?? [BIN, 'lsp', '--stdio'], {
      cwd: opts.root,
      env: baseEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, conn, opts);
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(opts.root),
      workspaceFolders: [{ uri: uriOf(opts.root), name: 'root' }],
      capabilities: opts.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: opts.initializationOptions ?? null,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** The next publish (from now on) for a file that passes `test`; rejects after 30 s so a hang reads as a failure. */
  next(
    path: string,
    test: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<Diagnostic[]> {
    const uri = uriOf(path);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching publishDiagnostics for ${uri}; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line}`)))}; server stderr: ${this.stderr}; logs: ${this.logs.join(' | ')}`,
            ),
          ),
        30_000,
      );
      this.waiters.push({
        test: (p) => p.uri === uri && test(p.diagnostics, p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p.diagnostics);
        },
      });
    });
  }

  /** The latest publish for a file, or undefined. */
  latest(path: string): PublishDiagnosticsParams | undefined {
    const uri = uriOf(path);
    return [...this.published].reverse().find((p) => p.uri === uri);
  }

  async open(path: string, text: string, version = 1): Promise<Diagnostic[]> {
    const got = this.next(path, (_d, p) => p.version === version);
    await this.notify('textDocument/didOpen', {
      textDocument: { uri: uriOf(path), languageId: 'yaml', version, text },
    });
    return got;
  }

  async change(path: string, version: number, text: string): Promise<Diagnostic[]> {
    const got = this.next(path, (_d, p) => p.version === version);
    await this.notify('textDocument/didChange', {
      textDocument: { uri: uriOf(path), version },
      contentChanges: [{ text }],
    });
    return got;
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.notify('exit', null);
    const code = await this.exited;
    this.conn.dispose();
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
