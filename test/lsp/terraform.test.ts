// The language server on a Terraform file: didOpen publishes the CLI's findings for a .tf file,
// at the same ranges (inside a JSON string too).
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, serverWith, tempDir } from './helpers.js';

const root = tempDir('lsp-tf');
const file = join(root, 'main.tf');
copyFileSync(join(ROOT, 'fixtures', 'prefix-leading-slash', 'alicloud-terraform.tf'), file);
const text = readFileSync(file, 'utf8');

describe('language server: Terraform', () => {
  const server = serverWith(root, file, text);

  it('publishes diagnostics for a .tf file, exactly what `trigger-lint --format json` reports', () => {
    const run = cli(['--format', 'json', 'main.tf'], { cwd: root });
    const findings = JSON.parse(run.stdout).files[0].findings as {
      ruleId: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
    }[];
    expect(findings.filter((f) => f.ruleId === 'prefix-leading-slash')).toHaveLength(2);
    expect(
      server.diags.map(
        (d) =>
          `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`,
      ),
    ).toEqual(findings.map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`));
  });
});
