// The playground page: an editor with an example per format, the findings under it (with fix
// buttons), and the trigger graph beside it, rendered by Mermaid. The file lives in the URL
// fragment, so a link shares it.
import { EditorView } from 'codemirror';
import { EditorSelection } from '@codemirror/state';
import { forceLinting } from '@codemirror/lint';
import type { Finding } from '../../src/types.js';
import { lintText, type PlaygroundRun } from './engine.js';
import { EXAMPLES } from './examples.js';
import { decodeFragment, encodeFragment } from './share.js';
import { applyFix, createEditor, diagnostics } from './editor.js';
import { renderGraph } from './graph.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const select = $<HTMLSelectElement>('example');
const fileName = $<HTMLInputElement>('filename');
const status = $('status');
const summary = $('summary');
const list = $<HTMLOListElement>('findings');
const graph = $('graph');

for (const [i, ex] of EXAMPLES.entries()) select.add(new Option(ex.title, String(i)));

const shared = decodeFragment(location.hash);
const first = shared ?? EXAMPLES[0];
fileName.value = shared ? shared.name : EXAMPLES[0].name;
if (shared) select.add(new Option('From the link', 'link', true, true));

let view: EditorView;

function findingItem(f: Finding): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `finding ${f.severity}`;
  li.dataset.rule = f.ruleId;
  li.dataset.line = String(f.line);
  li.dataset.column = String(f.column);
  const pos = document.createElement('span');
  pos.className = 'pos';
  pos.textContent = `${f.line}:${f.column}`;
  pos.title = 'Show in the editor';
  pos.onclick = () => {
    view.dispatch({ selection: EditorSelection.range(f.start, Math.max(f.end, f.start)), scrollIntoView: true });
    view.focus();
  };
  const sev = document.createElement('span');
  sev.className = 'sev';
  sev.textContent = f.severity;
  const msg = document.createElement('span');
  msg.className = 'msg';
  msg.textContent = `${f.message} `;
  const rule = document.createElement('code');
  rule.textContent = `[${f.ruleId}]`;
  msg.append(rule);
  li.append(pos, sev, msg);
  if (f.fix) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fix';
    button.textContent = 'Fix';
    button.onclick = () => applyFix(view, f.fix!);
    li.append(button);
  }
  return li;
}

function showRun(run: PlaygroundRun): void {
  const n = (k: string) => run.findings.filter((f) => f.severity === k).length;
  summary.textContent =
    run.format === null
      ? 'not a trigger file trigger-lint knows (s.yaml, serverless.yml, template.yml of a supported format, main.tf)'
      : `${run.format}: ${n('error')} errors, ${n('warning')} warnings, ${n('info')} infos`;
  list.replaceChildren(...run.findings.map(findingItem));
  void renderGraph(graph, run.mermaid);
}

async function lintEditor(text: string) {
  const name = fileName.value.trim() || 's.yaml';
  history.replaceState(null, '', encodeFragment({ name, text }));
  try {
    const run = await lintText(name, text);
    status.textContent = '';
    showRun(run);
    document.body.dataset.linted = String(Number(document.body.dataset.linted ?? 0) + 1);
    return diagnostics(run.findings, text.length);
  } catch (e) {
    status.textContent = `the linter failed: ${(e as Error).message}`;
    console.error(e);
    return [];
  }
}

view = createEditor($('editor'), first.text, lintEditor);

select.onchange = () => {
  const ex = EXAMPLES[Number(select.value)];
  if (!ex) return;
  fileName.value = ex.name;
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: ex.text },
    selection: EditorSelection.cursor(0),
  });
};
fileName.onchange = () => forceLinting(view);

$('share').onclick = async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'link copied';
  } catch {
    status.textContent = 'copy the address bar: it holds the file';
  }
};
