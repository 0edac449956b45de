// Turning command-line paths into inputs: files as given, directories searched recursively
// for the trigger file names the formats know, and for *.yml / *.yaml files a format adapter
// detects by content, as it would when the file is named (content-detect.ts: such a file's parsed
// Source rides on its entry, so it is parsed once), skipping
// node_modules and .git. A symlink is followed when its target stays inside the project root
// (containment.ts), and a named symlink that leads outside it is refused; a file reached twice (a
// link and its target) is linted once. JSON templates (CDK's *.template.json, or a CloudFormation
// or ROS version key in the first kilobyte) and Terraform (*.tf, terraform.tfvars, *.auto.tfvars)
// are found too; .terraform (downloaded modules) is skipped.
import { readdirSync, readFileSync, realpathSync, statSync, lstatSync } from 'node:fs';
import { join, relative, sep, isAbsolute } from 'node:path';
import { UsageError } from '../source/errors.js';
import { TRIGGER_FILE_NAMES } from '../formats/index.js';
import { isJsonTemplateFile, triggerSourceByContent } from './content-detect.js';
import { isInside, projectRoot } from '../source/containment.js';
import type { Source, SyntaxDiagnostic } from '../source/source.js';
import { isTerraformInput } from '../formats/terraform/paths.js';

export interface FileEntry {
  /** Path as shown in reports: relative to cwd, with "/" separators. */
  display: string;
  /** Path on disk. */
  abs: string;
  /** True when the user named the file (an unrecognised named file is exit 2). */
  named: boolean;
  /** A YAML file the scan detected by content: its text as parsed then (see entrySource). */
  parsed?: Source;
}

const SKIP = new Set(['node_modules', '.git', '.terraform']);

export function displayPath(cwd: string, p: string): string {
  const rel = isAbsolute(p) ? relative(cwd, p) : p;
  return (rel === '' ? '.' : rel).split(sep).join('/').replace(/^\.\//, '');
}

/**
 * The files to lint for `paths`: named files as given, directories searched. A named file that is a
 * symlink whose target lies outside the project root (`rootOverride`, else the nearest folder with
 * `.git`) is refused: a committed link must not make the run read and quote a file outside it.
 */
export function expandPaths(
  paths: string[],
  cwd: string,
  names: string[] = TRIGGER_FILE_NAMES,
  rootOverride?: string,
): FileEntry[] {
  const out: FileEntry[] = [];
  const seen = new Set<string>();
  const wanted = new Set(names);
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : join(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (!st.isDirectory() && !st.isFile()) {
      // a FIFO would block forever and /dev/zero never ends: only regular files are read
      throw new UsageError(
        `${p}: not a regular file (${kindOf(st)}); trigger-lint reads regular files and directories only; save the input to a file, or pipe it to "trigger-lint -"`,
      );
    }
    if (st.isDirectory()) {
      const found: Found[] = [];
      const root = projectRoot([abs], cwd, rootOverride);
      walk(abs, { wanted, root, dirs: new Set([realOf(abs)]) }, found);
      for (const f of found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
        add(f.path, false, f.parsed);
    } else {
      if (lstatSync(abs).isSymbolicLink() && !isInside(projectRoot([abs], cwd, rootOverride), abs))
        throw new UsageError(
          `${p}: a symbolic link to a file outside the project root; not read — lint the file where it lies, or pass --root`,
        );
      add(abs, true);
    }
  }
  return out;

  function add(abs: string, named: boolean, parsed?: Source) {
    const real = realOf(abs);
    if (seen.has(real)) return;
    seen.add(real);
    out.push({ abs, display: displayPath(cwd, abs), named, ...(parsed ? { parsed } : {}) });
  }
}

function kindOf(st: import('node:fs').Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

interface Walk {
  wanted: Set<string>;
  /** Real path of the project root: symlinks are followed only to targets inside it. */
  root: string;
  /** Real paths of the folders entered, so a symlinked folder is searched once (no cycles). */
  dirs: Set<string>;
}

/** A file a scan found, with its Source when finding it meant parsing it. */
interface Found {
  path: string;
  parsed?: Source;
}

function walk(dir: string, w: Walk, out: Found[]) {
  let list;
  try {
    list = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`${dir}: cannot read directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  for (const d of list) {
    const path = join(dir, d.name);
    let isDir = d.isDirectory();
    let isFile = d.isFile();
    if (d.isSymbolicLink()) {
      const target = linkTarget(path, w.root);
      if (!target) continue;
      isDir = target.isDir;
      isFile = !isDir;
    }
    if (isDir) {
      if (SKIP.has(d.name)) continue;
      const real = realOf(path);
      if (w.dirs.has(real)) continue;
      w.dirs.add(real);
      walk(path, w, out);
    } else if (isFile) {
      const found = candidate(d.name, path, w.wanted);
      if (found) out.push(found);
    }
  }
}

/** A symlink's target when it exists and lies inside the project root (else undefined: not followed). */
function linkTarget(path: string, root: string): { isDir: boolean } | undefined {
  try {
    const real = realpathSync(path);
    if (!isInside(root, real)) return undefined;
    const st = statSync(real);
    return st.isDirectory() ? { isDir: true } : st.isFile() ? { isDir: false } : undefined;
  } catch {
    return undefined; // a dangling link
  }
}

function realOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Files larger than this are not read: a trigger file is kilobytes, and parsing a 100 MB YAML
 * file with node ranges would take minutes and gigabytes. Such a file gets a `syntax` finding.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** The file's bytes, or its size when it is over MAX_FILE_BYTES (then it is not read). */
export function readBytes(entry: FileEntry): Uint8Array | { tooLarge: number } {
  try {
    const size = statSync(entry.abs).size;
    if (size > MAX_FILE_BYTES) return { tooLarge: size };
    return readFileSync(entry.abs);
  } catch (e) {
    throw new UsageError(`${entry.display}: cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** A file a directory scan lints: a known name, Terraform, a YAML file a format detects by content, or a JSON template. */
function candidate(name: string, path: string, wanted: Set<string>): Found | undefined {
  if (wanted.has(name) || isTerraformInput(name)) return { path };
  if (/\.template\.json$/i.test(name) || (/\.json$/i.test(name) && isJsonTemplateFile(path))) return { path };
  // JSON as YAML: a template is found wherever its keys are (a version key after a long Description too)
  if (/\.(ya?ml|json)$/i.test(name)) {
    const found = triggerSourceByContent(path, MAX_FILE_BYTES);
    return found ? { path, ...found } : undefined;
  }
  return undefined;
}

/**
 * The Source of an entry whose file now reads `text`: the one the scan parsed when the text is
 * still the same (it is taken: the entry does not keep it), else `parse` of the text.
 */
export function entrySource(
  entry: FileEntry,
  text: string,
  extra: SyntaxDiagnostic[],
  parse: (path: string, text: string, extra: SyntaxDiagnostic[]) => Source,
): Source {
  const parsed = entry.parsed;
  delete entry.parsed;
  if (parsed && !extra.length && parsed.text === text) return { ...parsed, path: entry.display };
  return parse(entry.display, text, extra);
}
