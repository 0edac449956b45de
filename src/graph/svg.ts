// SVG without a browser: the DOT text laid out and drawn by Graphviz compiled to WebAssembly
// (@viz-js/viz), so `trigger-lint graph --format svg` works in CI and in a terminal. Loaded only
// when asked for (the wasm is about 1 MB), through require: the CLI bundle runs as a vm.Script
// (bin/trigger-lint.js), where import() of a package is not available.
import { createRequire } from 'node:module';
import { fitText } from './svg-text.js';

export async function dotToSvg(dot: string): Promise<string> {
  const { instance } = createRequire(import.meta.url)('@viz-js/viz') as typeof import('@viz-js/viz');
  const viz = await instance();
  const r = viz.render(dot, { format: 'svg' });
  if (r.status !== 'success')
    throw new Error(`graphviz could not draw the graph: ${r.errors.map((e) => e.message).join('; ')}`);
  return fitText(r.output);
}
