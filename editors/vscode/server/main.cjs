// The extension's server: the trigger-lint CLI bundle (trigger-lint.cjs, copied here from
// dist/cli.cjs when the .vsix is packaged), run as `trigger-lint lsp --stdio`.
require('./trigger-lint.cjs').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
