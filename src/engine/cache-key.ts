// The secret that authenticates `.trigger-lint-cache` entries (src/engine/cache.ts): 32 random
// bytes in the user's cache folder — `$XDG_CACHE_HOME/trigger-lint/cache-key`, else
// `~/.cache/trigger-lint/cache-key` (`%LOCALAPPDATA%\trigger-lint\cache-key` on Windows) —
// outside any repository, readable by the user alone. Made on first use; when it can be neither
// read nor made, the cache is simply not used.
import { createRequire } from 'node:module';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const SECRET_BYTES = 32;

/** The folder holding the secret; the tool's own settings come from the real process environment. */
export function cacheKeyDir(env: Record<string, string | undefined> = process.env): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'trigger-lint');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'trigger-lint');
  return join(homedir(), '.cache', 'trigger-lint');
}

let memo: { dir: string; secret: Buffer | undefined } | undefined;

/** This machine's cache secret, or undefined when it cannot be read or made. */
export function cacheSecret(dir = cacheKeyDir()): Buffer | undefined {
  if (memo?.dir === dir) return memo.secret;
  const secret = readSecret(dir);
  memo = { dir, secret };
  return secret;
}

function readSecret(dir: string): Buffer | undefined {
  const file = join(dir, 'cache-key');
  try {
    const b = readFileSync(file);
    if (b.length === SECRET_BYTES) return b;
  } catch {
    /* not made yet */
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const crypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
    const secret = crypto.randomBytes(SECRET_BYTES);
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, secret);
    } finally {
      closeSync(fd);
    }
    return secret;
  } catch {
    // another run made it in the meantime (EEXIST), or the folder is not writable
    try {
      const b = readFileSync(file);
      return b.length === SECRET_BYTES ? b : undefined;
    } catch {
      return undefined;
    }
  }
}
