// The playground's linter: the real engine (src/engine/lint.ts, every rule and format adapter) and the
// real graph code (src/graph/), run in the page on the editor's text. Nothing is sent anywhere:
// the bundle has no file system (playground/build.mjs replaces node: modules with stubs that throw),
// so a Terraform file's grammar is fetched from the page's own grammars/ folder and handed over.
import { lint } from '../../src/workflow/lint.js';
import { buildGraph } from '../../src/graph/build.js';
import { toMermaid } from '../../src/graph/mermaid.js';
import type { Model } from '../../src/model/model.js';
import type { Finding } from '../../src/types.js';
import { provideWasm } from '../../src/code/parser.js';
import { isTerraformInput } from '../../src/formats/terraform/paths.js';

export interface PlaygroundRun {
  /** Format id detected for the text; null when it is not a trigger file trigger-lint knows. */
  format: string | null;
  findings: Finding[];
  /** The trigger graph as Mermaid; undefined when the file declares nothing to draw. */
  mermaid?: string;
}

/** The tree-sitter runtime and HCL grammar, fetched once, on the first Terraform file (a YAML-only visit never loads them). */
let hcl: Promise<void> | undefined;
function loadHclWasm(): Promise<void> {
  hcl ??= (async () => {
    for (const file of ['web-tree-sitter.wasm', 'tree-sitter-hcl.wasm']) {
      const res = await fetch(new URL(`grammars/${file}`, document.baseURI));
      if (!res.ok) throw new Error(`cannot load ${file} (${res.status})`);
      provideWasm(file, new Uint8Array(await res.arrayBuffer()));
    }
  })();
  return hcl;
}

export async function lintText(path: string, text: string): Promise<PlaygroundRun> {
  if (isTerraformInput(path)) await loadHclWasm();
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
