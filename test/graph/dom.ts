// A DOM for the libraries that expect a browser: Mermaid's parser (it imports DOMPurify and
// d3, which look for window and document) and SVG parsing. jsdom, installed as the globals.
import { JSDOM } from 'jsdom';

let dom: JSDOM | undefined;

export function installDom(): JSDOM {
  if (dom) return dom;
  dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  g.window = dom.window;
  g.document = dom.window.document;
  g.DOMParser = dom.window.DOMParser;
  return dom;
}

/** Mermaid's own parser (the `mermaid` package): resolves with the diagram type, rejects on a syntax error. */
export async function mermaidParse(text: string): Promise<{ diagramType: string }> {
  installDom();
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false });
  const r = await mermaid.parse(text);
  if (!r) throw new Error('mermaid.parse returned false');
  return r;
}

/** Parse SVG text as XML; throws on a parser error. */
export function parseSvg(text: string): Document {
  const { window } = installDom();
  const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const err = doc.getElementsByTagName('parsererror')[0];
  if (err) throw new Error(`not well-formed SVG: ${err.textContent}`);
  return doc;
}
