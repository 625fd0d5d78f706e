/**
 * Reading XML that may be hostile, and writing XML that is always well-formed.
 *
 * Reading follows the OWASP XXE prevention advice for parsers that cannot be trusted to switch features
 * off: a file over the size limit is refused from its `stat` before a byte is read (and the read stops at
 * the limit, for pipes and growing files); a DOCTYPE that declares entities or names an external DTD is
 * refused before parsing, which rules out external entities (XXE) and entity-expansion bombs ("billion
 * laughs") alike; a text run longer than the text limit is refused before it becomes a JS string of its
 * own. fast-xml-parser then runs with entity processing off, and only the five predefined entities and
 * numeric character references are decoded, by `decodeXmlText`, which cannot expand anything.
 * Every refusal is an InputError (exit 2) naming the file and, where there is one, the line.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';

export const XML_DEFAULTS = {
  /** Largest file read, in bytes. 25,000 applications with 40,000 exchanges and a view per agency export to about 85 MB. */
  maxBytes: 256 * 1024 * 1024,
  /** Longest text between two tags, in characters: no name, documentation or property value is this long. */
  maxTextLength: 4 * 1024 * 1024,
};

export interface XmlLimits {
  maxBytes?: number;
  maxTextLength?: number;
}

/** Limits from the options, else the environment (SILOSCOPE_XML_MAX_BYTES, SILOSCOPE_XML_MAX_TEXT), else the defaults. */
export function resolveLimits(limits: XmlLimits = {}): Required<XmlLimits> {
  return {
    maxBytes: limits.maxBytes ?? envNumber('SILOSCOPE_XML_MAX_BYTES') ?? XML_DEFAULTS.maxBytes,
    maxTextLength: limits.maxTextLength ?? envNumber('SILOSCOPE_XML_MAX_TEXT') ?? XML_DEFAULTS.maxTextLength,
  };
}

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`;
}

/** A file's size for a refusal: exact bytes too, since a file just over a round limit rounds to the limit. */
function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${mib(bytes)} (${bytes} bytes)` : mib(bytes);
}

/**
 * The bytes of a file, refused when it is larger than `maxBytes`: first by its size on disk, before
 * reading, then while reading, so a FIFO or a file that grows cannot get past the limit either.
 */
