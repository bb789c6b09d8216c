import { MAX_XML_DEPTH, decodeXmlText } from '../common/xml.ts';

/**
 * A lean reader for the XML that status feeds are made of, giving read-feed.ts the same view of a
 * document that fast-xml-parser gives it with the options in common/xml.ts, 14× faster (measured
 * on the 373 GitHub history.atom versions, 43 KB on average: fast-xml-parser and its structure
 * pre-scan 1.06 ms per document, this reader 0.075 ms). It checks structure as it reads, more strictly than
 * `checkXml`'s pre-scan (common/xml.ts): every element closed by its own name, one root, nesting
 * within MAX_XML_DEPTH; a document it accepts is one the pre-scan accepts. The caller runs
 * `checkXmlPrologue` first (JSON, entity declarations).
 *
 * It models fast-xml-parser's tree exactly for documents made of elements with `name="value"`
 * attributes, text, CDATA sections, comments and processing instructions:
 * - names lose their namespace prefix (`content:encoded` → `encoded`); attributes named `xmlns` or
 *   `xmlns:*` are dropped; attribute values are trimmed;
 * - `\r\n` and a lone `\r` read as `\n` (the parser rewrites them before reading);
 * - an element's text is its runs of character data, each trimmed, joined without a separator; a
 *   run ends at a tag, a CDATA section or a processing instruction, but not at a comment
 *   (`a <!-- c --> b` is one run, "a  b"); CDATA sections are kept apart, untrimmed;
 * - entities are left as written: readers decode them once (common/xml.ts `xmlText`).
 * Anything else (a DOCTYPE, a tag written another way, an unclosed quote in a processing
 * instruction, a name JavaScript objects reserve, markup that is not well formed) makes it return undefined, and the caller reads that
 * document with fast-xml-parser instead, so such a document reads exactly as before. The
 * equivalence is tested against fast-xml-parser on every capture and on generated documents
 * (test/unit/core/feeds/feed/lean-xml.test.ts).
 */

/** One element. Offsets let a caller find the element's own markup (the entry cache keys on it). */
export interface XmlNode {
  /** Name without its namespace prefix. */
  readonly name: string;
  /** Attributes by name (prefix stripped), values trimmed, entities not decoded; undefined when none. */
  attrs: Map<string, string> | undefined;
  /** Character data directly inside, each run trimmed, runs joined; entities not decoded. */
  text: string;
  /** CDATA sections directly inside, in order, as written. */
  cdata: string[] | undefined;
  children: XmlNode[];
  /** Offset of the element's `<` in the document. */
  readonly start: number;
  /** Offset just past the element's closing `>`. */
  end: number;
}

