// The language server (`trigger-lint lsp --stdio`), on vscode-languageserver. Structure after
// vscode-eslint's server and yaml-language-server: a TextDocuments manager, a debounced lint per
// workspace folder (every open trigger file of the folder is re-published from one run, so a
// change in one file updates the files it affects), diagnostics recorded with their fixes for
// code actions, and hover. Nothing here throws into the connection: a failed run becomes a
// diagnostic or a log line, and the server keeps serving.
import { basename, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TRIGGER_FILE_NAMES } from '../formats/index.js';
import { displayPath } from '../engine/files.js';
import { VERSION } from '../engine/version.js';
import { codeActions, FIX_ALL_KIND, type Published } from './code-actions.js';
import { Debouncer } from './debounce.js';
import { runErrorDiagnostic, toDiagnostic } from './diagnostics.js';
import { hover } from './hover.js';
import { fixedText, type FolderSettings } from './lint-run.js';
import { CANCELLED, LintClient } from './lint-client.js';
import { FolderFiles, type Buffer } from './workspace.js';

export interface ServerOptions {
  /** Debounce of didChange, in ms (yaml-language-server's default is 200). */
  debounceMs?: number;
  env?: Record<string, string | undefined>;
}

const WATCHED = `**/{${[...TRIGGER_FILE_NAMES, '*.tf', 'terraform.tfvars', '*.auto.tfvars', '.trigger-lint.yaml', '.trigger-lint.yml', 'trigger-lint-baseline.json'].join(',')}}`;

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function within(path: string, root: string): boolean {
  return (
    path === root ||
    path.startsWith(root.endsWith('/') || root.endsWith('\\') ? root : `${root}${root.includes('\\') ? '\\' : '/'}`)
  );
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const env = options.env ?? process.env;
  let debounceMs = options.debounceMs ?? 200;
  let folders: string[] = [];
  let caps: ClientCapabilities = {};
  let globalSettings: Partial<FolderSettings> = {};
  const folderFiles = new Map<string, FolderFiles>();
  const settings = new Map<string, Promise<FolderSettings>>();
  const published = new Map<string, Published & { format: string | null; sent: string }>();
  const knownTrigger = new Set<string>();
  const debouncer = new Debouncer();
  const openVersion = new Map<string, number>();
  const log = (s: string) => connection.console.log(s.trimEnd());
  const linter = new LintClient(log);
  /** Folders with a lint in progress (on the lint thread: hover and code actions do not wait for it). */
  const inFlight = new Set<string>();

  /** The workspace folder of a file (the innermost), or its own folder for a file outside every folder. */
  function rootOf(path: string): { root: string; scan: boolean } {
    const folder = folders.filter((f) => within(path, f)).sort((a, b) => b.length - a.length)[0];
    return folder ? { root: folder, scan: true } : { root: dirname(path), scan: false };
  }

  function filesOf(root: string, scan: boolean): FolderFiles {
    let f = folderFiles.get(root);
    if (!f) folderFiles.set(root, (f = new FolderFiles(root, scan)));
    return f;
  }

  function settingsOf(root: string): Promise<FolderSettings> {
    let s = settings.get(root);
    if (!s) {
      s = (async () => {
        let raw: unknown = globalSettings;
        if (caps.workspace?.configuration) {
          try {
            raw = await connection.workspace.getConfiguration({
              scopeUri: pathToFileURL(root).href,
              section: 'triggerLint',
            });
          } catch {
            raw = globalSettings;
          }
        }
        return normalize(raw);
      })();
      settings.set(root, s);
    }
    return s;
  }

  /** The open documents of a folder, as they are now (a document object changes in place on didChange). */
  function buffersOf(root: string): {
    buffers: Buffer[];
    docs: { uri: string; version: number; text: string; path: string }[];
  } {
    const docs: { uri: string; version: number; text: string; path: string }[] = [];
    for (const doc of documents.all()) {
      const path = pathOf(doc.uri);
      if (path && rootOf(path).root === root)
        docs.push({ uri: doc.uri, version: doc.version, text: doc.getText(), path });
    }
    return { docs, buffers: docs.map(({ path, text }) => ({ path, text })) };
  }

  const runs = new Map<string, number>();

  async function run(root: string): Promise<void> {
    try {
      debouncer.cancel(root);
      const s = await settingsOf(root);
      debouncer.cancel(root); // a change during the settings request: this run covers it
      const { docs, buffers } = buffersOf(root);
      if (!docs.length) return;
      const seq = (runs.get(root) ?? 0) + 1;
      runs.set(root, seq);
      const files = folderFiles.get(root) ?? filesOf(root, false);
      inFlight.add(root);
      let outcome;
      try {
        outcome = s.enable ? await linter.lint(files, files.takeRescan(), buffers, s, env) : undefined;
      } finally {
        if (runs.get(root) === seq) inFlight.delete(root);
      }
      if (outcome === CANCELLED || runs.get(root) !== seq) return; // a later run of this folder started meanwhile: it publishes
      for (const doc of docs) {
        const { path } = doc;
        if (!documents.get(doc.uri)) continue; // closed meanwhile
        const display = displayPath(root, path);
        const file = outcome?.files.get(display);
        if (file?.format) knownTrigger.add(doc.uri);
        const isTrigger = !!file?.format || TRIGGER_FILE_NAMES.includes(basename(path)) || knownTrigger.has(doc.uri);
        const findings = outcome && isTrigger ? (file?.findings ?? []) : [];
        const diagnostics =
          outcome?.error && isTrigger
            ? [runErrorDiagnostic(outcome.error)]
            : findings.map((f) => toDiagnostic(f, root));
        const sent = JSON.stringify(diagnostics);
        const last = published.get(doc.uri);
        published.set(doc.uri, {
          uri: doc.uri,
          version: doc.version,
          text: doc.text,
          path: display,
          findings: outcome?.error ? [] : findings,
          diagnostics,
          format: file?.format ?? null,
          sent,
        });
        if (last && last.sent === sent && last.version === doc.version) continue;
        void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
      }
    } catch (e) {
      log(`trigger-lint: internal error in the language server: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  function schedule(uri: string, ms: number, rescan = false): void {
    const path = pathOf(uri);
    if (!path) return;
    const { root, scan } = rootOf(path);
    const files = filesOf(root, scan);
    if (rescan) files.rescan();
    debouncer.schedule(root, ms, () => void run(root));
  }

  /** Run a pending lint of the document's folder now, so the answer is about the text the client has. */
  async function fresh(uri: string, stale = false): Promise<(Published & { format: string | null }) | undefined> {
    const doc = documents.get(uri);
    const path = pathOf(uri);
    if (!doc || !path) return undefined;
    const { root } = rootOf(path);
    // a lint on the lint thread: answer now from what was last published instead of waiting for it
    // (hover only: a code action's edits must be about the text the client has)
    const last = published.get(uri);
    if (
      linter.threaded &&
      (inFlight.has(root) || debouncer.pending(root)) &&
      last &&
      (stale || last.version === doc.version)
    ) {
      if (!inFlight.has(root)) void run(root); // start the pending lint now; it publishes when done
      return last;
    }
    if (debouncer.pending(root) || published.get(uri)?.version !== doc.version) await run(root);
    const pub = published.get(uri);
    return pub && pub.version === doc.version ? pub : undefined;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as Partial<FolderSettings> & { debounceMs?: unknown };
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    globalSettings = init;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.map(pathOf).filter((p): p is string => !!p);
    if (!folders.length && params.rootPath) folders = [params.rootPath];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'trigger-lint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration)
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'triggerLint' })
        .catch(() => {});
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] })
        .catch(() => {});
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => pathOf(f.uri)));
        folders = [
          ...folders.filter((f) => !removed.has(f)),
          ...e.added.map((f) => pathOf(f.uri)).filter((p): p is string => !!p),
        ];
        folderFiles.clear();
        settings.clear();
        for (const doc of documents.all()) schedule(doc.uri, 0);
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const s = (params.settings as { triggerLint?: Partial<FolderSettings> } | undefined)?.triggerLint;
    if (s) globalSettings = { ...globalSettings, ...s };
    settings.clear();
    for (const doc of documents.all()) schedule(doc.uri, 0);
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) schedule(change.uri, 0, true);
    for (const doc of documents.all()) schedule(doc.uri, 0);
  });

  documents.onDidOpen((e) => {
    openVersion.set(e.document.uri, e.document.version);
    schedule(e.document.uri, 0, true);
  });
  documents.onDidChangeContent((e) => {
    if (openVersion.get(e.document.uri) === e.document.version) return; // the open itself
    schedule(e.document.uri, debounceMs);
  });
  documents.onDidSave((e) => schedule(e.document.uri, 0, true));
  documents.onDidClose((e) => {
    openVersion.delete(e.document.uri);
    published.delete(e.document.uri);
    knownTrigger.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    schedule(e.document.uri, debounceMs); // the others now see the file as it is on disk
  });

  connection.onCodeAction(async (params) => {
    try {
      const pub = await fresh(params.textDocument.uri);
      if (!pub) return [];
      const path = pathOf(pub.uri)!;
      const { root } = rootOf(path);
      const s = await settingsOf(root);
      return codeActions(pub, params, {
        documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
        fixAll: () => fixAll(root, pub, s),
      });
    } catch (e) {
      log(`trigger-lint: code action failed: ${(e as Error)?.stack ?? String(e)}`);
      return [];
    }
  });

  function fixAll(root: string, pub: Published, s: FolderSettings): string | undefined {
    const { buffers } = buffersOf(root);
    const after = fixedText(folderFiles.get(root) ?? filesOf(root, false), buffers, s, env, pub.path);
    if (after === undefined) return undefined;
    return pub.text.charCodeAt(0) === 0xfeff && after.startsWith(' ') ? `\ufeff${after.slice(1)}` : after;
  }

  connection.onHover(async (params) => {
    try {
      const pub = await fresh(params.textDocument.uri, true);
      if (!pub) return null;
      const markdown = caps.textDocument?.hover?.contentFormat?.includes('markdown') ?? false;
      return hover(pub, params.position, markdown, pub.format);
    } catch (e) {
      log(`trigger-lint: hover failed: ${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
  });

  connection.onShutdown(() => {
    debouncer.cancelAll();
    linter.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

function normalize(raw: unknown): FolderSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    enable: s.enable !== false,
    config: typeof s.config === 'string' ? s.config.trim() : '',
  };
}
