// Source: a file's text parsed once with yaml@2, keeping node ranges. Parse errors, duplicate
// keys and unreadable bytes become `syntax` diagnostics with positions, never exceptions.
import { Composer, Parser, type Document } from 'yaml';
import { LineIndex } from './line-index.js';
import { rewriteYamlError } from './yaml-messages.js';
import { duplicateKeyOffsets } from './duplicate-keys.js';
import { aliasTargets } from './alias-targets.js';

export interface SyntaxDiagnostic {
  start: number;
  end: number;
  message: string;
}

export interface Source {
  path: string;
  /** The original text (what the user sees; findings and fixes refer to it). */
  text: string;
  /** The text actually parsed: `{{ param }}` placeholders replaced by same-length tokens. */
  parsedText: string;
  docs: Document.Parsed[];
  /** Line starts of `text`. */
  lineCounter: LineIndex;
  syntax: SyntaxDiagnostic[];
  /** Ranges of `{{ param }}` template placeholders (their values are unknown). */
  placeholders: { start: number; end: number }[];
}

const PLACEHOLDER = /\{\{[^{}\r\n]*\}\}/g;
/** Aliases a file may expand before it is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;

export function replacePlaceholders(text: string): { text: string; ranges: { start: number; end: number }[] } {
  const ranges: { start: number; end: number }[] = [];
  const out = text.replace(PLACEHOLDER, (m, offset: number) => {
    ranges.push({ start: offset, end: offset + m.length });
    return 'TLPH' + '_'.repeat(m.length - 4);
  });
  return { text: out, ranges };
}

/** The first NUL among the first 8 KiB (a native search: a loop here runs interpreted at start-up). */
function firstBinaryOffset(text: string): number {
  const i = text.indexOf('\u0000');
  return i >= 0 && i < 8192 ? i : -1;
}

/** Decode bytes as UTF-8; invalid sequences become a diagnostic rather than mojibake. */
export function decode(bytes: Uint8Array): { text: string; error?: SyntaxDiagnostic } {
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep offsets; a BOM is not content
    return { text };
  } catch {
    let valid = 0;
    // find the first invalid byte to point at
    for (let lo = 0, hi = bytes.length; lo < hi;) {
      const mid = (lo + hi + 1) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid));
        lo = mid;
        valid = mid;
      } catch {
        hi = mid - 1;
      }
    }
    const text = new TextDecoder('utf-8').decode(bytes.subarray(0, valid));
    return {
      text,
      error: {
        start: text.length,
        end: text.length,
        message: `file is not valid UTF-8 (invalid byte at offset ${valid}); save it as UTF-8`,
      },
    };
  }
}

/**
 * Line ends that are a carriage return alone (classic Mac OS): YAML 1.2 allows them, yet yaml@2
 * and the deploy tools read the file as one long line. One finding with the remedy; the file is
 * then read with each CR as a line break (same length, so every offset stays true).
 */
function crOnly(text: string): SyntaxDiagnostic | undefined {
  const cr = text.indexOf('\r');
  if (cr < 0 || text.includes('\n')) return undefined;
  return {
    start: cr,
    end: cr + 1,
    message:
      'lines end with a carriage return alone (CR, old Mac OS line ends): YAML tools and deploy tools read the file as one line; save it with LF (or CRLF) line ends',
  };
}

