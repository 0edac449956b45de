// Replaced at bundle time by esbuild's `define`; falls back to reading package.json in tests.
declare const __TRIGGER_LINT_VERSION__: string | undefined;
export const VERSION: string = typeof __TRIGGER_LINT_VERSION__ === 'string' ? __TRIGGER_LINT_VERSION__ : '0.0.0-dev';
