/**
 * The lean XML reader (feed/xml-tree.ts) must read every document it accepts exactly as
 * fast-xml-parser does: same entries, same fields, same warnings, same errors. Held against
 * `readFeedReference` on every real capture, on mutations of them, and on generated documents
 * that use every construct the lean reader models (and some it must decline).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeedWarning } from '../../../../../shared/model/index.ts';
import { checkXmlPrologue } from '../../../../../electron/core/feeds/common/xml.ts';
import { readFeed, readFeedReference } from '../../../../../electron/core/feeds/feed/read-feed.ts';
import { leanXmlTree } from '../../../../../electron/core/feeds/feed/xml-tree.ts';
import { prng } from '../../../../support/prng.ts';
import { OWN_FIXTURES, SHARED_FIXTURES } from '../../../../support/paths.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const XML_FILES = [...walk(SHARED_FIXTURES), ...walk(OWN_FIXTURES)].filter((f) => /\.(atom|rss|xml)$/.test(f));

/** Reads `text` both ways; true when the lean reader took it (else both went through fast-xml-parser). */
function expectSameReading(text: string, label: string): boolean {
  const leanWarnings: FeedWarning[] = [];
  const referenceWarnings: FeedWarning[] = [];
  const lean = readFeed(text, leanWarnings);
  const reference = readFeedReference(text, referenceWarnings);
  // Lazy bodies and class instances compare by value: JSON holds every field the adapter reads.
  expect(JSON.parse(JSON.stringify(lean)), label).toEqual(JSON.parse(JSON.stringify(reference)));
  expect(leanWarnings, label).toEqual(referenceWarnings);
  const prologue = checkXmlPrologue(text);
  return prologue.ok && leanXmlTree(prologue.xml) !== undefined;
}

describe('lean XML reader: the same reading as fast-xml-parser', () => {
  it('on every real Atom/RSS capture, and the lean reader takes each of them', () => {
    expect(XML_FILES.length).toBeGreaterThan(380);
    const declined = XML_FILES.filter((file) => !expectSameReading(readFileSync(file, 'utf8'), file));
    // Real feeds are plain XML: only our hand-written hostile fixtures may need fast-xml-parser.
    expect(declined.filter((f) => !f.includes('/hostile/'))).toEqual([]);
  });

  it('on 3,000 mutations of real captures (inserted markup, cuts, CRLF, entities)', () => {
    const random = prng(20261130);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const inserts = ['', ' ', '\r\n', '\r', '\t', '<!-- c -->', '<![CDATA[x]]>', '<![CDATA[]]>', '&amp;', '&lt;', '&#38;', '&#x26;', '&bogus;', '&',
      '<', '>', '"', "'", '</', '<b>', '</b>', '<br/>', '<?pi x?>', '<?pi a="?>"?>', '<a:b>', '</a:b>', '<x y="1"/>', '<x xmlns:q="u" q:y=\'2\'/>',
      '\u00a0', 'é', ']]>', '-->', '<!DOCTYPE x>', '/>', '=', ':', '<constructor/>', '<x  a = "1"  >', '</x >'];
    const sources = XML_FILES.filter((f) => !f.includes('/replay/')).map((f) => readFileSync(f, 'utf8'));
    sources.push(...XML_FILES.filter((f) => f.includes('/replay/')).filter((_, i) => i % 40 === 0).map((f) => readFileSync(f, 'utf8')));
    let lean = 0;
    for (let n = 0; n < 3000; n++) {
      let text = pick(sources);
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * (text.length + 1));
        const op = random();
        if (op < 0.7) text = text.slice(0, at) + pick(inserts) + text.slice(at);
        else if (op < 0.9) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
        else text = text.slice(0, at);
      }
      if (expectSameReading(text, `mutation ${n}`)) lean++;
    }
    expect(lean).toBeGreaterThan(1000);
  });

  it('on 2,000 generated feeds using every construct the lean reader models', () => {
    const random = prng(42);
    let lean = 0;
    for (let n = 0; n < 2000; n++) if (expectSameReading(generatedFeed(random), `generated ${n}`)) lean++;
    expect(lean).toBeGreaterThan(1200);
  });

  it('leaves inline XHTML content to fast-xml-parser, whose tree order it follows', () => {
    expectSameReading('<feed><entry><content type="xhtml"><div><p>one</p>two<b>b</b></div></content></entry></feed>', 'xhtml');
    expectSameReading('<feed><entry><content type="XHTML"><div>pre<b>bold</b>post</div></content></entry></feed>', 'XHTML');
  });

  it('declines what only fast-xml-parser models, which then reads it as before', () => {
    const declined = [
      '<!DOCTYPE feed><feed><title>x</title></feed>',
      '<feed><entry><a b>t</a></entry></feed>',
      '<feed><entry><a b=c>t</a></entry></feed>',
      '<feed><entry><toString>1</toString></entry></feed>',
      '<feed><entry><title>a</title></entry></feed><feed/>',
      '<feed><![FOO[x]]></feed>',
      '<?xml version="1.0?><feed/>',
      '<feed><?>x</feed>',
    ];
    for (const text of declined) {
      const prologue = checkXmlPrologue(text);
      expect(prologue.ok && leanXmlTree(prologue.xml), text).toBeFalsy();
      expectSameReading(text, text);
    }
  });
});

