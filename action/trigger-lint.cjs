#!/usr/bin/env node
// The pre-commit hook's entry (.pre-commit-hooks.yaml, `language: script`): the committed CLI
// bundle beside it (action/cli.cjs, a copy of dist/cli.cjs made by scripts/build.mjs; its
// grammars/ shared with the Action), so the hook runs from a plain clone of the repository with
// no npm install. Needs `node` (20+) on PATH.
'use strict';
require('./cli.cjs').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`trigger-lint: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
