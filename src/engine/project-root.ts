// The project root of DESIGN §7b (the nearest folder above a path that holds `.git`, else the
// working directory) and whether a real path lies inside it. Directory scans follow a symlink
// only when its target stays inside the root.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, isAbsolute, sep } from 'node:path';

/** The nearest folder at or above `start` that holds `.git`, else `cwd`; as a real path. */
export function projectRoot(start: string, cwd: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return real(dir);
    if (dirname(dir) === dir) return real(cwd);
  }
}

/** Whether the real path `p` is `root` or lies below it. */
export function isInside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
