// Writing a user's file so that, whatever happens, it holds its old bytes or its new ones: a
// temporary file beside it, fsync, rename, fsync of the folder. A run killed between the first
// write and the rename leaves its temporary file behind; the next write of the same file removes
// the temporaries of processes that no longer run.
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `.<file>.trigger-lint-<pid>-<time>.tmp`: a temporary file of `file`, written by process `pid`. */
function temporaryName(file: string, pid: number): string {
  return `.${file}.trigger-lint-${pid}-${Date.now()}.tmp`;
}

/** Whether a process runs (a process of another user counts as running: EPERM). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files that runs killed while writing `file` left in `dir`: only names of
 * exactly our pattern for this file, and only when their process is gone (a live process with
 * that id, even a reused one, keeps its file). Failures are ignored: this only tidies up.
 */
function removeStaleTemporaries(dir: string, file: string): void {
  const prefix = `.${file}.trigger-lint-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-\d+\.tmp$/.exec(name.slice(prefix.length));
    if (!m || Number(m[1]) === process.pid || running(Number(m[1]))) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      /* gone already, or not ours to remove */
    }
  }
}

/**
 * Write a file so that, whatever happens (a crash, SIGKILL, a full disk), it holds either its old
 * bytes or the new ones: write a temporary file in the same folder as the real file, fsync it,
 * rename it over the real file, fsync the folder. A symlink is followed (the link stays a link;
 * its target is replaced); the file's mode (and, where allowed, its owner) is kept.
 */
export function writeFileAtomic(path: string, text: string): void {
  let target = path;
  let st: Stats | undefined;
  try {
    target = realpathSync(path);
    st = statSync(target);
  } catch {
    st = undefined; // a new file
  }
  const dir = dirname(target);
  removeStaleTemporaries(dir, basename(target));
  const tmp = join(dir, temporaryName(basename(target), process.pid));
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeFileSync(fd, text); // on a descriptor: loops until every byte is written
      if (st) {
        fchmodSync(fd, st.mode & 0o7777);
        if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) {
          try {
            fchownSync(fd, st.uid, st.gid);
          } catch {
            /* not allowed: the file becomes the user's own */
          }
        }
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  syncDir(dir);
}

/** fsync a folder, so that a rename in it survives a power loss (not possible on every platform). */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* Windows cannot open a folder; some file systems refuse fsync on one */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
