// The files one lint run sees: every trigger file of the workspace folder (the directory scan
// of `trigger-lint <folder>`), read from disk, with open buffers taking precedence over the disk,
// plus open buffers the scan does not find (a trigger file by content under another name).
// Disk files are parsed once and kept until their size or mtime changes; the folder is
// rescanned when asked (open, save, watched-file events), not on every keystroke.
import { statSync } from 'node:fs';
import { decode, parseSource, type Source } from '../source/source.js';
import { displayPath, entrySource, expandPaths, readBytes, MAX_FILE_BYTES, type FileEntry } from '../engine/files.js';
import { tooLarge } from '../engine/lint.js';
import type { CodeCache } from '../types.js';

export interface Buffer {
  /** Absolute path. */
  path: string;
  text: string;
}

interface Parsed {
  mtimeMs: number;
  size: number;
  source: Source;
}

export class FolderFiles {
  private scan: FileEntry[] | undefined;
  private readonly parsed = new Map<string, Parsed>();
  /** Handler-code evaluations kept between lints of the folder (reused while the code is unchanged on disk). */
  readonly code: CodeCache = { entries: new Map() };

  /** `scan`: false for a file outside every workspace folder (its open buffers are the run). */
  private rescanned = false;

  constructor(
    readonly root: string,
    private readonly scanFolder = true,
  ) {}

  /** Whether the folder is scanned (false: a file outside every workspace folder). */
  get scans(): boolean {
    return this.scanFolder;
  }

  /** Forget the directory scan (new or deleted files); parsed files stay cached by mtime. */
  rescan(): void {
    this.scan = undefined;
    this.rescanned = true;
  }

  /** Whether rescan() was called since the last time this was asked (the lint thread keeps its own copy of the folder). */
  takeRescan(): boolean {
    const r = this.rescanned;
    this.rescanned = false;
    return r;
  }

  /**
   * The run's sources (display paths relative to the root) and the display paths of the open
   * buffers. `skip(display)` leaves a file out (a configuration's `ignore`).
   */
  sources(buffers: Buffer[], skip: (display: string) => boolean): { sources: Source[]; open: Set<string> } {
    if (!this.scan) {
      if (!this.scanFolder) this.scan = [];
      else
        try {
          this.scan = expandPaths([this.root], this.root);
        } catch {
          this.scan = []; // an unreadable folder: lint the open buffers alone
        }
    }
    const byPath = new Map(buffers.map((b) => [b.path, b]));
    const sources: Source[] = [];
    const open = new Set<string>();
    const seen = new Set<string>();
    for (const e of this.scan) {
      seen.add(e.abs);
      const buffer = byPath.get(e.abs);
      if (skip(e.display)) continue;
      if (buffer) {
        open.add(e.display);
        sources.push(fromBuffer(e.display, buffer.text));
        continue;
      }
      const s = this.fromDisk(e);
      if (s) sources.push(s);
    }
    for (const b of buffers) {
      if (seen.has(b.path)) continue;
      const display = displayPath(this.root, b.path);
      if (skip(display)) continue;
      open.add(display);
      sources.push(fromBuffer(display, b.text));
    }
    return { sources, open };
  }

  private fromDisk(e: FileEntry): Source | undefined {
    let st;
    try {
      st = statSync(e.abs);
    } catch {
      this.parsed.delete(e.abs);
      return undefined; // deleted since the scan
    }
    const hit = this.parsed.get(e.abs);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.source;
    let source: Source;
    try {
      const bytes = readBytes(e);
      if (!(bytes instanceof Uint8Array)) source = tooLarge(e.display, bytes.tooLarge);
      else {
        const { text, error } = decode(bytes);
        source = entrySource(e, text, error ? [error] : [], parseSource);
      }
    } catch {
      return undefined; // unreadable: the CLI would stop; the editor lints the rest
    }
    this.parsed.set(e.abs, { mtimeMs: st.mtimeMs, size: st.size, source });
    return source;
  }
}

/** A buffer's text as a Source; a BOM becomes a space, as decode() does for files on disk. */
function fromBuffer(display: string, text: string): Source {
  if (text.length > MAX_FILE_BYTES) return tooLarge(display, text.length);
  return parseSource(display, text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
}
