// `trigger-lint graph` on the command line: exit codes, stdin, -o, --help, configuration.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../e2e/run.js';
import { read, ROOT } from '../helpers.js';
import { tempDir, write, fc3 } from '../integrations/helpers.js';

describe('trigger-lint graph', () => {
  it('exits 0 with the graph even when the files have errors (findings are drawn, not counted)', () => {
    const lint = cli(['--no-config', 'examples/']);
    expect(lint.code).toBe(1);
    const r = cli(['graph', '--no-config', 'examples/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(read(join(ROOT, 'test', 'graph', 'golden', 'examples.mmd'))); // mermaid is the default
  });

  it('reads stdin with --stdin-filename, and writes a file with -o', () => {
    const dir = tempDir('graph-o');
    const text = read(join(ROOT, 'examples', 's.yaml'));
    const r = cli(
      ['graph', '--no-config', '-f', 'json', '-o', join(dir, 'g.json'), '-', '--stdin-filename', 'piped/s.yaml'],
      { input: text },
    );
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const g = JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8'));
    expect(g.version).toBe(1);
    expect(g.nodes.find((n: { id: string }) => n.id === 't0').at).toEqual({
      path: 'piped/s.yaml',
      line: 23,
      column: 11,
    });
  });

  it('applies the configuration file: a rule turned off there draws no mark', () => {
    const dir = tempDir('graph-config');
    write(
      dir,
      's.yaml',
      fc3([{ name: 'loop', bucket: 'media', prefix: 'in/', suffix: '' }], { OUTPUT_PREFIX: 'in/x/' }),
    );
    const marked = cli(['graph', '-f', 'json', '.'], { cwd: dir });
    expect(JSON.parse(marked.stdout).edges.filter((e: { marks: unknown[] }) => e.marks.length)).toHaveLength(3);
    write(dir, '.trigger-lint.yaml', 'rules:\n  recursive-trigger: off\n');
    const off = cli(['graph', '-f', 'json', '.'], { cwd: dir });
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout).edges.filter((e: { marks: unknown[] }) => e.marks.length)).toHaveLength(0);
    const flag = cli(['graph', '--no-config', '--rule', 'recursive-trigger=off', '-f', 'json', '.'], { cwd: dir });
    expect(JSON.parse(flag.stdout).edges.filter((e: { marks: unknown[] }) => e.marks.length)).toHaveLength(0);
  });

  it('is exit 2 with one line when it cannot do its job', () => {
    const none = cli(['graph', '--no-config', 'docs/rules']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^trigger-lint graph: no trigger file found in docs\/rules \(looked for /);
    const bad = cli(['graph', '--format', 'png', 'examples/']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^trigger-lint graph: option '-f, --format <name>' argument 'png' is invalid\. Allowed choices are mermaid, dot, json, svg\. \(see --help\)\n$/,
    );
    const notTrigger = cli(['graph', '--no-config', 'package.json']);
    expect(notTrigger.code).toBe(2);
    expect(notTrigger.stderr).toMatch(/^trigger-lint graph: package\.json: not a trigger file trigger-lint knows/);
    const missing = cli(['graph', 'nope/']);
    expect(missing).toMatchObject({ code: 2, stderr: 'trigger-lint graph: nope/: no such file or directory\n' });
  });

  it('has its own --help', () => {
    const r = cli(['graph', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: trigger-lint graph \[options\] \[paths\.\.\.\]/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('(choices: "mermaid", "dot", "json", "svg", default: "mermaid")');
  });
});
