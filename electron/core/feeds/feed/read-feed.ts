import type { FeedError, FeedWarning } from '../../../../shared/model/index.ts';
import { detached } from '../common/decode.ts';
import { asElement, checkXmlPrologue, parseXml, xmlAttr, xmlChild, xmlChildren, xmlText } from '../common/xml.ts';
import { isoToUtc, rfc822ToUtc, writtenOffset } from '../common/time.ts';
import { warn } from '../common/warnings.ts';
import { htmlToText } from '../common/html.ts';
import { entryKey } from './entry-cache.ts';
import type { DateProblem, EntryFields, EntryMemo, EntryRecord, FeedEntryCache } from './entry-cache.ts';
import { leanXmlTree, nodeAttr, nodeChild, nodeChildren, nodeText } from './xml-tree.ts';
import type { XmlNode } from './xml-tree.ts';

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
  const read = readFeedDocument(text, warnings);
  return read.ok ? { ok: true, feed: read.feed } : read;
}

/** A feed read, with one memo per entry (`memos[i]` belongs to `feed.entries[i]`). */
export interface FeedDocument { ok: true; feed: FeedInfo; memos: EntryMemo[] }

/**
 * `readFeed`, reusing what `cache` holds for entries whose markup it has seen (see
 * entry-cache.ts) and giving each entry its memo. Documents the lean reader models
 * (xml-tree.ts: every real capture) are read with it; any other is read with fast-xml-parser,
 * uncached. Both give the same FeedInfo for the same bytes.
 */
export function readFeedDocument(text: string, warnings: FeedWarning[], cache?: FeedEntryCache): FeedDocument | { ok: false; error: FeedError } {
  const checked = checkXmlPrologue(text);
  if (!checked.ok) return checked;
  // The lean reader checks structure as it reads, more strictly than checkXml's pre-scan.
  const tree = leanXmlTree(checked.xml);
  if (tree) {
    const lean = readLean(checked.xml, tree, cache);
    if (lean) {
      warnings.push(...lean.warnings);
      return lean.result;
    }
  }
  const read = readFeedReference(text, warnings);
  if (!read.ok) return read;
  cache?.replace(new Map(), { reused: 0, read: read.feed.entries.length });
  return { ok: true, feed: read.feed, memos: read.feed.entries.map(() => ({})) };
}

/**
 * `readFeed` through fast-xml-parser alone, the reader the lean one must match: documents the
 * lean reader declines are read here, and tests hold the two equal on every capture and on
 * generated documents (test/unit/core/feeds/feed/lean-xml.test.ts).
 */
export function readFeedReference(text: string, warnings: FeedWarning[]): { ok: true; feed: FeedInfo } | { ok: false; error: FeedError } {
  const parsed = parseXml(text);
  if (!parsed.ok) return parsed;
  return readRoot(FXP, parsed.rootName, parsed.root, warnings);
}

/**
 * How read-feed walks a parsed document, for either parser: fast-xml-parser's plain objects (the
 * reference) or the lean reader's nodes. Every reading rule below is written once, against this.
 */
interface XmlView<N> {
  child(el: N | undefined, name: string): N | undefined;
  children(el: N | undefined, name: string): N[];
  text(value: N | undefined): string | undefined;
  attr(value: N | undefined, name: string): string | undefined;
  /** Text of inline XHTML (`<content type="xhtml">`). */
  xhtml(value: N | undefined): string | undefined;
}

const FXP: XmlView<unknown> = {
  child: (el, name) => xmlChild(asElement(el), name),
  children: (el, name) => xmlChildren(asElement(el), name),
  text: xmlText,
  attr: xmlAttr,
  xhtml: deepText,
};

/** Thrown by the lean view for what only fast-xml-parser's tree models (inline XHTML's key order). */
const NOT_MODELLED = new Error('not modelled by the lean reader');

const LEAN: XmlView<XmlNode> = {
  child: nodeChild,
  children: nodeChildren,
  text: nodeText,
  attr: nodeAttr,
  xhtml: () => {
    throw NOT_MODELLED;
  },
};

type Format = 'atom' | 'rss';

/** The feed's head and its entry elements, or the error for a root that is no feed. */
function feedParts<N>(view: XmlView<N>, rootName: string, root: N): { format: Format; head: N | undefined; entries: N[] } | { ok: false; error: FeedError } {
  if (rootName === 'feed') return { format: 'atom', head: root, entries: view.children(root, 'entry') };
  if (rootName === 'rss' || rootName === 'RDF') {
    const channel = view.child(root, 'channel');
    // RSS 1.0 (RDF) keeps items beside the channel, not inside it.
    return { format: 'rss', head: channel, entries: rootName === 'RDF' ? view.children(root, 'item') : view.children(channel, 'item') };
  }
  if (rootName.toLowerCase() === 'html') return { ok: false, error: { kind: 'html_page', message: 'Expected a feed but got an (X)HTML page.' } };
  return { ok: false, error: { kind: 'wrong_format', message: `Expected Atom or RSS but the XML root is <${rootName}>.` } };
}

