// The project root and the containment check (docs/architecture.md, "Budgets and bad input"): trigger-lint reads only regular
// files inside the project root, judged after resolving symlinks, and never writes a report
// through a symlink. Every place that opens a file the linted repository names — handler code
// and its imports, the configuration, the baseline, the cache, `-o` and the Action's SARIF
// file — asks this module first, so "inside" means one thing everywhere.
import {
  constants,
  closeSync,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';

/**
 * The project root of a run: `--root` when given, else the nearest folder above the first
 * linted path (or the working directory) that holds `.git`, else the working directory.
 */
export function projectRoot(paths: readonly string[], cwd: string, override?: string): string {
  if (override !== undefined) return realOr(resolve(cwd, override));
  const starts = paths.filter((p) => p !== '-').map((p) => resolve(cwd, p));
  for (const start of starts.length ? starts : [cwd]) {
    let dir = isDirectory(start) ? start : dirname(start);
    for (;;) {
      if (existsSync(resolve(dir, '.git'))) return realOr(dir);
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return realOr(cwd);
}

/** Why a path may not be read: outside the project (after symlinks), not a regular file, or missing. */
export type Refusal = 'outside' | 'special' | 'missing';

/** Whether `abs` (after resolving symlinks) lies in `root` (itself resolved). */
export function isInside(root: string, abs: string): boolean {
  const real = realOr(abs);
  const rel = relative(realOr(root), real);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Whether a file may be read: undefined when it is a regular file inside the root (symlinks
 * resolved), else why not. A FIFO or device is refused even inside the root (reading one can block).
 */
export function refusal(root: string, abs: string): Refusal | undefined {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return 'missing';
  }
  if (!isInside(root, real)) return 'outside';
  try {
    return statSync(real).isFile() ? undefined : 'special';
  } catch {
    return 'missing';
  }
}

/** A UsageError for a file the run may not read, naming it as written (never its content). */
export function refusedError(display: string, why: Refusal, what: string): UsageError {
  return new UsageError(
    why === 'outside'
      ? `${display}: the ${what} is outside the project root (after following symlinks); not read — move it into the project or pass --root`
      : why === 'special'
        ? `${display}: the ${what} is not a regular file; not read`
        : `${display}: no such ${what}`,
  );
}

/**
 * Write a report file without following a symlink: a symlink at `path` is refused (exit 2), and
 * with `root` (the Action: the workspace) so is a folder that resolves outside it. The file is
 * opened with O_NOFOLLOW, so a symlink created between the check and the write is refused too.
 */
export function writeReport(
  path: string,
  text: string,
  display: string,
  root?: string,
  opts: { mkdir?: boolean } = {},
): void {
  if (opts.mkdir) {
    // the nearest folder that exists must resolve inside the root before any folder is made under it
    let dir = dirname(path);
    while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
    if (root !== undefined && !isInside(root, dir))
      throw new UsageError(
        `${display} is outside the workspace after following symlinks; refusing to write the report there`,
      );
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch {
      /* reported by the write below */
    }
  }
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    /* missing: fine */
  }
  if (isLink)
    throw new UsageError(
      `${display} is a symbolic link; refusing to write the report through it (remove the link or choose another path)`,
    );
  if (root !== undefined && !isInside(root, dirname(path))) {
    throw new UsageError(
      `${display} is outside the workspace after following symlinks; refusing to write the report there`,
    );
  }
  let fd: number;
  try {
    fd = openSync(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0),
      0o644,
    );
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      throw new UsageError(
        `${display} is a symbolic link; refusing to write the report through it (remove the link or choose another path)`,
      );
    throw new UsageError(`cannot write ${display}: ${code ?? (e as Error).message}`);
  }
  try {
    if (!fstatSync(fd).isFile())
      throw new UsageError(`${display} is not a regular file; refusing to write the report there`);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}
