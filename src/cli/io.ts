// The process side of the command line: stdout, stderr, stdin, the terminal, the environment.
// A reader that goes away early (`trigger-lint . | head -1`) closes the pipe: the next write
// fails with EPIPE. As ESLint and ripgrep do, that ends the output quietly — later writes are
// dropped and the run finishes with the exit code it would have had — instead of a stack trace.

import { MAX_FILE_BYTES } from '../engine/files.js';

/** Bytes of stdin read at most: one more than a file may have, so an oversized input is still reported as too large. */
export const STDIN_CAP = MAX_FILE_BYTES + 1;

/** A stream's text, reading no more than `cap` bytes (the rest is left unread: `cat /dev/zero | trigger-lint -` ends). */
export async function readCapped(
  stream: NodeJS.ReadableStream & { destroy?: () => void },
  cap: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    chunks.push(size + b.length > cap ? b.subarray(0, cap - size) : b);
    size = Math.min(cap, size + b.length);
    if (size >= cap) {
      stream.destroy?.();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

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
    readStdin: () => readCapped(process.stdin, STDIN_CAP),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    cwd: process.cwd(),
  };
}