export async function readLimited(path: string, maxBytes: number, label: string = basename(path)): Promise<Buffer> {
  const tooLarge = (size: string): InputError =>
    new InputError({
      level: 'error',
      file: label,
      message: `the file is ${size}, over the ${mib(maxBytes)} limit for this format; it was not read.`,
      fix: 'check that this is the right file; to read a larger model on purpose, raise the limit with SILOSCOPE_XML_MAX_BYTES (bytes)',
    });
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isFile() && info.size > maxBytes) throw tooLarge(fileSize(info.size));
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = 1024 * 1024;
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkSize);
      const { bytesRead } = await handle.read(chunk, 0, chunkSize, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(`more than ${mib(maxBytes)}`);
      chunks.push(bytesRead === chunkSize ? chunk : chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** 1-based line of a character offset, by binary search over the line starts (built once per document). */
export class LineIndex {
  private readonly starts: Uint32Array;

  constructor(text: string) {
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    this.starts = new Uint32Array(count);
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts[line++] = i + 1;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

const DOCTYPE = /<!DOCTYPE/i;
const ENTITY_DECLARATION = /<!ENTITY/i;
const EXTERNAL_ID = /^<!DOCTYPE\s+[^\s[>]+\s+(?:SYSTEM|PUBLIC)\b/i;

/**
 * Refuses DTD features that make XML dangerous: entity declarations (expansion bombs, external
 * entities) and an external DTD subset. Only the prolog is searched — a DOCTYPE cannot come after the
 * root element — so this costs nothing on a large file.
 */
export function refuseDangerousDtd(text: string, label: string, lines: LineIndex): void {
  const root = firstElementStart(text);
  const prolog = text.slice(0, root < 0 ? text.length : root);
  const doctypeAt = prolog.search(DOCTYPE);
  if (doctypeAt < 0) return;
  const doctype = prolog.slice(doctypeAt);
  const entityAt = doctype.search(ENTITY_DECLARATION);
  if (entityAt >= 0) {
    throw new InputError({
      level: 'error',
      file: `${label}:${lines.lineOf(doctypeAt + entityAt)}`,
      message: 'the file declares XML entities in its DOCTYPE; entity declarations are refused because they can read local files (external entities) or expand without bound ("billion laughs").',
      fix: 'export the model again from the modelling tool: ArchiMate exchange files never need a DOCTYPE',
    });
  }
  if (EXTERNAL_ID.test(doctype)) {
    throw new InputError({
      level: 'error',
      file: `${label}:${lines.lineOf(doctypeAt)}`,
      message: 'the file names an external DTD in its DOCTYPE; external DTDs are never fetched or read.',
      fix: 'remove the DOCTYPE line: ArchiMate exchange files are validated by their XML Schema, not a DTD',
    });
  }
}

/** Offset of the first element start tag (`<` followed by a name character), or -1. */
function firstElementStart(text: string): number {
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next !== 0x3f /* ? */ && next !== 0x21 /* ! */) return i;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end;
    } else if (next === 0x21 && /^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      // Skip the DOCTYPE with its internal subset, which may contain `<` of its own.
      const subset = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      if (subset >= 0 && subset < close) {
        const subsetEnd = text.indexOf(']', subset);
        if (subsetEnd < 0) return -1;
        i = text.indexOf('>', subsetEnd);
      } else i = close;
      if (i < 0) return -1;
    }
  }
  return -1;
}

/** Refuses a run of text between tags longer than `maxTextLength`, naming the line where it starts. */
export function refuseHugeText(text: string, label: string, maxTextLength: number, lines: LineIndex): void {
  if (text.length <= maxTextLength) return;
  let last = 0;
  for (let i = text.indexOf('<'); ; i = text.indexOf('<', i + 1)) {
    const end = i < 0 ? text.length : i;
    if (end - last > maxTextLength) {
      throw new InputError({
        level: 'error',
        file: `${label}:${lines.lineOf(last)}`,
        message: `a text node of ${end - last} characters starts here, over the limit of ${maxTextLength} for one value; the file was not parsed.`,
        fix: 'check that this is an ArchiMate model and not a file with embedded data; raise the limit with SILOSCOPE_XML_MAX_TEXT (characters) if the long text is intended',
      });
    }
    if (i < 0) return;
    last = text.indexOf('>', i) + 1;
    if (last === 0) return;
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9._-]*));/g;

/**
 * Text and attribute values as the XML says them: the five predefined entities and numeric character
 * references decoded, any other `&name;` left as written (the parser expands nothing).
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return PREDEFINED[name] ?? whole;
    const code = Number.parseInt(hex ?? dec!, hex !== undefined ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export type XmlNode = Record<string, unknown>;

export interface ParsedXml {
  root: XmlNode;
  rootName: string;
  /** The root start tag as written, for namespace checks (prefixes are removed from names in `root`). */
  rootTag: string;
  lines: LineIndex;
  /** Character offset where a parsed node starts, when known. */
  offsetOf(node: XmlNode): number | undefined;
}

type FastXmlParser = typeof import('fast-xml-parser');
let fastXmlParser: FastXmlParser | undefined;

/** fast-xml-parser, loaded (its CommonJS build, for this synchronous parser) when the first XML file is read, not at start-up. */
function fastXml(): FastXmlParser {
  return (fastXmlParser ??= createRequire(import.meta.url)('fast-xml-parser') as FastXmlParser);
}

/**
 * Bytes → parsed XML, after the size, DTD and text-length guards. `arrays` names the elements that may
 * repeat, so they always come back as arrays.
 */
