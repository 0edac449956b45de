// Entry of the bundled GitHub Action (action/index.js, see action.yml).
import { runAction } from './run.js';

runAction({
  env: process.env,
  stdout: (s) => {
    process.stdout.write(s);
  },
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stdout.write(
      `::error title=trigger-lint::internal error: ${String(err && err.message ? err.message : err)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')}\n`,
    );
    process.exitCode = 2;
  },
);
