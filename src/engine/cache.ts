// The `--cache` file (default `.trigger-lint-cache`): per file, what a worker computes — the
// file's Models (serialised) and its file-scoped findings — under a key made of the sha256 of
// the content, the tool version, the effective options and the file's own settings. Cross-file
// rules are never cached: they run on the merged Model of every file, cached or not.
// The file may come from a stranger (a pull request, a restored CI cache): only its writer trusts
// it. Each entry carries an HMAC whose key lives in the user's cache folder, outside the
// repository (src/engine/cache-key.ts); an entry without a valid HMAC, or not of the expected
// shape, is a miss — never an error. A file that read the process environment (`--read-env`) is
// never cached (src/engine/workers.ts), so no value from it is stored.
import { createRequire } from 'node:module';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { EncodedUnit } from './unit.js';
import { cacheSecret } from './cache-key.js';

export const DEFAULT_CACHE_LOCATION = '.trigger-lint-cache';
const FORMAT = 2;

export interface CacheEntry {
  key: string;
  unit: EncodedUnit;
  /** HMAC-SHA256 (hex) of the path, the key and the unit, under this machine's cache secret. */
  mac: string;
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
  return (
    JSON.stringify(v, (_k, x) => {
      if (x instanceof Set) return [...x].sort();
      if (x instanceof Map) return Object.fromEntries([...x].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
      if (x && typeof x === 'object' && !Array.isArray(x))
        return Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        );
      return x;
    }) ?? 'undefined'
  );
}

/** The HMAC of one entry: its path, its key and its unit as stored. */
export function entryMac(secret: Buffer, path: string, key: string, unit: EncodedUnit): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto
    .createHmac('sha256', secret)
    .update(path)
    .update('\u0000')
    .update(key)
    .update('\u0000')
    .update(JSON.stringify(unit))
    .digest('hex');
}

export class Cache {
  private entries: Record<string, CacheEntry> = Object.create(null) as Record<string, CacheEntry>;
  private dirty = false;
  /** This machine's secret; undefined when it cannot be read or made (then nothing is read or written). */
  private readonly secret: Buffer | undefined;
  /** Counts for this run, for tests and `--debug`-style reporting. */
  readonly stats = { hits: 0, misses: 0 };

  /** `readable`: false when the file may not be read (outside the project, not a regular file): start empty. */
  constructor(
    readonly location: string,
    readonly version: string,
    readable = true,
  ) {
    this.secret = cacheSecret();
    let data: CacheFile | undefined;
    try {
      data = readable && this.secret ? (JSON.parse(readFileSync(location, 'utf8')) as CacheFile) : undefined;
    } catch {
      data = undefined; // missing or unreadable: start empty (a cache never makes a run fail)
    }
    if (
      data &&
      data.tool === 'trigger-lint' &&
      data.format === FORMAT &&
      data.version === version &&
      data.entries &&
      typeof data.entries === 'object' &&
      !Array.isArray(data.entries)
    ) {
      for (const [path, e] of Object.entries(data.entries)) {
        if (isEntry(e) && this.verify(path, e)) this.entries[path] = e;
      }
    }
  }

  private mac(path: string, key: string, unit: EncodedUnit): string {
    return entryMac(this.secret!, path, key, unit);
  }

  private verify(path: string, e: CacheEntry): boolean {
    const want = Buffer.from(this.mac(path, e.key, e.unit), 'hex');
    const got = Buffer.from(e.mac, 'hex');
    return got.length === want.length && crypto!.timingSafeEqual(got, want);
  }

  get(path: string, key: string): EncodedUnit | undefined {
    const e = this.entries[path];
    if (e && e.key === key) {
      this.stats.hits++;
      return e.unit;
    }
    this.stats.misses++;
    return undefined;
  }

  set(path: string, key: string, unit: EncodedUnit): void {
    if (!this.secret) return;
    const clean = { ...unit, env: {} }; // nothing read from the environment is stored
    this.entries[path] = { key, unit: clean, mac: this.mac(path, key, clean) };
    this.dirty = true;
  }

  /** Forget an entry that turned out unusable (it decodes to nothing): it is recomputed and rewritten. */
  drop(path: string): void {
    delete this.entries[path];
    this.stats.hits--;
    this.stats.misses++;
  }

  /** Write through a temporary file and a rename, so an interrupted run never leaves half a cache. */
  save(): void {
    if (!this.dirty || !this.secret) return;
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
      try {
        unlinkSync(tmp);
      } catch {
        /* nothing to clean */
      }
      // an unwritable cache location only costs speed next time
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The shape of an entry and its unit (src/engine/unit.ts); the Models inside are checked when decoded. */
function isEntry(e: unknown): e is CacheEntry {
  if (
    !isObject(e) ||
    typeof e.key !== 'string' ||
    typeof e.mac !== 'string' ||
    !/^[0-9a-f]{64}$/.test(e.mac) ||
    !isObject(e.unit)
  )
    return false;
  const u = e.unit;
  return (
    (u.format === null || typeof u.format === 'string') &&
    Array.isArray(u.syntax) &&
    u.syntax.every(isObject) &&
    Array.isArray(u.placeholders) &&
    Array.isArray(u.files) &&
    u.files.every(isObject) &&
    (u.env === '*' || isObject(u.env)) &&
    isObject(u.reports) &&
    Object.values(u.reports).every((list) => Array.isArray(list) && list.every(isReport))
  );
}

const isSpan = (v: unknown): boolean => isObject(v) && Number.isInteger(v.start) && Number.isInteger(v.end);

/** A rule's report as src/types.ts shapes it: where, what, and well-formed edits and related locations. */
function isReport(r: unknown): boolean {
  if (
    !isObject(r) ||
    typeof r.message !== 'string' ||
    !isSpan(r.at) ||
    typeof (r.at as Record<string, unknown>).file !== 'string'
  )
    return false;
  const fixes = r.fix === undefined ? [] : Array.isArray(r.fix) ? r.fix : [r.fix];
  if (!fixes.every((f) => isSpan(f) && typeof (f as Record<string, unknown>).text === 'string')) return false;
  return (
    r.related === undefined ||
    (Array.isArray(r.related) && r.related.every((x) => isObject(x) && typeof x.message === 'string' && isSpan(x.at)))
  );
}
