// The `--cache` file (default `.trigger-lint-cache`): per file, what a worker computes — the
// file's Models (serialised) and its file-scoped findings — under a key made of the sha256 of
// the content, the tool version, the effective options and the file's own settings. An entry
// also remembers the environment variables its `${env(…)}` references read, with their values,
// and is reused only while they are unchanged. Cross-file rules are never cached: they run on
// the merged Model of every file, cached or not.
import { createRequire } from 'node:module';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { EncodedUnit } from './unit.js';

export const DEFAULT_CACHE_LOCATION = '.trigger-lint-cache';
const FORMAT = 1;

export interface CacheEntry {
  key: string;
  unit: EncodedUnit;
}

interface CacheFile {
  tool: 'trigger-lint';
  format: number;
  version: string;
  entries: Record<string, CacheEntry>;
}

/** node:crypto is loaded on first use: the common path (no --cache) never pays for it. */
let crypto: typeof import('node:crypto') | undefined;

export function sha256(...parts: string[]): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}

/** A stable JSON text (sorted keys) of options-like data, for hashing. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => {
    if (x instanceof Set) return [...x].sort();
    if (x instanceof Map) return Object.fromEntries([...x].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
    if (x && typeof x === 'object' && !Array.isArray(x)) return Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]]));
    return x;
  }) ?? 'undefined';
}

export class Cache {
  private entries: Record<string, CacheEntry> = {};
  private dirty = false;
  /** Counts for this run, for tests and `--debug`-style reporting. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(readonly location: string, readonly version: string) {
    let data: CacheFile | undefined;
    try {
      data = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
    } catch {
      data = undefined; // missing or unreadable: start empty (a cache never makes a run fail)
    }
    if (data && data.tool === 'trigger-lint' && data.format === FORMAT && data.version === version && data.entries && typeof data.entries === 'object') {
      this.entries = data.entries;
    }
  }

  get(path: string, key: string, env: Record<string, string | undefined>): EncodedUnit | undefined {
    const e = this.entries[path];
    if (e && e.key === key && envMatches(e.unit.env, env)) {
      this.stats.hits++;
      return e.unit;
    }
    this.stats.misses++;
    return undefined;
  }

  set(path: string, key: string, unit: EncodedUnit): void {
    this.entries[path] = { key, unit };
    this.dirty = true;
  }

  /** Write through a temporary file and a rename, so an interrupted run never leaves half a cache. */
  save(): void {
    if (!this.dirty) return;
    const head: Omit<CacheFile, 'entries'> = { tool: 'trigger-lint', format: FORMAT, version: this.version };
    const tmp = join(dirname(this.location), `.${basename(this.location)}.${process.pid}.tmp`);
    try {
      // one entry at a time: a single JSON.stringify of every file's Model doubles the peak
      // memory of a large run (2,000 files: ~55 MB) for a string that is written and dropped
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, `${JSON.stringify(head).slice(0, -1)},"entries":{`);
        let first = true;
        for (const [path, entry] of Object.entries(this.entries)) {
          writeSync(fd, `${first ? '' : ','}${JSON.stringify(path)}:${JSON.stringify(entry)}`);
          first = false;
        }
        writeSync(fd, '}}');
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.location);
      this.dirty = false;
    } catch {
      try { unlinkSync(tmp); } catch { /* nothing to clean */ }
      // an unwritable cache location only costs speed next time
    }
  }
}

function envMatches(recorded: EncodedUnit['env'], env: Record<string, string | undefined>): boolean {
  if (recorded === '*') return false;
  for (const [k, v] of Object.entries(recorded)) if ((env[k] ?? null) !== v) return false;
  return true;
}
