// The graph pane: the Mermaid text of src/graph/mermaid.ts rendered by Mermaid in the page
// (loaded on first use: it is most of the bundle). A newer render supersedes an older one.
let seq = 0;
let mermaidReady: Promise<typeof import('mermaid').default> | undefined;

function load() {
  mermaidReady ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'default',
      flowchart: { htmlLabels: true },
    });
    return mermaid;
  });
  return mermaidReady;
}

export async function renderGraph(into: HTMLElement, text: string | undefined): Promise<void> {
  const id = ++seq;
  if (text === undefined) {
    into.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'No trigger to draw.' }));
    into.dataset.rendered = String(id);
    return;
  }
  const mermaid = await load();
  const { svg } = await mermaid.render(`trigger-graph-${id}`, text);
  if (id !== seq) return;
  into.innerHTML = svg;
  into.dataset.mermaid = text;
  into.dataset.rendered = String(id);
}
