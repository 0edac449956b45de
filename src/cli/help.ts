// `trigger-lint --help`: written by hand (commander's generated list is long and says nothing of
// the `event` command, severities or exit codes). test/e2e/help.test.ts checks that every option
// the parser knows is listed here, and the README's Usage block is this text, verbatim.
import { docsUrl, repositoryUrl } from '../reporters/links.js';
import { FORMATS } from '../formats/index.js';

const INDENT = 37;
const WIDTH = 100;

/** Words of `text` in lines of at most WIDTH columns, continuation lines indented to the descriptions. */
function wrap(text: string, first = INDENT + 'force a file format: '.length): string {
  const lines: string[] = [];
  let line = '';
  let room = WIDTH - first;
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
      room = WIDTH - INDENT;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(INDENT)}`);
}

export function helpText(): string {
  return `Usage: trigger-lint [options] [paths...]
       trigger-lint event <validate|sample|list> [options]
       trigger-lint graph [options] [paths...]
       trigger-lint lsp --stdio
       trigger-lint rule [id]

Lint serverless trigger definitions (Serverless Devs s.yaml, Funcraft, ROS, Tencent SCF, Huawei
FunctionGraph, Serverless Framework, AWS SAM) before deploy.

Arguments:
  paths                              files, directories (searched for trigger files) or - (stdin);
                                     default: the current folder

Options:
  -f, --format <name[=file]>         stylish (default), json, sarif, github, junit; repeatable;
                                     name=file writes that report to a file
  -o, --output <file>                write the (single) report to a file
  --rule <id=off|info|warning|error> set a rule's severity; repeatable
  --quiet                            report errors only
  --max-warnings <n>                 exit 1 when warnings exceed n
  --list-rules                       ids, default severities, descriptions
  --stdin-filename <name>            name used for - input (default: stdin.yaml)
  --input-format <id>                force a file format: ${wrap(FORMATS.map((f) => f.id).join(', '))}
  --ignore-unknown                   skip named files that are not trigger files (pre-commit)
  -c, --config <file> | --no-config  configuration file (default: nearest .trigger-lint.yaml)
  --print-config <file>              the effective configuration for a file
  --require-reason                   every trigger-lint-disable comment needs " -- reason"
  --baseline <file> | --no-baseline  baseline (default: trigger-lint-baseline.json when present)
  --baseline-write, --baseline-prune record today's findings / drop entries that are gone
  --fix, --fix-dry-run               apply certain fixes (comments, formatting kept) / show the diff
  --no-code                          do not read the functions' handler code (recursive-trigger)
  --code-budget-ms <ms>              stop reading one function's handler code after ms (default
                                     2000; an incomplete-analysis info finding says so)
  --code-budget-run-ms <ms>          stop reading handler code after ms for the whole run
                                     (default 20000); both win over codeBudget in the config
  --read-env                         resolve \${env('X')} / \${env:X} from the environment (off:
                                     the written default, else unknown; docs/security.md)
  --root <dir>                       project root: nothing outside it is read (default: the
                                     nearest folder holding .git, else the current folder)
  --cache, --cache-location <file>   skip unchanged files (default file: .trigger-lint-cache)
  --concurrency <auto|N|off>         lint many files on worker threads (default: auto)
  --color[=always|never|auto]        colour the report; auto (default): on a terminal, unless
  --no-color                         NO_COLOR is set (non-empty); FORCE_COLOR=1 forces it
  -v, --version                      print the version
  -h, --help                         print this help

Commands:
  event validate <file|-> [--vendor v --type t] [--format json]
                                     check a test event against the vendor's payload schema
  event sample <vendor> <type> [--bucket b --key k --region r --event e]
  event sample --from s.yaml --trigger <name>
                                     print a valid event (the one that trigger would deliver)
  event list                         vendors and event types (trigger-lint event --help)
  graph [paths...] [-f mermaid|dot|json|svg] [-o file]
                                     the trigger graph: buckets, triggers, functions, writes;
                                     loops in red (trigger-lint graph --help)
  lsp --stdio                        the language server for editors: diagnostics, quick fixes,
                                     hover (docs/editors.md)
  rule [id]                          a rule's page: what it reports, why, examples, options,
                                     sources; without an id, the list of rules

Severities: error (fails the run), warning (fails it past --max-warnings), info (never fails), off.

Examples:
  trigger-lint .                                   every trigger file under the current folder
  trigger-lint a/s.yaml b/serverless.yml           overlaps, limits, cycles across files and formats
  trigger-lint -f stylish -f sarif=out.sarif .     read the report and write SARIF at once
  trigger-lint --fix s.yaml                        "/src/" -> "src/", "sufix" -> "suffix"
  cat s.yaml | trigger-lint - --stdin-filename s.yaml

Exit codes:
  0  no error findings (warnings allowed unless --max-warnings)
  1  at least one error finding, or more warnings than --max-warnings
  2  the tool could not do its job: bad flag, unreadable path, no trigger file found, a named
     file that is not a trigger file, a bad configuration file

Docs: ${repositoryUrl()}#readme
Rules: ${docsUrl('rules/')}
Formats: ${docsUrl('formats/')}
`;
}
