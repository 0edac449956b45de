// Colour of the stylish report: --color / --no-color, FORCE_COLOR as Node reads it, NO_COLOR only
// when non-empty (no-color.org), else only on a terminal. The terminal cases run the real CLI
// under util-linux `script`, which gives it a pseudo-terminal as stdout.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './run.js';
import { ROOT } from '../helpers.js';
import { external } from '../external.js';
import { normalizeColorArgs, useColor } from '../../src/cli/color.js';

const ESC = /\x1b\[/;
const EXAMPLE = join(ROOT, 'examples', 's.yaml');

/** A clean environment: only PATH and HOME, plus the given variables. */
function env(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...extra };
}

function piped(args: string[], extra: Record<string, string> = {}): string {
  return spawnSync(process.execPath, [BIN, ...args, EXAMPLE], { encoding: 'utf8', env: env(extra) }).stdout;
}

const script = external('script', 'the colour-on-a-terminal tests (test/e2e/color.test.ts)');

function onTerminal(args: string[], extra: Record<string, string> = {}): string {
  const cmd = [process.execPath, BIN, ...args, EXAMPLE].map((a) => `'${a}'`).join(' ');
  const r = spawnSync(script.need(), ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: env(extra) });
  return r.stdout;
}

describe('colour decision', () => {
  it('follows the flag first, then FORCE_COLOR, then a non-empty NO_COLOR, then the terminal', () => {
    expect(useColor('always', { NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor('never', { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(useColor('auto', {}, true)).toBe(true);
    expect(useColor(undefined, {}, false)).toBe(false);
    for (const v of ['', '1', '2', '3', 'true'])
      expect(useColor(undefined, { FORCE_COLOR: v, NO_COLOR: '1' }, false), `FORCE_COLOR=${v}`).toBe(true);
    for (const v of ['0', 'false', 'yes'])
      expect(useColor(undefined, { FORCE_COLOR: v }, true), `FORCE_COLOR=${v}`).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '' }, true)).toBe(true);
  });

  it('reads a bare --color as always without swallowing the path after it', () => {
    expect(normalizeColorArgs(['--color', 's.yaml'])).toEqual(['--color=always', 's.yaml']);
    expect(normalizeColorArgs(['--color', 'never', 's.yaml'])).toEqual(['--color=never', 's.yaml']);
    expect(normalizeColorArgs(['--color=auto', 's.yaml'])).toEqual(['--color=auto', 's.yaml']);
    expect(normalizeColorArgs(['--', '--color'])).toEqual(['--', '--color']);
  });
});

describe('the CLI into a pipe', () => {
  it('is plain by default, even with an empty NO_COLOR', () => {
    expect(piped([])).not.toMatch(ESC);
    expect(piped([], { NO_COLOR: '' })).not.toMatch(ESC);
  });
  it('is coloured with --color, --color=always or FORCE_COLOR=1', () => {
    expect(piped(['--color'])).toMatch(ESC);
    expect(piped(['--color=always'])).toMatch(ESC);
    expect(piped(['--color', 'always'])).toMatch(ESC);
    expect(piped([], { FORCE_COLOR: '1' })).toMatch(ESC);
  });
  it('is plain with --color=auto, --no-color or FORCE_COLOR=0', () => {
    expect(piped(['--color=auto'], { FORCE_COLOR: '0' })).not.toMatch(ESC);
    expect(piped(['--no-color'], { FORCE_COLOR: '1' })).not.toMatch(ESC);
    expect(piped([], { FORCE_COLOR: '0' })).not.toMatch(ESC);
  });
  it('never colours a report written to a file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tl-color-')), 'report.txt');
    spawnSync(process.execPath, [BIN, '--color=always', '-o', out, EXAMPLE], { encoding: 'utf8', env: env({}) });
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/prefix-leading-slash/);
    expect(text).not.toMatch(ESC);
  });
});

describe.skipIf(script.skip)('the CLI on a terminal', () => {
  it('is coloured, also when NO_COLOR is set but empty', () => {
    expect(onTerminal([])).toMatch(ESC);
    expect(onTerminal([], { NO_COLOR: '' })).toMatch(ESC);
  });
  it('is plain with a non-empty NO_COLOR, --no-color or --color=never', () => {
    expect(onTerminal([], { NO_COLOR: '1' })).toMatch(/prefix-leading-slash/);
    expect(onTerminal([], { NO_COLOR: '1' })).not.toMatch(ESC);
    expect(onTerminal(['--no-color'])).not.toMatch(ESC);
    expect(onTerminal(['--color=never'])).not.toMatch(ESC);
  });
  it('lets FORCE_COLOR=1 win over NO_COLOR, as Node does', () => {
    expect(onTerminal([], { NO_COLOR: '1', FORCE_COLOR: '1' })).toMatch(ESC);
  });
});
