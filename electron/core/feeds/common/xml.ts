import { XMLParser } from 'fast-xml-parser';
import { decodeXML } from 'entities';
import type { FeedError } from '../../../../shared/model/index.ts';

/**
 * Safe XML reading for feeds. Feeds come from hosts we do not control, so the parser is fenced:
 * SECURITY — do not relax without a test for each guard below.
 * - Entity declarations (`<!ENTITY` in the prolog) are refused outright: that is how
 *   billion-laughs and external-entity attacks start, and no real status feed declares entities.
 * - The parser never expands entities (`processEntities: false`); we decode the five XML entities
 *   and numeric references ourselves with `entities`, once, after parsing.
 * - Nesting is capped at MAX_XML_DEPTH; real feeds nest under 10 levels.
 * - A structural pre-scan refuses truncated or unbalanced XML, which the parser alone accepts.
 */

/** Real Atom/RSS nests under 10 levels; anything near this is hostile or broken. */
export const MAX_XML_DEPTH = 64;

/** A parsed element: child elements by name, attributes as `@_name`, text as `#text`/`#cdata`. */
export type XmlElement = Record<string, unknown>;

const ARRAY_TAGS = new Set(['entry', 'item', 'link', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  cdataPropName: '#cdata',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_XML_DEPTH,
  isArray: (name) => ARRAY_TAGS.has(name),
});

/**
 * Parse feed XML text into a tree of plain objects, or say precisely why not. Never throws.
 * The root element name is returned so callers can tell Atom from RSS from "some other XML".
 */
export function parseXml(text: string): { ok: true; rootName: string; root: XmlElement } | { ok: false; error: FeedError } {
  const checked = checkXml(text);
  if (!checked.ok) return checked;
  let parsed: unknown;
  try {
    parsed = parser.parse(checked.xml);
  } catch (err) {
    return { ok: false, error: { kind: 'malformed', message: `The XML could not be parsed: ${err instanceof Error ? err.message : String(err)}` } };
  }
  const doc = asElement(parsed);
  const rootName = doc ? Object.keys(doc).find((k) => !k.startsWith('#') && !k.startsWith('@_')) : undefined;
  const root = rootName && doc ? asElement(doc[rootName]) ?? {} : undefined;
  if (!rootName || !root) return { ok: false, error: { kind: 'malformed', message: 'The XML has no root element.' } };
  return { ok: true, rootName, root };
}

/**
 * Every guard `parseXml` applies before parsing (JSON or text instead of XML, entity
 * declarations, nesting depth, truncated or unbalanced markup), without parsing: the document as
 * the parser would read it (leading whitespace dropped), or the error `parseXml` would give.
 */
export function checkXml(text: string): { ok: true; xml: string } | { ok: false; error: FeedError } {
  const prologue = checkXmlPrologue(text);
  if (!prologue.ok) return prologue;
  const structure = scanStructure(prologue.xml);
  if (structure.maxDepth > MAX_XML_DEPTH) {
    return { ok: false, error: { kind: 'malformed', message: `The XML nests deeper than ${MAX_XML_DEPTH} levels.` } };
  }
  if (!structure.balanced) {
    return { ok: false, error: { kind: 'malformed', message: 'The XML is truncated or unbalanced: an element, tag, comment or CDATA section is left open, or closed out of order.' } };
  }
  return prologue;
}

/**
 * The guards of `checkXml` that look only at the start of the document: JSON or text instead of
 * XML, and entity declarations. A reader that checks structure as it goes (feed/xml-tree.ts,
 * stricter than the structure pre-scan) needs only these; a document it does not accept goes
 * through `parseXml` and all of its guards.
 */
export function checkXmlPrologue(text: string): { ok: true; xml: string } | { ok: false; error: FeedError } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return { ok: false, error: { kind: 'wrong_format', message: 'Expected an XML feed but the body is JSON.' } };
  }
  if (!trimmed.startsWith('<')) {
    return { ok: false, error: { kind: 'wrong_format', message: `Expected an XML feed but the body starts with "${trimmed.slice(0, 20)}".` } };
  }
  const rootAt = trimmed.search(/<[A-Za-z_]/);
  const prolog = rootAt === -1 ? trimmed : trimmed.slice(0, rootAt);
  if (/<!ENTITY/i.test(prolog)) {
    return { ok: false, error: { kind: 'malformed', message: 'The XML declares entities; refused (entity-expansion attack or broken feed).' } };
  }
  return { ok: true, xml: trimmed };
}

/**
 * One linear pass over the markup: the deepest element nesting, and whether every element that
 * opened also closed. Runs before the parser so a 10,000-level bomb is refused without building
 * anything, and so a truncated document (the parser alone happily accepts one) is caught: a cut
 * anywhere leaves an element, a tag, a comment or a CDATA section open. Close tags must match
 * their open tag and there must be one root (the parser itself accepts both mistakes). Quoted
 * attribute values may hold `>` and are skipped as such.
 */
