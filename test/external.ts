// Programs outside npm that some tests need (Debian packages; .ci/run installs them all). A test
// asks for one with `external('nvim')`: found on PATH, it runs; missing outside CI, it is skipped
// with ONE line on stderr naming the Debian package; missing with CI set, it fails (CI must run
// everything). test/repo/external-programs.test.ts runs every test file that uses this with an
// empty PATH and checks they skip, not fail.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export const PROGRAMS = {
  chromium: { bins: ['chromium', 'chromium-browser'], pkg: 'chromium', env: 'CHROMIUM_PATH' },
  nvim: { bins: ['nvim'], pkg: 'neovim' },
  'pre-commit': { bins: ['pre-commit'], pkg: 'pre-commit' },
  git: { bins: ['git'], pkg: 'git' },
  script: { bins: ['script'], pkg: 'bsdutils' },
  python3: { bins: ['python3'], pkg: 'python3' },
} as const satisfies Record<string, { bins: readonly string[]; pkg: string; env?: string }>;

export type ProgramName = keyof typeof PROGRAMS;

export interface Program {
  /** The executable's path, or undefined when it is missing. */
  path: string | undefined;
  /** Missing and CI unset: the caller skips (describe.skipIf / it.skipIf). */
  skip: boolean;
  /** Throws (the test fails) when the program is missing: call it first in a test that runs. */
  need(): string;
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The first of `bins` on `PATH` (an explicit path in the program's variable wins). */
export function findProgram(name: ProgramName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const spec: { bins: readonly string[]; env?: string } = PROGRAMS[name];
  const explicit = spec.env ? env[spec.env] : undefined;
  if (explicit) return isAbsolute(explicit) && executable(explicit) ? explicit : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const bin of spec.bins) if (executable(join(dir, bin))) return join(dir, bin);
  }
  return undefined;
}

const warned = new Set<string>();

/**
 * Whether the tests `what` can run: `skip` is true only when the program is missing and CI is
 * unset, and then one line says so (once per program and test file).
 */
export function external(name: ProgramName, what: string, env: NodeJS.ProcessEnv = process.env): Program {
  const path = findProgram(name, env);
  const { pkg } = PROGRAMS[name];
  const skip = path === undefined && !env.CI;
  if (skip && !warned.has(`${name}\0${what}`)) {
    warned.add(`${name}\0${what}`);
    console.warn(`skipped: ${what} (needs \`${name}\`: apt-get install ${pkg}; CI runs it)`);
  }
  return {
    path,
    skip,
    need() {
      if (path === undefined)
        throw new Error(
          `\`${name}\` is not installed (apt-get install ${pkg}): ${what} cannot run, and CI runs every test`,
        );
      return path;
    },
  };
}
