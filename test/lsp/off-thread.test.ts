// The language server lints off its main thread (issue #25): in a folder whose lint takes a while
// (this repository's own src/ as the handler code of three SAM functions), hover answers while a
// lint runs, and a newer edit cancels the lint in progress — only the newest version is published.
import { describe, it } from 'vitest';
import { expectLintsOffThread } from './off-thread.js';

describe('language server: linting off the main thread', () => {
  it('hover answers while a lint runs, and a newer edit cancels the lint in progress', async () => {
    await expectLintsOffThread();
  }, 60_000);
});