export function parseXmlSafely(buffer: Buffer, label: string, limits: Required<XmlLimits>, arrays: ReadonlySet<string>): ParsedXml {
  if (buffer.length > limits.maxBytes) {
    throw new InputError({ level: 'error', file: label, message: `the file is ${fileSize(buffer.length)}, over the ${mib(limits.maxBytes)} limit.`, fix: 'raise SILOSCOPE_XML_MAX_BYTES if this is intended' });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw new InputError({ level: 'error', file: label, message: 'the file is not UTF-8 text.', fix: 'export the model again as UTF-8 XML' });
  }
  const lines = new LineIndex(text);
  refuseDangerousDtd(text, label, lines);
  refuseHugeText(text, label, limits.maxTextLength, lines);
  const { XMLParser, XMLValidator } = fastXml();
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (verdict !== true) {
    throw new InputError({
      level: 'error',
      file: `${label}:${verdict.err.line}`,
      message: `the file is not well-formed XML: ${verdict.err.msg} (column ${verdict.err.col}).`,
      fix: 'open the file in an XML editor or export the model again',
    });
  }
  const parser = new XMLParser({
    processEntities: false,
    htmlEntities: false,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    maxNestedTags: 200,
    isArray: (name) => arrays.has(name),
  });
  const document = parser.parse(text) as XmlNode;
  const rootName = Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  // An empty root (`<model/>`) parses to a string; it is still a root element, just without content.
  const value = rootName === undefined ? undefined : document[rootName];
  const root = typeof value === 'string' ? {} : value;
  if (rootName === undefined || typeof root !== 'object' || root === null) {
    throw new InputError({ level: 'error', file: label, message: 'the file has no root element.', fix: 'pass an ArchiMate Open Exchange Format (.xml) file' });
  }
  const meta = XMLParser.getMetaDataSymbol() as unknown as symbol;
  const rootStart = firstElementStart(text);
  const rootTag = rootStart < 0 ? '' : text.slice(rootStart, text.indexOf('>', rootStart) + 1);
  return {
    root: root as XmlNode,
    rootName,
    rootTag,
    lines,
    offsetOf: (node) => (node as Record<symbol, { startIndex?: number } | undefined>)[meta]?.startIndex,
  };
}

/** Child nodes named `name` (always an array thanks to `arrays`, but tolerant of a lone value). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'object' && item !== null ? (item as XmlNode) : { '#text': String(item) }));
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? decodeXmlText(value) : undefined;
}

/** The text content of a node (CDATA included), decoded; `undefined` when empty. */
export function textOf(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const raw = node['#text'];
  const text = typeof raw === 'string' ? decodeXmlText(raw) : typeof raw === 'number' ? String(raw) : '';
  return text === '' ? undefined : text;
}

/**
 * The text of the first of a repeated language-tagged element (`name`, `documentation`, `value`), or of
 * the one in `lang` when there are several.
 */
export function langText(node: XmlNode | undefined, name: string, lang?: string): string | undefined {
  const list = children(node, name);
  if (list.length === 0) return undefined;
  const preferred = lang === undefined ? undefined : list.find((item) => attribute(item, 'lang') === lang);
  return textOf(preferred ?? list[0]);
}

// ───────────────────────────── writing ─────────────────────────────

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Anything `escapeXml` would change; most names and ids have none, and skip both replacements. */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Start tag with attributes (undefined ones left out). */
export function startTag(name: string, attributes: Record<string, string | number | boolean | undefined>, selfClosing = false): string {
  let tag = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) tag += ` ${key}="${escapeXml(String(value))}"`;
  }
  return `${tag}${selfClosing ? ' />' : '>'}`;
}

export function textElement(name: string, text: string, attributes: Record<string, string | undefined> = {}): string {
  return `${startTag(name, attributes)}${escapeXml(text)}</${name}>`;
}
