// The process side of the command line: stdout, stderr, stdin, the terminal, the environment.
// A reader that goes away early (`trigger-lint . | head -1`) closes the pipe: the next write
// fails with EPIPE. As ESLint and ripgrep do, that ends the output quietly — later writes are
// dropped and the run finishes with the exit code it would have had — instead of a stack trace.

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** A writer to `stream` that goes quiet once the reader has closed the pipe (EPIPE). */
export function pipeWriter(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw e;
  });
  return (s) => {
    if (!closed && !stream.destroyed) stream.write(s);
  };
}

export function defaultIo(): Io {
  return {
    stdout: pipeWriter(process.stdout),
    stderr: pipeWriter(process.stderr),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    cwd: process.cwd(),
  };
}