function scanStructure(text: string): { maxDepth: number; balanced: boolean } {
  let depth = 0;
  let max = 0;
  const open: string[] = [];
  let roots = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    const next = text.charCodeAt(i + 1);
    let end: number;
    if (next === 33 /* ! */) {
      if (text.startsWith('<![CDATA[', i)) end = text.indexOf(']]>', i + 9) + 2;
      else if (text.startsWith('<!--', i)) end = text.indexOf('-->', i + 4) + 2;
      else end = declarationEnd(text, i);
      if (end < 2) return { maxDepth: max, balanced: false };
    } else if (next === 63 /* ? */) {
      end = text.indexOf('?>', i + 2) + 1;
      if (end < 1) return { maxDepth: max, balanced: false };
    } else {
      end = tagEnd(text, i + 1);
      if (end === -1) return { maxDepth: max, balanced: false };
      if (next === 47 /* / */) {
        depth--;
        if (open.pop() !== tagName(text, i + 2)) return { maxDepth: max, balanced: false };
      } else {
        if (depth === 0 && ++roots > 1) return { maxDepth: max, balanced: false };
        if (text.charCodeAt(end - 1) === 47) {
          i = text.indexOf('<', end + 1);
          continue;
        }
        if (++depth > max) max = depth;
        if (depth > MAX_XML_DEPTH) return { maxDepth: max, balanced: false };
        open.push(tagName(text, i + 1));
      }
    }
    i = text.indexOf('<', end + 1);
  }
  return { maxDepth: max, balanced: depth === 0 };
}

/** The element name starting at `from` (up to whitespace, `/` or `>`). */
function tagName(text: string, from: number): string {
  let j = from;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13) break;
  }
  return text.slice(from, j);
}

/** Index of the `>` closing a tag that starts before `from`, skipping quoted values; -1 if none. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62 /* > */) return j;
  }
  return -1;
}

/** End of `<!DOCTYPE … [ … ]>`, whose internal subset holds its own `>`s; -1 if unterminated. */
function declarationEnd(text: string, from: number): number {
  let bracket = 0;
  for (let j = from + 2; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 91 /* [ */) bracket++;
    else if (c === 93 /* ] */) bracket--;
    else if (c === 62 && bracket <= 0) return j;
  }
  return -1;
}

/** An element object, or undefined (text-only elements come back as strings). */
export function asElement(value: unknown): XmlElement | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlElement) : undefined;
}

/** Child elements of one name, always as an array. */
export function xmlChildren(el: XmlElement | undefined, name: string): unknown[] {
  const value = el?.[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first child of that name. */
export function xmlChild(el: XmlElement | undefined, name: string): unknown {
  return xmlChildren(el, name)[0];
}

/**
 * Text of an element with entities decoded exactly once; CDATA sections are taken verbatim (they
 * are already raw text). Empty or absent → undefined.
 */
export function xmlText(value: unknown): string | undefined {
  let out = '';
  if (typeof value === 'string') out = decodeXmlText(value);
  else {
    const el = asElement(value);
    if (!el) return undefined;
    for (const part of listOf(el['#text'])) if (typeof part === 'string') out += decodeXmlText(part);
    for (const part of listOf(el['#cdata'])) if (typeof part === 'string') out += part;
  }
  const trimmed = out.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** An attribute's value, entities decoded. */
export function xmlAttr(value: unknown, name: string): string | undefined {
  const raw = asElement(value)?.[`@_${name}`];
  return typeof raw === 'string' ? decodeXmlText(raw) : undefined;
}

/** An `&` that does not start one of the five predefined entities. */
const OTHER_AMPERSAND = /&(?!(?:lt|gt|amp|quot|apos);)/;

/**
 * The five XML entities and numeric references decoded, exactly once: `entities`' `decodeXML`,
 * with a fast path for text whose only references are the five predefined entities (every
 * escaped-HTML feed body: 0.19 ms per GitHub history.atom instead of 0.63 ms). Replacing `&amp;`
 * last decodes in one pass: no earlier replacement can create or consume an `&`.
 */
export function decodeXmlText(text: string): string {
  if (text.indexOf('&') === -1) return text;
  // `<` and `>` first: escaped HTML is made of them. That cannot change OTHER_AMPERSAND's verdict
  // on any `&` left: what follows it is unchanged, or is `<`/`>` where an `&` stood (a match both ways).
  const tags = text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  if (tags.indexOf('&') === -1) return tags;
  if (OTHER_AMPERSAND.test(tags)) return decodeXML(text);
  return tags.replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

function listOf(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