/** Names fast-xml-parser refuses or renames (prototype pollution guards): left to it. */
const RESERVED = new Set([
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf',
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

function isReserved(name: string): boolean {
  // Every reserved name has 7 or more characters; most element names do not.
  return name.length >= 7 && RESERVED.has(name);
}

/** ASCII space, tab, LF, CR: the only separators this reader accepts inside a tag. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** `[A-Za-z_]`. */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** `[A-Za-z0-9_.-]`. */
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/**
 * End of a name `[A-Za-z_][A-Za-z0-9_.-]*`, optionally prefixed (`content:encoded`), starting at
 * `at`; -1 when there is none. Scanned by hand: a regular expression per tag cost ~0.4 µs.
 */
function nameEnd(doc: string, at: number): number {
  if (!isNameStart(doc.charCodeAt(at))) return -1;
  let i = at + 1;
  while (isNameChar(doc.charCodeAt(i))) i++;
  if (doc.charCodeAt(i) !== 58 /* : */) return i;
  if (!isNameStart(doc.charCodeAt(i + 1))) return -1;
  i += 2;
  while (isNameChar(doc.charCodeAt(i))) i++;
  return i;
}

function skipSpaces(doc: string, at: number): number {
  let i = at;
  while (isSpace(doc.charCodeAt(i))) i++;
  return i;
}

/** `\r\n` and lone `\r` → `\n`, as fast-xml-parser rewrites the whole document first. */
function newlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Whether every quote opened in `[from, to)` closes before `to`. fast-xml-parser skips quoted
 * values when it looks for the `?>` ending a processing instruction (`<?xml version="1.0"?>`) and
 * the structure pre-scan does not; when the quotes close, both find the same end.
 */
function quotesClosed(doc: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = doc.charCodeAt(i);
    if (c !== 34 && c !== 39) continue;
    i = doc.indexOf(doc[i] ?? '', i + 1);
    if (i === -1 || i >= to) return false;
  }
  return true;
}

/** Without the namespace prefix: fast-xml-parser keeps what follows the first colon. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * The root element of a well-formed document, or undefined when the document is not well formed
 * or uses something this reader does not model: the caller then reads it with `parseXml`, which
 * gives the same tree or the precise error.
 */
export function leanXmlTree(doc: string): XmlNode | undefined {
  const open: { node: XmlNode; raw: string }[] = [];
  let current: XmlNode | undefined;
  let root: XmlNode | undefined;
  /** Character data since the last tag, CDATA section or processing instruction. */
  let run = '';
  const flush = (): void => {
    if (run === '') return;
    const piece = newlines(run).trim();
    run = '';
    if (current && piece !== '') current.text += piece;
  };
  let pos = 0;
  for (;;) {
    const lt = doc.indexOf('<', pos);
    const textEnd = lt === -1 ? doc.length : lt;
    if (textEnd > pos) run += doc.slice(pos, textEnd);
    if (lt === -1) break;
    const c1 = doc.charCodeAt(lt + 1);
    if (c1 === 33 /* ! */) {
      if (doc.startsWith('<!--', lt)) {
        const end = doc.indexOf('-->', lt + 4);
        if (end === -1) return undefined;
        pos = end + 3;
        continue;
      }
      if (!doc.startsWith('<![CDATA[', lt)) return undefined;
      const end = doc.indexOf(']]>', lt + 9);
      if (end === -1) return undefined;
      flush();
      if (current) (current.cdata ??= []).push(newlines(doc.slice(lt + 9, end)));
      pos = end + 3;
      continue;
    }
    if (c1 === 63 /* ? */) {
      // `<?>` ends at its own `?` for the parser but not for the pre-scan: left to the parser.
      const end = doc.charCodeAt(lt + 2) === 62 ? -1 : doc.indexOf('?>', lt + 2);
      if (end === -1 || !quotesClosed(doc, lt + 2, end)) return undefined;
      flush();
      pos = end + 2;
      continue;
    }
    if (c1 === 47 /* / */) {
      const top = open.pop();
      const nameAt = nameEnd(doc, lt + 2);
      const end = skipSpaces(doc, nameAt);
      if (!top || nameAt === -1 || doc.charCodeAt(end) !== 62 /* > */ || doc.slice(lt + 2, nameAt) !== top.raw) return undefined;
      flush();
      top.node.end = end + 1;
      current = open.at(-1)?.node;
      pos = end + 1;
      continue;
    }
    const rawEnd = nameEnd(doc, lt + 1);
    if (rawEnd === -1) return undefined;
    const raw = doc.slice(lt + 1, rawEnd);
    const name = localName(raw);
    if (isReserved(name)) return undefined;
    let at = rawEnd;
    let attrs: Map<string, string> | undefined;
    for (;;) {
      const next = skipSpaces(doc, at);
      const attrEnd = next > at ? nameEnd(doc, next) : -1;
      if (attrEnd === -1) {
        at = next;
        break;
      }
      const eq = skipSpaces(doc, attrEnd);
      if (doc.charCodeAt(eq) !== 61 /* = */) return undefined;
      const open1 = skipSpaces(doc, eq + 1);
      const quote = doc.charCodeAt(open1);
      if (quote !== 34 && quote !== 39) return undefined;
      const close1 = doc.indexOf(quote === 34 ? '"' : "'", open1 + 1);
      if (close1 === -1) return undefined;
      at = close1 + 1;
      // fast-xml-parser drops `xmlns` and `xmlns:*`, and keeps what follows a prefix.
      const key = localName(doc.slice(next, attrEnd));
      if (doc.startsWith('xmlns', next) && (attrEnd === next + 5 || doc.charCodeAt(next + 5) === 58)) continue;
      if (isReserved(key)) return undefined;
      (attrs ??= new Map()).set(key, newlines(doc.slice(open1 + 1, close1)).trim());
    }
    const selfClosing = doc.charCodeAt(at) === 47 /* / */;
    const tagEnd = selfClosing ? at + 1 : at;
    if (doc.charCodeAt(tagEnd) !== 62 /* > */) return undefined;
    flush();
    const node: XmlNode = { name, attrs, text: '', cdata: undefined, children: [], start: lt, end: tagEnd + 1 };
    if (current) current.children.push(node);
    else if (root) return undefined;
    else root = node;
    if (!selfClosing) {
      if (open.length === MAX_XML_DEPTH) return undefined;
      open.push({ node, raw });
      current = node;
    }
    pos = tagEnd + 1;
  }
  return open.length === 0 ? root : undefined;
}

/** The first child element of that name. */
export function nodeChild(el: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!el) return undefined;
  for (const child of el.children) if (child.name === name) return child;
  return undefined;
}

/** Child elements of that name, in document order. */
export function nodeChildren(el: XmlNode | undefined, name: string): XmlNode[] {
  return el ? el.children.filter((child) => child.name === name) : [];
}

/**
 * Text of an element as `xmlText` (common/xml.ts) reads fast-xml-parser's value for it: its
 * character data with entities decoded once, then its CDATA sections verbatim, trimmed; empty or
 * absent → undefined.
 */
export function nodeText(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  let out = decodeXmlText(node.text);
  if (node.cdata) for (const part of node.cdata) out += part;
  const trimmed = out.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** An attribute's value, entities decoded (as `xmlAttr`). */
export function nodeAttr(node: XmlNode | undefined, name: string): string | undefined {
  const raw = node?.attrs?.get(name);
  return raw === undefined ? undefined : decodeXmlText(raw);
}
