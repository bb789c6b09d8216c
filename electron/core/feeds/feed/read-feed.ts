import type { FeedError, FeedWarning } from '../../../../shared/model/index.ts';
import { asElement, parseXml, xmlAttr, xmlChild, xmlChildren, xmlText } from '../common/xml.ts';
import type { XmlElement } from '../common/xml.ts';
import { isoToUtc, rfc822ToUtc, writtenOffset } from '../common/time.ts';
import { warn } from '../common/warnings.ts';
import { htmlToText } from '../common/html.ts';

/**
 * Atom 1.0 and RSS 2.0 reduced to what every flavour needs, so flavour code never touches XML.
 * Atom: id = `<id>`, time = `<updated>` (fallback `<published>`), body = `<content>` or
 * `<summary>`. RSS: id = `<guid>` (fallback `<link>`), time = `<pubDate>` (RFC-822 with zone
 * names), body = `<content:encoded>` or `<description>` (often CDATA).
 */
export interface FeedEntry {
  /** Where in the document, for warnings: `entry[3]`, `item[0]`. */
  path: string;
  id: string | undefined;
  title: string | undefined;
  link: string | undefined;
  /** UTC ISO. */
  published: string | undefined;
  updated: string | undefined;
  /** Body markup (HTML) or plain text, see contentIsHtml. */
  content: string | undefined;
  contentIsHtml: boolean;
  /**
   * The entry's other body, when it has two: RSS `<description>` beside `<content:encoded>`, Atom
   * `<summary>` beside `<content>`. Instatus puts a plain-text copy there whose `Affected
   * Components:` line is filled when the HTML one is empty [F: Northflank history.rss].
   */
  summary: string | undefined;
  /** `<category>` values (RSS text, Atom `term`): Azure lists affected services and regions there. */
  categories: string[];
  /** Minutes east of UTC the entry's own date was written in (`-0700`), when it says. */
  dateOffset: number | undefined;
}

export interface FeedInfo {
  kind: 'atom' | 'rss';
  title: string | undefined;
  link: string | undefined;
  generator: string | undefined;
  author: string | undefined;
  entries: FeedEntry[];
}

/** Parse feed text; an XML document that is neither Atom nor RSS is `wrong_format`. */
export function readFeed(text: string, warnings: FeedWarning[]): { ok: true; feed: FeedInfo } | { ok: false; error: FeedError } {
  const parsed = parseXml(text);
  if (!parsed.ok) return parsed;
  const { rootName, root } = parsed;
  if (rootName === 'feed') return { ok: true, feed: readAtom(root, warnings) };
  if (rootName === 'rss' || rootName === 'RDF') {
    const channel = asElement(xmlChild(root, 'channel')) ?? {};
    // RSS 1.0 (RDF) keeps items beside the channel, not inside it.
    const items = rootName === 'RDF' ? xmlChildren(root, 'item') : xmlChildren(channel, 'item');
    return { ok: true, feed: readRss(channel, items, warnings) };
  }
  if (rootName.toLowerCase() === 'html') return { ok: false, error: { kind: 'html_page', message: 'Expected a feed but got an (X)HTML page.' } };
  return { ok: false, error: { kind: 'wrong_format', message: `Expected Atom or RSS but the XML root is <${rootName}>.` } };
}

function readAtom(root: XmlElement, warnings: FeedWarning[]): FeedInfo {
  const entries = xmlChildren(root, 'entry').map((raw, i): FeedEntry => {
    const el = asElement(raw) ?? {};
    const path = `entry[${i}]`;
    const contentEl = xmlChild(el, 'content') ?? xmlChild(el, 'summary');
    const summaryEl = xmlChild(el, 'content') === undefined ? undefined : xmlChild(el, 'summary');
    const type = (xmlAttr(contentEl, 'type') ?? 'text').toLowerCase();
    const updatedText = xmlText(xmlChild(el, 'updated'));
    return {
      path,
      id: xmlText(xmlChild(el, 'id')),
      title: plainTitle(xmlChild(el, 'title')),
      link: atomLink(el),
      published: readDate(xmlChild(el, 'published'), isoToUtc, `${path}.published`, warnings),
      updated: readDate(xmlChild(el, 'updated'), isoToUtc, `${path}.updated`, warnings),
      content: type === 'xhtml' ? deepText(contentEl) : xmlText(contentEl),
      contentIsHtml: type === 'html' || type === 'text/html',
      summary: summaryEl === undefined ? undefined : bodyText(summaryEl),
      categories: xmlChildren(el, 'category').map((c) => xmlAttr(c, 'term') ?? xmlText(c)).filter((c): c is string => c !== undefined && c.trim() !== ''),
      dateOffset: writtenOffset(updatedText ?? xmlText(xmlChild(el, 'published'))),
    };
  });
  return {
    kind: 'atom',
    title: plainTitle(xmlChild(root, 'title')),
    link: atomLink(root),
    generator: xmlText(xmlChild(root, 'generator')),
    author: xmlText(xmlChild(asElement(xmlChild(root, 'author')), 'name')),
    entries,
  };
}

