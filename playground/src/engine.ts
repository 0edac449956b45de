// The playground's linter: the real engine (src/engine/lint.ts, every rule and format adapter) and the
// real graph code (src/graph/), run in the page on the editor's text. Nothing is sent anywhere:
// the bundle has no file system (playground/build.mjs replaces node: modules with stubs that throw).
import { lint } from '../../src/workflow/lint.js';
import { buildGraph } from '../../src/graph/build.js';
import { toMermaid } from '../../src/graph/mermaid.js';
import type { Model } from '../../src/model/model.js';
import type { Finding } from '../../src/types.js';

export interface PlaygroundRun {
  /** Format id detected for the text; null when it is not a trigger file trigger-lint knows. */
  format: string | null;
  findings: Finding[];
  /** The trigger graph as Mermaid; undefined when the file declares nothing to draw. */
  mermaid?: string;
}

export async function lintText(path: string, text: string): Promise<PlaygroundRun> {
  let model: Model | undefined;
  const result = await lint([{ path, text }], {
    cwd: '/',
    env: {},
    concurrency: 'off',
    code: false,
    onModel: (m) => {
      model = m;
    },
  });
  const file = result.files.find((f) => f.path === path);
  const graph = model ? buildGraph(model, result) : undefined;
  return {
    format: file?.format ?? null,
    findings: file?.findings ?? [],
    mermaid: graph && graph.nodes.length ? toMermaid(graph) : undefined,
  };
}
