// Neovim's built-in LSP client, headless (Debian's neovim; .ci/run installs it): the config in
// neovim/init.lua attaches `trigger-lint lsp --stdio` to a bad s.yaml, waits for diagnostics and
// writes what Neovim holds. A Neovim user sees the CLI's findings, at the CLI's positions, and
// the quick fixes. Skipped only outside CI when nvim is missing.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, baseEnv, cli } from '../integrations/helpers.js';
import { exampleWorkspace, ROOT, tempDir } from '../lsp/helpers.js';
import { external } from '../external.js';

const nvim = external('nvim', 'the Neovim LSP client test (test/editors/neovim.test.ts)');

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
  code: string;
}

describe.skipIf(nvim.skip)('Neovim (headless, built-in LSP client)', () => {
  it('shows the CLI findings of a bad s.yaml at the same positions, and the quick fixes', () => {
    const ws = exampleWorkspace('nvim');
    const out = join(tempDir('nvim-out'), 'result.json');
    const home = tempDir('nvim-home');
    const r = spawnSync(
      nvim.need(),
      ['--headless', '--noplugin', '-i', 'NONE', '-n', '-u', join(ROOT, 'test', 'editors', 'neovim', 'init.lua')],
      {
        cwd: ws.root,
        encoding: 'utf8',
        timeout: 120_000,
        env: baseEnv({
          HOME: home,
          XDG_CONFIG_HOME: join(home, '.config'),
          XDG_DATA_HOME: join(home, '.local/share'),
          XDG_STATE_HOME: join(home, '.local/state'),
          TL_NODE: process.execPath,
          TL_BIN: BIN,
          TL_ROOT: ws.root,
          TL_FILE: ws.file,
          TL_OUT: out,
        }),
      },
    );
    expect(r.status, `nvim failed: ${r.stderr}${r.stdout}`).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      api: string;
      diagnostics: NvimDiagnostic[];
      actions: string[];
    };
    const findings = JSON.parse(cli(['--format', 'json', 's.yaml'], { cwd: ws.root }).stdout).files[0].findings as {
      ruleId: string;
      severity: string;
      message: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
    }[];
    const sev = { error: 1, warning: 2, info: 3 } as Record<string, number>;
    const key = (x: { l: number; c: number; el: number; ec: number; s: number; m: string }) =>
      `${x.l}:${x.c}-${x.el}:${x.ec} ${x.s} ${x.m}`;
    expect(
      result.diagnostics
        .map((d) => key({ l: d.lnum, c: d.col, el: d.end_lnum, ec: d.end_col, s: d.severity, m: d.message }))
        .sort(),
    ).toEqual(
      findings
        .map((f) =>
          key({
            l: f.line - 1,
            c: f.column - 1,
            el: f.endLine - 1,
            ec: f.endColumn - 1,
            s: sev[f.severity],
            m: f.message,
          }),
        )
        .sort(),
    );
    expect(new Set(result.diagnostics.map((d) => d.source))).toEqual(new Set(['trigger-lint']));
    expect(result.diagnostics.map((d) => d.code)).toContain('prefix-leading-slash');
    expect(result.actions).toEqual([
      'Fix prefix-leading-slash: replace "/incoming/" with "incoming/"',
      'Disable prefix-leading-slash for this line',
    ]);
  }, 180_000);
});
