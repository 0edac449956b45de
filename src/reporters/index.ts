// Reporters are loaded lazily: the stylish path must not pay for SARIF.
import type { Reporter } from './types.js';

export const REPORTERS: Record<string, () => Promise<Reporter>> = {
  stylish: async () => (await import('./stylish.js')).default,
  json: async () => (await import('./json.js')).default,
  sarif: async () => (await import('./sarif.js')).default,
  github: async () => (await import('./github.js')).default,
  junit: async () => (await import('./junit.js')).default,
};

export function reporterNames(): string[] {
  return Object.keys(REPORTERS);
}