/** A whole document through one view, entry by entry, no cache. */
function readRoot<N>(view: XmlView<N>, rootName: string, root: N, warnings: FeedWarning[]): { ok: true; feed: FeedInfo } | { ok: false; error: FeedError } {
  const parts = feedParts(view, rootName, root);
  if ('ok' in parts) return parts;
  const entries = parts.entries.map((el, i): FeedEntry => {
    const path = `${parts.format === 'atom' ? 'entry' : 'item'}[${i}]`;
    const read = readEntry(view, parts.format, el);
    for (const p of read.problems) warn(warnings, p.code, p.message, `${path}.${p.field}`);
    return { path, ...read.fields, ...read.bodies };
  });
  return { ok: true, feed: { ...readHead(view, parts.format, parts.head), entries } };
}

/**
 * A document through the lean reader, reusing the cache's records; undefined when the document
 * holds what only fast-xml-parser models (then nothing was warned and the cache is unchanged).
 */
function readLean(
  xml: string, root: XmlNode, cache: FeedEntryCache | undefined,
): { result: FeedDocument | { ok: false; error: FeedError }; warnings: FeedWarning[] } | undefined {
  const parts = feedParts(LEAN, root.name, root);
  if ('ok' in parts) return { result: parts, warnings: [] };
  const warnings: FeedWarning[] = [];
  const records = new Map<string, EntryRecord>();
  const entries: FeedEntry[] = [];
  const memos: EntryMemo[] = [];
  let reused = 0;
  try {
    for (const [i, el] of parts.entries.entries()) {
      const path = `${parts.format === 'atom' ? 'entry' : 'item'}[${i}]`;
      const key = cache ? entryKey(parts.format, xml.slice(el.start, el.end)) : '';
      let record = cache ? records.get(key) ?? cache.get(key) : undefined;
      let entry: FeedEntry;
      if (record) {
        reused++;
        entry = new RecordEntry(record.fields, path, () => readBodies(LEAN, parts.format, el));
      } else {
        const read = readEntry(LEAN, parts.format, el);
        record = { fields: read.fields, problems: read.problems, memo: {} };
        entry = { path, ...read.fields, categories: [...read.fields.categories], ...read.bodies };
      }
      if (cache) records.set(key, record);
      for (const p of record.problems) warn(warnings, p.code, p.message, `${path}.${p.field}`);
      entries.push(entry);
      memos.push(record.memo);
    }
  } catch (err) {
    if (err === NOT_MODELLED) return undefined;
    throw err;
  }
  cache?.replace(records, { reused, read: entries.length - reused });
  return { result: { ok: true, feed: { ...readHead(LEAN, parts.format, parts.head), entries }, memos }, warnings };
}

/** An entry as a cached record gave it: its bodies are read from this document only if asked for. */
class RecordEntry implements FeedEntry {
  readonly path: string;
  readonly id: string | undefined;
  readonly title: string | undefined;
  readonly link: string | undefined;
  readonly published: string | undefined;
  readonly updated: string | undefined;
  readonly contentIsHtml: boolean;
  readonly categories: string[];
  readonly dateOffset: number | undefined;
  #bodies: EntryBodies | undefined;
  readonly #readBodies: () => EntryBodies;

  constructor(fields: EntryFields, path: string, readBodiesNow: () => EntryBodies) {
    this.path = path;
    this.id = fields.id;
    this.title = fields.title;
    this.link = fields.link;
    this.published = fields.published;
    this.updated = fields.updated;
    this.contentIsHtml = fields.contentIsHtml;
    this.categories = [...fields.categories];
    this.dateOffset = fields.dateOffset;
    this.#readBodies = readBodiesNow;
  }

