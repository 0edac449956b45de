// The playground (playground/) in Debian's Chromium: paste a file with a leading-slash prefix and
// a loop, see the finding at its line (listed and squiggled), fix it with the button, see the loop
// marked in the graph, share it by link; every example is linted as its format (Terraform too, its
// grammar fetched on first use); a pasted main.tf gets its finding; the page logs no
// error and sends nothing anywhere. The screenshot in docs/playground.png is made here
// (`npm run screenshot` writes it; other runs write it to a temporary folder).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { external } from '../external.js';
import { editorText, openPage, paste, servePlayground, type Served } from './browser.js';

const PASTED = readFileSync(join(ROOT, 'test', 'playground', 'pasted.yaml'), 'utf8');
const SLASH_LINE = PASTED.split('\n').findIndex((l) => l.includes('prefix: /incoming/')) + 1;
const SLASH_COLUMN = PASTED.split('\n')[SLASH_LINE - 1].indexOf('/incoming/') + 1;
const SHOT =
  process.env.UPDATE_SCREENSHOT === '1'
    ? join(ROOT, 'docs', 'playground.png')
    : join(mkdtempSync(join(tmpdir(), 'tl-shot-')), 'playground.png');

const browser = external('chromium', 'the playground in Chromium (test/playground/playground.test.ts)');
let served: Served;
beforeAll(async () => {
  if (!browser.skip) served = await servePlayground(browser.need());
}, 120_000);
afterAll(async () => {
  await served?.close();
});

describe.skipIf(browser.skip)('the playground in Chromium', () => {
  it('lints a pasted file: the finding at its line, a squiggle, a working fix button, the loop marked in the graph', async () => {
    const { page, watch } = await openPage(served);
    const wasm: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(r.url());
    });
    await paste(page, PASTED);
    const slash = page.locator(`#findings li[data-rule="prefix-leading-slash"][data-line="${SLASH_LINE}"]`);
    await slash.waitFor();
    expect(await slash.getAttribute('data-column')).toBe(String(SLASH_COLUMN));
    expect(await slash.locator('.msg').textContent()).toContain('prefix "/incoming/" starts with "/"');
    expect(await page.locator('#summary').textContent()).toMatch(/^serverless-devs-fc3: 2 errors/);
    // drawn in the editor: a squiggle under the offending value, a marker in the gutter
    expect(await page.locator('.cm-lintRange-error').allTextContents()).toContain('/incoming/');
    expect(await page.locator('.cm-gutter-lint .cm-lint-marker-error').count()).toBeGreaterThan(0);

    // the graph: the write edge function → bucket closes the loop, red and named by its rule
    const graph = page.locator('#graph');
    await page.waitForFunction(() =>
      document.querySelector('#graph')?.getAttribute('data-mermaid')?.includes('on-upload'),
    );
    const mermaid = (await graph.getAttribute('data-mermaid'))!;
    expect(mermaid).toContain(
      'f0 -->|"writes small/ #40;env OUTPUT_PREFIX#41; #183; recursive-trigger #40;error#41;"| b0',
    );
    const loopEdge = graph.locator('path[id$="-L_f0_b0_0"]');
    expect(await loopEdge.getAttribute('style')).toContain('stroke:#c00');
    expect((await graph.locator('.edgeLabel').allTextContents()).join('|')).toContain(
      'writes small/ (env OUTPUT_PREFIX) · recursive-trigger (error)',
    );
    expect(await graph.locator('g.node.marked').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('oss trigger on-photo')]),
    );
    await page.screenshot({ path: SHOT });

    // the fix button rewrites the prefix in the editor, and the finding goes away
    await slash.locator('button.fix').click();
    await page.locator('#findings li[data-rule="prefix-leading-slash"]').waitFor({ state: 'detached' });
    const fixed = await editorText(page);
    expect(fixed.split('\n')[SLASH_LINE - 1]).toBe('                prefix: incoming/');
    expect(fixed).toBe(PASTED.replace('prefix: /incoming/', 'prefix: incoming/'));
    await page.locator('#findings li[data-rule="recursive-trigger"]').waitFor();
    expect(wasm, 'a YAML file loads no HCL grammar').toEqual([]);
    expect(watch).toEqual({ errors: [], requests: [] });
    await page.context().close();
  });

  it('keeps the file in the link: opening it shows the same text and findings', async () => {
    const first = await openPage(served);
    await paste(first.page, PASTED);
    await first.page.locator(`#findings li[data-rule="prefix-leading-slash"][data-line="${SLASH_LINE}"]`).waitFor();
    const link = first.page.url();
    expect(link).toMatch(/#name=s\.yaml&code=/);
    await first.page.context().close();
    const hash = link.slice(link.indexOf('#'));
    const second = await openPage(served, hash);
    expect(await editorText(second.page)).toBe(PASTED);
    expect(await second.page.locator('#example').inputValue()).toBe('link');
    await second.page.locator(`#findings li[data-rule="prefix-leading-slash"][data-line="${SLASH_LINE}"]`).waitFor();
    expect(second.watch).toEqual({ errors: [], requests: [] });
    await second.page.context().close();
  });

  it('has an example per format, each linted as its format, with findings and a graph', async () => {
    const { page, watch } = await openPage(served);
    const options = await page
      .locator('#example option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toHaveLength(13);
    const seen: string[] = [];
    for (const value of options) {
      const before = await page.locator('body').getAttribute('data-linted');
      await page.selectOption('#example', value);
      await page.waitForFunction((b) => document.body.dataset.linted !== b, before);
      const summary = (await page.locator('#summary').textContent())!;
      seen.push(summary.split(':')[0]);
      expect(await page.locator('#findings li').count(), summary).toBeGreaterThan(0);
      await page.waitForFunction(() => document.querySelector('#graph svg'));
    }
    expect(seen.sort()).toEqual([
      'aws-sam',
      'funcraft',
      'huawei-fgs',
      'huawei-serverless',
      'ros',
      'serverless-aliyun',
      'serverless-aws',
      'serverless-devs-fc',
      'serverless-devs-fc3',
      'tencent-scf',
      'tencent-scf-plugin',
      'tencent-tcsam',
      'terraform',
    ]);
    expect(watch).toEqual({ errors: [], requests: [] });
    await page.context().close();
  });

  it('lints a Terraform file named main.tf: the HCL grammar is fetched from the page, the finding is at its line', async () => {
    const { page, watch } = await openPage(served);
    const tf = readFileSync(join(ROOT, 'test', 'playground', 'pasted.tf'), 'utf8');
    const line = tf.split('\n').findIndex((l) => l.includes('"images/thumbs/"')) + 1;
    const wasm: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(r.url().slice(served.url.length));
    });
    await page.fill('#filename', 'main.tf');
    await page.dispatchEvent('#filename', 'change');
    await paste(page, tf);
    const overlap = page.locator(`#findings li[data-rule="trigger-overlap"][data-line="${line}"]`);
    await overlap.waitFor();
    expect(await overlap.locator('.msg').textContent()).toContain('overlaps trigger "media.lambda_function[0]"');
    expect(await page.locator('#summary').textContent()).toMatch(/^terraform: 1 errors/);
    expect(wasm.sort()).toEqual(['grammars/tree-sitter-hcl.wasm', 'grammars/web-tree-sitter.wasm']);
    expect(watch).toEqual({ errors: [], requests: [] });
    await page.context().close();
  });

  it('made a screenshot of the page with the findings and the graph', () => {
    const png = readFileSync(SHOT);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1400, 800]);
  });
});
