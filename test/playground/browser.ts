// The playground in a real browser: Debian's Chromium (apt-get install chromium; .ci/run installs
// it; found on PATH or at CHROMIUM_PATH) driven by playwright-core through its executablePath, so no browser is downloaded. The
// page is built into a temporary folder and served on 127.0.0.1 by esbuild's file server, as
// `npm run playground` does.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

// as root, without a sandbox; no background traffic (this machine has no network but loopback)
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Served {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Build and serve the page, and start the Chromium at `executablePath` (test/external.ts finds it). */
export async function servePlayground(executablePath: string): Promise<Served> {
  // @ts-expect-error -- plain ESM build script without type declarations
  const { buildPlayground } = await import('../../playground/build.mjs');
  const dir: string = await buildPlayground(mkdtempSync(join(tmpdir(), 'tl-playground-')));
  const ctx = await esbuild.context({});
  const { port } = await ctx.serve({ servedir: dir, host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close();
      await ctx.dispose();
    },
  };
}

/** Everything a page says that a user should never see: console errors, uncaught exceptions, requests leaving the page's origin. */
export interface Watch {
  errors: string[];
  requests: string[];
}

export async function openPage(s: Served, hash = ''): Promise<{ page: Page; watch: Watch }> {
  const context = await s.browser.newContext({ viewport: { width: 1400, height: 800 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url.replace(/\/$/, '') });
  const page = await context.newPage();
  const watch: Watch = { errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(s.url) && !r.url().startsWith('data:')) watch.requests.push(r.url());
  });
  await page.goto(s.url + hash);
  await page.waitForSelector('body[data-linted]');
  await page.waitForSelector('#graph svg, #graph p');
  return { page, watch };
}

/** Replace the editor's text the way a user does: select all, paste from the clipboard. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.click('.cm-content');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
}

/** The editor's text, line by line (CodeMirror renders every line of a short document). */
export async function editorText(page: Page): Promise<string> {
  return (await page.locator('.cm-line').allTextContents()).join('\n');
}