  get content(): string | undefined {
    return (this.#bodies ??= this.#readBodies()).content;
  }

  get summary(): string | undefined {
    return (this.#bodies ??= this.#readBodies()).summary;
  }
}

interface EntryBodies { content: string | undefined; summary: string | undefined }

/**
 * Atom: id = `<id>`, time = `<updated>` (fallback `<published>`), body = `<content>` or
 * `<summary>`. RSS: id = `<guid>` (fallback `<link>`), time = `<pubDate>` (RFC-822 with zone
 * names), body = `<content:encoded>` or `<description>` (often CDATA). Strings are detached
 * copies: entries outlive their document in snapshots and in the entry cache.
 */
function readEntry<N>(view: XmlView<N>, format: Format, el: N): { fields: EntryFields; bodies: EntryBodies; problems: DateProblem[] } {
  const problems: DateProblem[] = [];
  if (format === 'atom') {
    const contentEl = view.child(el, 'content') ?? view.child(el, 'summary');
    const type = (view.attr(contentEl, 'type') ?? 'text').toLowerCase();
    const updatedText = view.text(view.child(el, 'updated'));
    const fields: EntryFields = {
      id: own(view.text(view.child(el, 'id'))),
      title: own(plainTitle(view, view.child(el, 'title'))),
      link: own(atomLink(view, el)),
      published: readDate(view, view.child(el, 'published'), isoToUtc, 'published', problems),
      updated: readDate(view, view.child(el, 'updated'), isoToUtc, 'updated', problems),
      contentIsHtml: type === 'html' || type === 'text/html',
      categories: view.children(el, 'category').map((c) => view.attr(c, 'term') ?? view.text(c)).filter((c): c is string => c !== undefined && c.trim() !== '').map(detached),
      dateOffset: writtenOffset(updatedText ?? view.text(view.child(el, 'published'))),
    };
    return { fields, bodies: readBodies(view, format, el), problems };
  }
  const dateEl = view.child(el, 'pubDate') ?? view.child(el, 'date');
  const date = readDate(view, dateEl, rfc822ToUtc, 'pubDate', problems);
  const link = own(rssLink(view, el));
  const fields: EntryFields = {
    id: own(view.text(view.child(el, 'guid'))) ?? link,
    title: own(plainTitle(view, view.child(el, 'title'))),
    link,
    published: date,
    updated: date,
    contentIsHtml: true,
    categories: view.children(el, 'category').map((c) => view.text(c)).filter((c): c is string => c !== undefined).map(detached),
    dateOffset: writtenOffset(view.text(dateEl)),
  };
  return { fields, bodies: readBodies(view, format, el), problems };
}

/**
 * An entry's bodies. Atom: `<content>` (or `<summary>` alone), and `<summary>` beside a
 * `<content>`. RSS: `<content:encoded>` or `<description>`, and the description beside an
 * encoded body. Not detached: the adapter keeps only what it derives from them.
 */
function readBodies<N>(view: XmlView<N>, format: Format, el: N): EntryBodies {
  if (format === 'atom') {
    const contentEl = view.child(el, 'content') ?? view.child(el, 'summary');
    const summaryEl = view.child(el, 'content') === undefined ? undefined : view.child(el, 'summary');
    const type = (view.attr(contentEl, 'type') ?? 'text').toLowerCase();
    return {
      content: type === 'xhtml' ? view.xhtml(contentEl) : view.text(contentEl),
      summary: summaryEl === undefined ? undefined : bodyText(view, summaryEl),
    };
  }
  const encoded = view.text(view.child(el, 'encoded'));
  const description = view.text(view.child(el, 'description'));
  return { content: encoded ?? description, summary: encoded === undefined ? undefined : description };
}

/** Feed-level fields, detached. */
function readHead<N>(view: XmlView<N>, format: Format, head: N | undefined): Omit<FeedInfo, 'entries'> {
  if (format === 'atom') {
    return {
      kind: 'atom',
      title: own(plainTitle(view, view.child(head, 'title'))),
      link: own(atomLink(view, head)),
      generator: own(view.text(view.child(head, 'generator'))),
      author: own(view.text(view.child(view.child(head, 'author'), 'name'))),
    };
  }
  return {
    kind: 'rss',
    title: own(plainTitle(view, view.child(head, 'title'))),
    link: own(rssLink(view, head)),
    generator: own(view.text(view.child(head, 'generator'))),
    author: undefined,
  };
}

function own(text: string | undefined): string | undefined {
  return text === undefined ? undefined : detached(text);
}



/** A present date that does not parse is a problem; an absent one is just undefined. */
function readDate<N>(view: XmlView<N>, value: N | undefined, parse: (v: unknown) => string | undefined, field: string, problems: DateProblem[]): string | undefined {
  const text = view.text(value);
  if (text === undefined) return undefined;
  const utc = parse(text) ?? isoToUtc(text);
  if (utc === undefined) problems.push({ code: 'bad_date', message: detached(`Unreadable date "${text.slice(0, 60)}".`), field });
  return utc;
}

/** `<link rel="alternate" href>` (or a link without rel), per Atom. */
function atomLink<N>(view: XmlView<N>, el: N | undefined): string | undefined {
  const links = view.children(el, 'link');
  const alternate = links.find((l) => (view.attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  return view.attr(alternate, 'href') ?? view.text(alternate);
}

/** RSS `<link>` is text; an `<atom:link href>` beside it (namespace stripped) is skipped. */
function rssLink<N>(view: XmlView<N>, el: N | undefined): string | undefined {
  for (const l of view.children(el, 'link')) {
    const text = view.text(l);
    if (text !== undefined && view.attr(l, 'href') === undefined) return text;
  }
  return undefined;
}

/** An Atom `<summary>` as text: its markup dropped when it says it is HTML. */
function bodyText<N>(view: XmlView<N>, value: N | undefined): string | undefined {
  const text = view.text(value);
  if (text === undefined) return undefined;
  return /^(x?html|text\/html)$/i.test(view.attr(value, 'type') ?? '') ? htmlToText(text) : text;
}

/** Titles are text, but Atom allows `type="html"`; never show tags or entity codes. */
function plainTitle<N>(view: XmlView<N>, value: N | undefined): string | undefined {
  const text = view.text(value);
  if (text === undefined) return undefined;
  const html = (view.attr(value, 'type') ?? '').toLowerCase() === 'html';
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
