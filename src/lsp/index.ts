// `trigger-lint lsp --stdio`: the language server over standard input and output.
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server.js';

export interface LspIo {
  stderr: (s: string) => void;
}

const USAGE = 'usage: trigger-lint lsp --stdio   (a Language Server Protocol server on standard input and output)';

/** Starts the server and resolves only if it cannot start; the protocol's `exit` ends the process. */
export async function runLsp(argv: string[], io: LspIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stderr(`${USAGE}\n`);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--stdio');
  if (unknown.length || !argv.includes('--stdio')) {
    io.stderr(
      `trigger-lint: ${unknown.length ? `unknown option "${unknown[0]}" for lsp` : 'lsp needs --stdio'}; ${USAGE}\n`,
    );
    return 2;
  }
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // a bug in one request must not end the session (the editor would lose every diagnostic)
  process.on('uncaughtException', (e) => connection.console.error(`trigger-lint: uncaught: ${e?.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) =>
    connection.console.error(`trigger-lint: unhandled rejection: ${(e as Error)?.stack ?? String(e)}`),
  );
  startServer(connection);
  return new Promise<number>(() => {}); // served until `exit`
}