/** A feed of random shape: Atom or RSS, namespaces, attributes, CDATA, comments, PIs, entities, CRLF. */
function generatedFeed(random: () => number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const chance = (p: number): boolean => random() < p;
  const space = (): string => pick(['', '', ' ', '  ', '\n', '\r\n', '\t', ' \r\n ']);
  const words = ['Outage', 'resolved', 'API', 'x', 'Investigating', 'a b', '  padded  ', 'é', '\u00a0', 'line\r\nbreak', 'tab\there'];
  const entities = ['&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#38;', '&#x3C;', '&#169;', '&copy;', '&bogus;', '& ', '&amp;lt;'];
  const dates = ['2026-08-21T00:37:00Z', '2026-08-21T00:37:00-07:00', 'Tue, 24 Dec 2013 11:21:00 -0800', 'Wed, 25 Sep 2026 15:15:00 PDT', 'yesterday', '', '1700000000'];
  const textPiece = (): string => {
    const r = random();
    if (r < 0.4) return pick(words);
    if (r < 0.55) return pick(entities);
    if (r < 0.65) return `<![CDATA[${pick(['<p>x</p>', '', ' a ', '&amp;', ']] >', 'line\r\nbreak'])}]]>`;
    if (r < 0.72) return `<!--${pick(['', ' c ', '-x-'])}-->`;
    if (r < 0.76) return `<?pi ${pick(['x', 'a="1"', "b='?>'"])}?>`;
    if (r < 0.86) return space();
    const inline = pick(['b', 'x:i', 'span']);
    return `<${inline}>${pick(words)}</${inline}>`;
  };
  const text = (): string => Array.from({ length: Math.floor(random() * 4) }, textPiece).join('');
  const quote = (value: string): string => (chance(0.5) ? `"${value.replaceAll('"', '&quot;')}"` : `'${value.replaceAll("'", '&apos;')}'`);
  const attrs = (pairs: [string, string][]): string => pairs.map(([k, v]) => `${pick([' ', '  ', '\n', '\t'])}${k}${pick(['=', ' = ', '=\n'])}${quote(v)}`).join('');
  const el = (name: string, inner: string, pairs: [string, string][] = []): string => {
    const tag = chance(0.2) ? `${pick(['a', 'atom', 'x'])}:${name}` : name;
    if (inner === '' && chance(0.3)) return `<${tag}${attrs(pairs)}${pick(['/>', ' />'])}`;
    return `<${tag}${attrs(pairs)}${space().replace(/\r?\n/, ' ')}>${inner}</${tag}${pick(['', ' '])}>`;
  };
  const extra = (): [string, string][] => (chance(0.3) ? [[pick(['xmlns', 'xmlns:q', 'q:lang', 'xml:base', 'data-x']), pick(['u', ' v ', 'a&amp;b', 'line\r\nbreak'])]] : []);
  const atom = chance(0.5);
  const entries = Array.from({ length: Math.floor(random() * 5) }, () => {
    const parts: string[] = [];
    if (atom) {
      if (chance(0.9)) parts.push(el('id', text()));
      if (chance(0.9)) parts.push(el('title', text(), chance(0.3) ? [['type', pick(['html', 'text', 'HTML'])]] : []));
      for (let k = Math.floor(random() * 3); k > 0; k--) parts.push(el('link', chance(0.2) ? text() : '', [['href', pick(['https://s.test/incidents/abc', ' https://s.test/x ', 'rel'])], ...(chance(0.5) ? [['rel', pick(['alternate', 'self', 'related'])] as [string, string]] : [])]));
      if (chance(0.8)) parts.push(el('published', pick(dates)));
      if (chance(0.8)) parts.push(el('updated', pick(dates)));
      if (chance(0.8)) parts.push(el('content', text(), [...(chance(0.8) ? [['type', pick(['html', 'text', 'text/html'])] as [string, string]] : []), ...extra()]));
      if (chance(0.4)) parts.push(el('summary', text(), chance(0.5) ? [['type', pick(['html', 'text'])]] : []));
      for (let k = Math.floor(random() * 3); k > 0; k--) parts.push(el('category', chance(0.5) ? text() : '', chance(0.6) ? [['term', pick(['API', ' ', 'West Europe'])]] : []));
    } else {
      if (chance(0.8)) parts.push(el('guid', text(), chance(0.3) ? [['isPermaLink', 'false']] : []));
      if (chance(0.9)) parts.push(el('title', text()));
      if (chance(0.8)) parts.push(el('link', text(), chance(0.2) ? [['href', 'x']] : []));
      if (chance(0.8)) parts.push(el(pick(['pubDate', 'date']), pick(dates)));
      if (chance(0.5)) parts.push(el('encoded', text()));
      if (chance(0.8)) parts.push(el('description', text()));
      for (let k = Math.floor(random() * 3); k > 0; k--) parts.push(el('category', text()));
    }
    if (chance(0.2)) parts.push(el(pick(['extra', 'media:thumbnail', 'x']), text(), extra()));
    for (let i = parts.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [parts[i], parts[j]] = [parts[j] as string, parts[i] as string];
    }
    return el(atom ? 'entry' : 'item', parts.join(space()), extra());
  });
  const head = [el('title', text()), el('generator', text()), chance(0.5) ? el('link', atom ? '' : 'https://s.test', atom ? [['href', 'https://s.test']] : []) : ''];
  if (atom && chance(0.5)) head.push(el('author', el('name', text())));
  const prolog = chance(0.7) ? `<?xml version="1.0" encoding="UTF-8"?>${space()}` : '';
  const comment = chance(0.2) ? '<!-- generated -->' : '';
  if (atom) return `${prolog}${comment}<feed xmlns="http://www.w3.org/2005/Atom"${attrs(extra())}>${head.join(space())}${entries.join(space())}</feed>${space()}`;
  const channel = `<channel>${head.join(space())}${entries.join(space())}</channel>`;
  return `${prolog}${comment}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">${channel}</rss>`;
}
