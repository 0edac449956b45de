// ESLint: typescript-eslint's type-aware recommended rules on every TypeScript file of a
// tsconfig (src, rules, test, scripts, the editors' and the playground's sources), the plain
// recommended rules on the JavaScript scripts. Formatting is Prettier's (CONTRIBUTING.md).
// `npm run lint` allows no warning.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Code written before ESLint ran that breaks a rule, file by file: the rule is off only in these
// files, so every other file and every new file meets it. Shrink this list; never grow it.
const BASELINE = {
  '@typescript-eslint/no-unnecessary-type-assertion': [
    'test/formats/build-model.ts',
    'test/lsp/client.ts',
    'test/perf/cache.test.ts',
  ],
  'prefer-const': ['playground/src/main.ts'],
  '@typescript-eslint/unbound-method': ['src/lsp/code-actions.ts'],
  '@typescript-eslint/no-unsafe-argument': [
    'scripts/fuzz/grammar.ts',
    'src/cli.ts',
    'src/engine/cache.ts',
    'src/graph/cli.ts',
    'src/workflow/config/load.ts',
  ],
  '@typescript-eslint/no-unsafe-assignment': [
    'scripts/fuzz/main.ts',
    'scripts/fuzz/schema-gen.ts',
    'src/cli.ts',
    'src/code/sdk.ts',
    'src/engine/workers.ts',
    'src/events/detect.ts',
    'src/graph/cli.ts',
    'src/lsp/schema-walk.ts',
    'src/schema/collapse.ts',
    'src/source/suggest.ts',
    'src/workflow/config/load.ts',
  ],
  '@typescript-eslint/no-unsafe-member-access': [
    'src/action/main.ts',
    'src/engine/cache.ts',
    'src/workflow/config/load.ts',
  ],
  '@typescript-eslint/no-base-to-string': [
    'src/cli.ts',
    'src/formats/aws-sam.ts',
    'src/formats/fc3.ts',
    'src/formats/resolve.ts',
    'src/formats/serverless-framework-common.ts',
    'src/lsp/diagnostics.ts',
    'src/lsp/schema-hover.ts',
    'src/schema/paths.ts',
    'test/editors/yaml-language-server.test.ts',
    'test/lsp/workspace.test.ts',
  ],
  '@typescript-eslint/no-explicit-any': ['src/cli.ts', 'src/schema/types.ts', 'src/workflow/config/load.ts'],
  '@typescript-eslint/no-redundant-type-constituents': ['src/code/values.ts'],
  '@typescript-eslint/no-unsafe-return': ['src/engine/cache.ts'],
  '@typescript-eslint/require-await': ['src/engine/lint.ts', 'test/events/cli.test.ts'],
  'no-useless-assignment': [
    'src/events/detect.ts',
    'src/graph/build.ts',
    'src/lsp/schema-walk.ts',
    'src/source/source.ts',
  ],
  '@typescript-eslint/restrict-template-expressions': ['src/lsp/diagnostics.ts', 'test/lsp/workspace.test.ts'],
  '@typescript-eslint/no-unsafe-call': ['src/workflow/config/load.ts'],
  '@typescript-eslint/prefer-promise-reject-errors': ['test/editors/vscode.test.ts'],
  'no-regex-spaces': ['test/integrations/multi-report.test.ts'],
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'action/index.js',
      'action/*.cjs',
      'coverage/',
      'src/generated/',
      'playground/dist/',
      'bench/node_modules/',
      'bench/out/',
      'editors/vscode/server/',
      'editors/vscode/dist/',
      'fixtures/',
      'test/corpus/code/',
      'fuzz-failures/',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'vitest.quick.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // the Model's Unknown prints as `<unknown: reason>` on purpose (src/model/model.ts)
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowNumber: true,
          allowBoolean: true,
          allowNullish: true,
          allowRegExp: true,
          allowAny: true,
          allow: [
            { from: 'file', name: 'Unknown' },
            { from: 'lib', name: ['Error', 'URL', 'URLSearchParams'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read the JSON the CLI prints and the objects libraries hand back, and check them
    // with expect(): typing every JSON.parse there is noise, so `any` is allowed in test/ only.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // matching control characters is the point where user text is escaped (junit, the GitHub log)
    rules: { 'no-control-regex': 'off' },
  },
  ...Object.entries(BASELINE).map(([rule, files]) => ({ files, rules: { [rule]: 'off' } })),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['playground/**/*.mjs', 'playground/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
