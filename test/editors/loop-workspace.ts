// A folder whose functions' handler code loops (each writes into the bucket that triggers it):
// py/ is fixtures/recursive-trigger/code-oss2-python (oss2, Python), js/ is
// fixtures/recursive-trigger/code-ali-oss-nodejs (ali-oss, Node.js). A packaged server (the
// .vsix's, the npm tarball's) must parse that code — tree-sitter's WebAssembly files included —
// and report the loop with the write in the code as its related location.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers.js';
import type { LspClient } from '../lsp/client.js';

export const LOOPS = [
  { dir: 'py', fixture: 'code-oss2-python', code: 'code/loop.py', line: 26, codeLine: 19 },
  { dir: 'js', fixture: 'code-ali-oss-nodejs', code: 'code/index.js', line: 23, codeLine: 19 },
] as const;

/** Copy both fixtures into `root` (py/, js/). */
export function loopWorkspace(root: string): string {
  for (const l of LOOPS)
    cpSync(join(ROOT, 'fixtures', 'recursive-trigger', l.fixture), join(root, l.dir), { recursive: true });
  return root;
}

/** Open each s.yaml in the server and check its recursive-trigger diagnostic points into the code. */
export async function expectLoopsReported(client: LspClient, root: string): Promise<void> {
  for (const l of LOOPS) {
    const file = join(root, l.dir, 's.yaml');
    const diags: Diagnostic[] = await client.open(file, readFileSync(file, 'utf8'));
    expect(
      diags.filter((d) => (typeof d.message === 'string' ? d.message : d.message.value).includes('internal error')),
      `${l.dir}: ${JSON.stringify(diags)}`,
    ).toEqual([]);
    const loop = diags.filter((d) => d.code === 'recursive-trigger');
    expect(loop, `${l.dir}: ${JSON.stringify(diags)}`).toHaveLength(1);
    expect(loop[0].range.start.line).toBe(l.line - 1);
    expect(loop[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line])).toEqual([
      [pathToFileURL(join(root, l.dir, l.code)).href, l.codeLine - 1],
    ]);
  }
}
