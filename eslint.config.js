// ESLint: typescript-eslint's type-aware recommended rules on every TypeScript file of a
// tsconfig (src, rules, test, scripts, the editors' and the playground's sources), the plain
// recommended rules on the JavaScript scripts. Formatting is Prettier's (CONTRIBUTING.md).
// `npm run lint` allows no warning.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/', 'action/index.js', 'coverage/', 'src/generated/', 'playground/dist/', 'bench/node_modules/',
      'bench/out/', 'editors/vscode/server/', 'fixtures/', 'test/corpus/code/', 'fuzz-failures/',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // the Model's Unknown prints as `<unknown: reason>` on purpose (src/model/model.ts)
      '@typescript-eslint/restrict-template-expressions': ['error', {
        allowNumber: true, allowBoolean: true, allowNullish: true, allowRegExp: true, allowAny: true,
        allow: [{ from: 'file', name: 'Unknown' }, { from: 'lib', name: ['Error', 'URL', 'URLSearchParams'] }],
      }],
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
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['playground/**/*.mjs', 'playground/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