function readRss(channel: XmlElement, items: unknown[], warnings: FeedWarning[]): FeedInfo {
  const entries = items.map((raw, i): FeedEntry => {
    const el = asElement(raw) ?? {};
    const path = `item[${i}]`;
    const dateEl = xmlChild(el, 'pubDate') ?? xmlChild(el, 'date');
    const date = readDate(dateEl, rfc822ToUtc, `${path}.pubDate`, warnings);
    const link = rssLink(el);
    const encoded = xmlText(xmlChild(el, 'encoded'));
    const description = xmlText(xmlChild(el, 'description'));
    return {
      path,
      id: xmlText(xmlChild(el, 'guid')) ?? link,
      title: plainTitle(xmlChild(el, 'title')),
      link,
      published: date,
      updated: date,
      content: encoded ?? description,
      contentIsHtml: true,
      summary: encoded === undefined ? undefined : description,
      categories: xmlChildren(el, 'category').map((c) => xmlText(c)).filter((c): c is string => c !== undefined),
      dateOffset: writtenOffset(xmlText(dateEl)),
    };
  });
  return {
    kind: 'rss',
    title: plainTitle(xmlChild(channel, 'title')),
    link: rssLink(channel),
    generator: xmlText(xmlChild(channel, 'generator')),
    author: undefined,
    entries,
  };
}

/** A present date that does not parse warns; an absent one is just undefined. */
function readDate(value: unknown, parse: (v: unknown) => string | undefined, path: string, warnings: FeedWarning[]): string | undefined {
  const text = xmlText(value);
  if (text === undefined) return undefined;
  const utc = parse(text) ?? isoToUtc(text);
  if (utc === undefined) warn(warnings, 'bad_date', `Unreadable date "${text.slice(0, 60)}".`, path);
  return utc;
}

/** `<link rel="alternate" href>` (or a link without rel), per Atom. */
function atomLink(el: XmlElement): string | undefined {
  const links = xmlChildren(el, 'link');
  const alternate = links.find((l) => (xmlAttr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  return xmlAttr(alternate, 'href') ?? xmlText(alternate);
}

/** RSS `<link>` is text; an `<atom:link href>` beside it (namespace stripped) is skipped. */
function rssLink(el: XmlElement): string | undefined {
  for (const l of xmlChildren(el, 'link')) {
    const text = xmlText(l);
    if (text !== undefined && xmlAttr(l, 'href') === undefined) return text;
  }
  return undefined;
}

/** An Atom `<summary>` as text: its markup dropped when it says it is HTML. */
function bodyText(value: unknown): string | undefined {
  const text = xmlText(value);
  if (text === undefined) return undefined;
  return /^(x?html|text\/html)$/i.test(xmlAttr(value, 'type') ?? '') ? htmlToText(text) : text;
}

/** Titles are text, but Atom allows `type="html"`; never show tags or entity codes. */
function plainTitle(value: unknown): string | undefined {
  const text = xmlText(value);
  if (text === undefined) return undefined;
  const html = (xmlAttr(value, 'type') ?? '').toLowerCase() === 'html';
  return (html ? htmlToText(text) : text).replace(/\s+/g, ' ').trim() || undefined;
}

/** Text of an inline XHTML tree (`<content type="xhtml">`), with block elements as lines. */
function deepText(value: unknown): string | undefined {
  const parts: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) for (const n of node) walk(n, depth + 1);
    else {
      const el = asElement(node);
      if (!el) return;
      for (const [key, child] of Object.entries(el)) {
        if (key.startsWith('@_')) continue;
        walk(child, depth + 1);
        if (key === 'p' || key === 'div' || key === 'br' || key === 'li') parts.push('\n');
      }
    }
  };
  walk(value, 0);
  return xmlText(parts.join(' '));
}
