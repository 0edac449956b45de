// The GitHub Action as the runner starts it: `node action/index.js` with GITHUB_* and INPUT_*
// variables. Checks annotations, step outputs, the job summary, the SARIF file and the exit code;
// and that the outcome never depends on how many annotations GitHub would display.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { mermaidParse } from '../graph/dom.js';
import { ROOT, cli, fc3, manyErrors, manyWarnings, schemaValidator, tempDir, write, CLEAN } from './helpers.js';
import { outputRecord } from '../../src/action/runner.js';
import { parseOutputs, runAction } from './action-run.js';

describe('action.yml', () => {
  const meta = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  it('is valid against the GitHub Action metadata schema', () => {
    const validate = schemaValidator('github-action.json');
    expect(validate(meta), JSON.stringify(validate.errors)).toBe(true);
  });
  it('runs the committed bundle on node24 with the documented inputs and outputs', () => {
    expect(meta.runs).toEqual({ using: 'node24', main: 'action/index.js' });
    expect(existsSync(join(ROOT, meta.runs.main))).toBe(true);
    expect(Object.keys(meta.inputs)).toEqual(['paths', 'fail-on', 'sarif', 'config', 'read-env']);
    expect(meta.inputs.paths.default).toBe('.');
    expect(meta.inputs['fail-on'].default).toBe('error');
    expect(Object.keys(meta.outputs)).toEqual(['errors', 'warnings', 'sarif-file']);
  });
});

