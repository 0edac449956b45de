// Workspaces for the language-server tests, and applying the edits the server sends.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { ROOT, tempDir, write, cli } from '../integrations/helpers.js';
import { LspClient, uriOf } from './client.js';

export { tempDir, write, cli, ROOT };

/** A workspace folder holding a copy of examples/s.yaml (deliberate mistakes) as s.yaml. */
export function exampleWorkspace(prefix: string): { root: string; file: string; text: string } {
  const root = tempDir(prefix);
  const file = join(root, 's.yaml');
  copyFileSync(join(ROOT, 'examples', 's.yaml'), file);
  return { root, file, text: readFileSync(file, 'utf8') };
}

/**
 * One language server for a describe block: started on `root` before its tests, with `file`
 * opened as `text`; `diags` holds what it published for the file (tests may replace it after a
 * change). Killed after the block.
 */
export function serverWith(root: string, file: string, text: string): { client: LspClient; diags: Diagnostic[] } {
  const server = {} as { client: LspClient; diags: Diagnostic[] };
  beforeAll(async () => {
    server.client = await LspClient.start({ root });
    server.diags = await server.client.open(file, text);
  });
  afterAll(() => server.client.kill());
  return server;
}

/** The edits of a workspace edit for one file (documentChanges or changes). */
export function editsFor(edit: WorkspaceEdit | undefined, path: string): TextEdit[] {
  const uri = uriOf(path);
  if (!edit) return [];
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c) =>
      'textDocument' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : [],
    );
  }
  return edit.changes?.[uri] ?? [];
}

export function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, text), edits);
}

export function applyAction(text: string, action: CodeAction, path: string): string {
  return apply(text, editsFor(action.edit, path));
}

/** 0-based line and character of the n-th occurrence of a string. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not in the text`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export const byCode = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);
