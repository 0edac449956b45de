// When the stylish report is coloured. In order, the first that speaks decides:
//   1. --color=always | never (--no-color = never; --color alone = always); --color=auto defers;
//   2. FORCE_COLOR, as Node itself reads it (nodejs.org/api/cli.html#force_color1-2-3): set to
//      1, 2, 3, true or the empty string it forces colour, any other value (0, false) turns it off;
//   3. NO_COLOR with a non-empty value turns colour off (no-color.org: an empty value is unset);
//   4. otherwise colour exactly when stdout is a terminal.
// A report written to a file (-o, --format name=file) is never coloured.

export const COLOR_MODES = ['always', 'never', 'auto'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export function useColor(
  mode: ColorMode | undefined,
  env: Record<string, string | undefined>,
  isTTY: boolean,
): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force);
  if (env.NO_COLOR) return false;
  return isTTY;
}

/**
 * `--color` takes an optional value, but a bare `--color` must not swallow the path after it
 * (`trigger-lint --color s.yaml`): rewrite it to `--color=always` unless a mode follows.
 */
export function normalizeColorArgs(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (a === '--color') {
      const next = argv[i + 1];
      if (next !== undefined && (COLOR_MODES as readonly string[]).includes(next)) {
        out.push(`--color=${next}`);
        i++;
      } else out.push('--color=always');
      continue;
    }
    out.push(a);
  }
  return out;
}