export function parseSource(path: string, text: string, extra: SyntaxDiagnostic[] = []): Source {
  const cr = crOnly(text);
  if (cr) {
    const source = parseSource(path, text.replace(/\r/g, '\n'), extra);
    return { ...source, text, syntax: [cr, ...source.syntax] };
  }
  // lines from the text itself: yaml's LineCounter is fed by its parser and misses line breaks
  // inside some broken scalars (a byte-order mark after a newline in a quoted scalar)
  const lineCounter = new LineIndex(text);
  const syntax: SyntaxDiagnostic[] = [...extra];
  const bin = firstBinaryOffset(text);
  if (bin >= 0) {
    syntax.push({
      start: bin,
      end: bin + 1,
      message: 'file contains a NUL byte: this is a binary file, not YAML; remove it from the inputs',
    });
    return { path, text, parsedText: text, docs: [], lineCounter, syntax, placeholders: [] };
  }
  // Terraform is HCL, read by its own format (src/formats/terraform/), never as YAML
  if (/\.tf$|(?:^|\/)terraform\.tfvars$|\.auto\.tfvars$/i.test(path))
    return { path, text, parsedText: text, docs: [], lineCounter, syntax, placeholders: [] };
  const { text: parsedText, ranges } = replacePlaceholders(text);
  let docs: Document.Parsed[] = [];
  // yaml's errors are Errors: each one captures a stack trace nobody reads, which was most of the
  // time of a broken file with thousands of errors (found by the fuzzer)
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // yaml's parseAllDocuments, with each node's CST token kept until the duplicate-key finder
    // (./duplicate-keys.ts) has read and removed it, instead of parsing the text a second time
    // (which doubled the cost of a large broken file with repeated keys: found by the fuzzer).
    // uniqueKeys: false — duplicate keys are found in linear time by ./duplicate-keys.ts
    const composer = new Composer({ uniqueKeys: false, keepSourceTokens: true });
    docs = [...composer.compose(new Parser().parse(parsedText))] as Document.Parsed[];
  } catch (e) {
    Error.stackTraceLimit = stackTraceLimit;
    const msg =
      e instanceof RangeError
        ? 'nesting is too deep to parse; flatten the document'
        : `cannot parse: ${(e as Error).message}`;
    syntax.push({ start: 0, end: Math.min(1, text.length), message: msg });
    return { path, text, parsedText, docs: [], lineCounter, syntax, placeholders: ranges };
  }
  Error.stackTraceLimit = stackTraceLimit;
  for (const doc of docs) {
    // once an error has derailed the parser, the raw "unexpected … token" errors after it in the
    // document are its consequences: they are folded into it ("and N later errors caused by it")
    let head: SyntaxDiagnostic | undefined;
    let folded = 0;
    const flush = () => {
      if (head && folded) head.message += ` (and ${folded} later error${folded === 1 ? '' : 's'} caused by it)`;
      folded = 0;
    };
    for (const err of withDuplicateKeys(doc.errors, duplicateKeyOffsets(doc))) {
      if (head && RAW_TOKEN_ERROR.test(err.message)) {
        folded++;
        continue;
      }
      // yaml may place an error one past the end of the text (an unclosed quote at EOF)
      const start = Math.min(err.pos[0], text.length);
      const end = Math.min(Math.max(err.pos[1], start), text.length);
      const d = {
        start,
        end,
        message: rewriteYamlError(
          err.code,
          err.message,
          text.slice(start, Math.min(start + 120, (text.indexOf('\n', start) + 1 || text.length + 1) - 1)),
          text[start - 1] ?? '',
        ),
      };
      syntax.push(d);
      if (err.code !== 'DUPLICATE_KEY') {
        flush();
        head = d;
      }
    }
    flush();
    if (parsedText.includes('*')) syntax.push(...undefinedAliases(doc));
  }
  syntax.sort((a, b) => a.start - b.start || a.end - b.end);
  return { path, text, parsedText, docs, lineCounter, syntax, placeholders: ranges };
}

/**
 * Aliases that name no anchor before them (`prefix: *nope`): yaml parses them without an error,
 * yet every deploy tool rejects the file (yaml's toJS throws "Aliased anchor not found").
 */
function undefinedAliases(doc: Document.Parsed): SyntaxDiagnostic[] {
  const out: SyntaxDiagnostic[] = [];
  for (const [alias, target] of aliasTargets(doc)) {
    if (target || !alias.range) continue;
    const name = alias.source;
    out.push({
      start: alias.range[0],
      end: alias.range[1],
      message: `alias "*${name}" names no anchor: no "&${name}" comes before it in this document; define the anchor above it, or if "*${name}" is text, quote it: '*${name}'`,
    });
  }
  return out;
}

interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

/** yaml's raw token errors (`Unexpected seq-item-ind token in YAML stream: "-"`): consequences of an earlier error. */
const RAW_TOKEN_ERROR = /^Unexpected [\w-]+ (?:token in YAML stream|at node end)/;

/** The document's errors with a DUPLICATE_KEY error (as yaml reports it) at each offset, in position order. */
function withDuplicateKeys(errors: readonly YamlError[], offsets: number[]): YamlError[] {
  if (!offsets.length) return errors as YamlError[];
  const out: YamlError[] = [];
  let k = 0;
  for (const e of errors) {
    while (k < offsets.length && offsets[k] < e.pos[0]) out.push(duplicateKey(offsets[k++]));
    out.push(e);
  }
  while (k < offsets.length) out.push(duplicateKey(offsets[k++]));
  return out;
}

const duplicateKey = (at: number): YamlError => ({
  code: 'DUPLICATE_KEY',
  message: 'Map keys must be unique',
  pos: [at, at + 1],
});

/** 1-based line and column of an offset. */
export function lineCol(source: Pick<Source, 'lineCounter'>, offset: number): { line: number; column: number } {
  const p = source.lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

export function isPlaceholder(source: Source, start: number, end: number): boolean {
  return source.placeholders.some((r) => r.start < end && start < r.end);
}