describe('the GitHub Action', () => {
  it('reads handler code with the grammars committed beside the bundle (action/grammars/)', () => {
    const ws = tempDir('action-code');
    const from = join(ROOT, 'fixtures', 'recursive-trigger', 'code-oss2-python');
    write(ws, 'app/s.yaml', readFileSync(join(from, 's.yaml'), 'utf8'));
    write(ws, 'app/code/loop.py', readFileSync(join(from, 'code', 'loop.py'), 'utf8'));
    const r = runAction(ws);
    expect(r.code).toBe(1);
    const loop = r.annotations.find((a) => a.includes('title=recursive-trigger'));
    expect(loop).toMatch(/^::error file=app\/s\.yaml,line=26,.*\(app\/code\/loop\.py:19 bucket\.put_object\)/);
  });

  it('annotates every finding, sets outputs, writes the summary and fails on errors', () => {
    const ws = tempDir('action');
    write(
      ws,
      'app/s.yaml',
      fc3([
        { name: 'slash', bucket: 'b', prefix: '/in/' },
        { name: 'glob', bucket: 'c', prefix: 'raw/*' },
      ]),
    );
    const r = runAction(ws);
    expect(r.code).toBe(1);
    expect(r.annotations).toHaveLength(2);
    expect(r.annotations[0]).toMatch(
      /^::error file=app\/s\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=prefix-leading-slash::prefix "\/in\/"/,
    );
    expect(r.annotations[1]).toMatch(/^::warning file=app\/s\.yaml,.*title=filter-wildcard::/);
    expect(r.outputs).toEqual({ errors: '1', warnings: '1', 'sarif-file': '' });
    expect(r.summary).toContain('**1 error, 1 warning in 1 file** — fail-on: `error` → ❌ failed');
    expect(r.summary).toMatch(
      /\| `app\/s\.yaml` \| \[filter-wildcard\]\(https:\/\/[^)]+\/docs\/rules\/filter-wildcard\.md\) \| 0 \| 1 \|/,
    );
    expect(r.summary).toMatch(
      /\| error \| `app\/s\.yaml:\d+:\d+` \| prefix-leading-slash \| prefix "\/in\/" starts with "\/"/,
    );
  });

  it('passes on a clean repository', () => {
    const ws = tempDir('action-clean');
    write(ws, 's.yaml', CLEAN);
    const r = runAction(ws);
    expect(r.code).toBe(0);
    expect(r.annotations).toEqual([]);
    expect(r.outputs).toMatchObject({ errors: '0', warnings: '0' });
    expect(r.summary).toContain('**0 errors, 0 warnings in 1 file** — fail-on: `error` → ✅ passed');
  });

  it('fails the step according to fail-on', () => {
    const ws = tempDir('action-warn');
    write(ws, 's.yaml', manyWarnings(3));
    expect(runAction(ws, { 'fail-on': 'error' }).code).toBe(0);
    expect(runAction(ws, { 'fail-on': 'warning' }).code).toBe(1);
    expect(runAction(ws, { 'fail-on': 'never' }).code).toBe(0);
    const bad = tempDir('action-err');
    write(bad, 's.yaml', manyErrors(2));
    expect(runAction(bad, { 'fail-on': 'never' })).toMatchObject({ code: 0, outputs: { errors: '2' } });
    expect(runAction(bad, { 'fail-on': 'warning' }).code).toBe(1);
  });

  it('lints only the given space-separated paths, relative to the workspace', () => {
    const ws = tempDir('action-paths');
    write(ws, 'a/s.yaml', manyErrors(1, 'a'));
    write(ws, 'b/s.yaml', manyErrors(2, 'b'));
    write(ws, 'c/s.yaml', manyErrors(4, 'c'));
    const r = runAction(ws, { paths: 'a  c/s.yaml' });
    expect(r.outputs.errors).toBe('5');
    expect(r.annotations.every((a) => /file=(a|c)\/s\.yaml/.test(a))).toBe(true);
  });

  it('writes a valid SARIF file when asked, and names it in the outputs', () => {
    const ws = tempDir('action-sarif');
    write(ws, 's.yaml', manyErrors(2));
    const r = runAction(ws, { sarif: 'reports/trigger-lint.sarif' });
    const file = join(ws, 'reports', 'trigger-lint.sarif');
    expect(r.outputs['sarif-file']).toBe(file);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    expect(schemaValidator('sarif-2.1.0.json')(log)).toBe(true);
    expect(log.runs[0].results).toHaveLength(2);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('s.yaml');
  });

  it('keeps every finding when there are more than GitHub displays (200 errors)', () => {
    const ws = tempDir('action-many');
    write(ws, 's.yaml', manyErrors(200));
    const r = runAction(ws, { sarif: 'out.sarif' });
    expect(r.code).toBe(1);
    expect(r.outputs.errors).toBe('200');
    expect(r.annotations).toHaveLength(200);
    const rows = r.summary.split('\n').filter((l) => l.startsWith('| error | '));
    expect(rows).toHaveLength(200);
    for (let i = 0; i < 200; i++) expect(r.summary).toContain(`prefix "/in-${i}/" starts with "/"`);
    expect(r.summary).toContain('| `s.yaml` | [prefix-leading-slash]');
    expect(r.summary).toMatch(/\| \[prefix-leading-slash\]\([^)]*\) \| 200 \| 0 \|/);
    expect(JSON.parse(readFileSync(join(ws, 'out.sarif'), 'utf8')).runs[0].results).toHaveLength(200);
    // and the log holds the full stylish report as well
    expect(r.stdout).toContain('200 errors, 0 warnings in 1 file');
  });

  it('passes with fail-on never even with 200 errors, still reporting all of them', () => {
    const ws = tempDir('action-many-never');
    write(ws, 's.yaml', manyErrors(200));
    const r = runAction(ws, { 'fail-on': 'never' });
    expect(r.code).toBe(0);
    expect(r.outputs.errors).toBe('200');
    expect(r.summary.split('\n').filter((l) => l.startsWith('| error | '))).toHaveLength(200);
  });

  it("draws the trigger graph of src/graph/ (the CLI's `graph`), with loops and overlaps in red, named by their rule", async () => {
    const ws = tempDir('action-graph');
    write(
      ws,
      's.yaml',
      fc3(
        [
          { name: 'zip', bucket: 'archive', prefix: 'src/', suffix: '.zip' },
          { name: 'zip-again', bucket: 'archive', prefix: 'src/', suffix: '.zip' },
          { name: 'loop', bucket: 'media', prefix: 'in/', suffix: '' },
        ],
        { OUTPUT_BUCKET: 'media', OUTPUT_PREFIX: 'in/thumbs/' },
        'thumbs',
      ),
    );
    const r = runAction(ws);
    const graph = /```mermaid\n([\s\S]*?)\n```/.exec(r.summary)?.[1];
    expect(graph).toBeDefined();
    expect((await mermaidParse(graph!)).diagramType).toBe('flowchart-v2');
    expect(graph + '\n').toBe(cli(['graph', '--no-config', 's.yaml'], { cwd: ws }).stdout);
    const lines = graph!.split('\n');
    expect(lines[0]).toBe('flowchart LR');
    const node = (label: string) =>
      lines
        .find((l) => l.includes(label))!
        .trim()
        .split(/[[{(]/)[0];
    const archive = node('("archive")'),
      media = node('("media")'),
      fn = node('"function thumbs');
    const zip = node('oss trigger zip<'),
      again = node('oss trigger zip-again<'),
      loop = node('oss trigger loop<');
    expect(lines).toContain(`  ${archive} --> ${zip}`);
    expect(lines).toContain(`  ${zip} --> ${fn}`);
    expect(lines).toContain(`  ${media} --> ${loop}`);
    expect(lines).toContain(
      `  ${fn} -->|"writes in/thumbs/ #40;env OUTPUT_BUCKET + OUTPUT_PREFIX#41; #183; recursive-trigger #40;error#41;"| ${media}`,
    );
    expect(lines).toContain(`  ${zip} -.-|"same objects #183; trigger-overlap #40;error#41;"| ${again}`);
    for (const id of [zip, again, loop, fn]) expect(lines).toContain(`  class ${id} marked`);
    expect(lines.find((l) => l.startsWith(`  ${zip}{{`))).not.toContain('recursive-trigger');
    expect(graph).toMatch(/linkStyle [\d,]+ stroke:#c00/);
  });

  it('is exit 2 with an error annotation when it cannot lint', () => {
    const ws = tempDir('action-none');
    write(ws, 'README.md', '# nothing to lint\n');
    const r = runAction(ws);
    expect(r.code).toBe(2);
    expect(r.annotations).toEqual([expect.stringMatching(/^::error title=trigger-lint::no trigger file found in \./)]);
    const bad = runAction(ws, { 'fail-on': 'errors' });
    expect(bad.code).toBe(2);
    expect(bad.annotations[0]).toContain('fail-on must be one of error, warning, never, got "errors"');
  });
});

describe('step outputs', () => {
  it('use the heredoc form with a delimiter that cannot occur in the value', () => {
    expect(outputRecord('errors', '3', 'EOF_x')).toBe('errors<<EOF_x\n3\nEOF_x\n');
    expect(() => outputRecord('msg', 'a\nEOF_x\nb', 'EOF_x')).toThrow(/delimiter/);
    expect(parseOutputs(outputRecord('msg', 'two\nlines'))).toEqual({ msg: 'two\nlines' });
  });
});
