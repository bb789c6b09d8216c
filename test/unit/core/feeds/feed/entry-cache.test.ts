/**
 * The feed adapter's entry cache (feed/entry-cache.ts) only saves work: with or without it, and
 * whatever it holds, the snapshot of a document is the same. A changed entry is read again, an
 * unchanged one is not, and losing the cache (a restart) costs one full read and nothing else.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedXmlAdapter, parseFeedXml } from '../../../../../electron/core/feeds/feed/adapter.ts';
import type { FeedParseContext } from '../../../../../electron/core/feeds/feed/adapter.ts';
import { FeedEntryCache } from '../../../../../electron/core/feeds/feed/entry-cache.ts';
import type { ParseResult } from '../../../../../electron/core/feeds/types.ts';
import { SHARED_FIXTURES } from '../../../../support/paths.ts';
import { snapshotOf } from './support.ts';

const REPLAY = resolve(SHARED_FIXTURES, 'replay/github-history-atom');
const VERSIONS = readdirSync(REPLAY).filter((f) => f.endsWith('.atom')).sort().map((f) => readFileSync(resolve(REPLAY, f)));
const URL = 'https://www.githubstatus.com/history.atom';
const AT = '2026-01-01T00:00:00.000Z';
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (body: Uint8Array): string => new TextDecoder().decode(body);

function parse(body: Uint8Array, cache?: FeedEntryCache, fetchedAt = AT): ParseResult {
  return parseFeedXml(body, URL, fetchedAt, cache);
}

/** The document with one entry's title changed (the n-th `<title>` inside an entry). */
function retitled(body: Uint8Array, n: number, title: string): Uint8Array {
  let seen = -1;
  return bytes(text(body).replace(/(<entry>[\s\S]*?<title>)([^<]*)(<\/title>)/g, (all, open: string, _old: string, close: string) => (++seen === n ? `${open}${title}${close}` : all)));
}

describe('feed entry cache', () => {
  it('gives the same snapshot as a cold read for each of the 373 replayed versions, reusing most entries', () => {
    const cache = new FeedEntryCache();
    let reused = 0;
    let read = 0;
    for (const [i, body] of VERSIONS.entries()) {
      expect(parse(body, cache), `version ${i}`).toEqual(parse(body));
      reused += cache.lastParse.reused;
      read += cache.lastParse.read;
    }
    expect(read + reused).toBe(VERSIONS.length * 25);
    // 98 % of entries are byte-identical from one version of a feed to the next.
    expect(reused / (read + reused)).toBeGreaterThan(0.95);
  });

  it('reads a changed entry again and reuses the unchanged ones', () => {
    const cache = new FeedEntryCache();
    const base = VERSIONS[200]!;
    snapshotOf(parse(base, cache));
    expect(cache.lastParse).toEqual({ reused: 0, read: 25 });

    snapshotOf(parse(base, cache));
    expect(cache.lastParse).toEqual({ reused: 25, read: 0 });

    const changed = retitled(base, 3, 'A title the vendor edited');
    const warm = snapshotOf(parse(changed, cache));
    expect(cache.lastParse).toEqual({ reused: 24, read: 1 });
    expect(warm).toEqual(snapshotOf(parse(changed)));
    expect(warm.incidents.map((i) => i.title).concat(warm.maintenances.map((m) => m.title))).toContain('A title the vendor edited');
  });

  it('holds only the entries of the last document read', () => {
    const cache = new FeedEntryCache();
    parse(VERSIONS[0]!, cache);
    expect(cache.size).toBe(25);
    let kept = 0;
    const three = bytes(text(VERSIONS[1]!).replace(/<entry>[\s\S]*?<\/entry>/g, (entry) => (++kept <= 3 ? entry : '')));
    const s = snapshotOf(parse(three, cache));
    expect(s.incidents.length + s.maintenances.length).toBe(3);
    expect(cache.size).toBe(3);
    parse(bytes('<feed></feed>'), cache);
    expect(cache.size).toBe(0);
  });

  it('loses nothing when lost: a fresh cache (a restart) reads the same snapshot as a warm one', () => {
    const warm = new FeedEntryCache();
    for (const body of VERSIONS.slice(0, 50)) parse(body, warm);
    const next = VERSIONS[50]!;
    const fromWarm = parse(next, warm);
    const fresh = new FeedEntryCache();
    expect(parse(next, fresh)).toEqual(fromWarm);
    expect(fresh.lastParse).toEqual({ reused: 0, read: 25 });
    expect(parse(next)).toEqual(fromWarm);
  });

  it('is reached through the adapter as the parse context entryCache', () => {
    const cache = new FeedEntryCache();
    const doc = { main: { url: URL, body: VERSIONS[10]!, contentType: 'application/atom+xml' } };
    // What the engine passes: its parse context, with the vendor's cache.
    const ctx: FeedParseContext = { sourceUrl: URL, fetchedAt: AT, entryCache: cache };
    const first = feedXmlAdapter.parse(doc, ctx);
    const second = feedXmlAdapter.parse(doc, ctx);
    expect(cache.lastParse).toEqual({ reused: 25, read: 0 });
    expect(second).toEqual(first);
    expect(second).toEqual(feedXmlAdapter.parse(doc, { sourceUrl: URL, fetchedAt: AT }));
  });

  it('hands out snapshots that share nothing mutable with it', () => {
    const cache = new FeedEntryCache();
    const body = VERSIONS[300]!;
    const cold = snapshotOf(parse(body));
    const mutate = (snapshot: ReturnType<typeof snapshotOf>): void => {
      for (const item of [...snapshot.incidents, ...snapshot.maintenances]) {
        item.updates.reverse();
        for (const update of item.updates) update.body = 'mutated';
        item.components.push('mutated');
        item.title = 'mutated';
      }
    };
    mutate(snapshotOf(parse(body, cache))); // read anew
    mutate(snapshotOf(parse(body, cache))); // reused
    expect(cache.lastParse.reused).toBe(25);
    expect(snapshotOf(parse(body, cache))).toEqual(cold);
  });

  it('follows the fetch time wherever it matters: generic feeds, entries without dates', () => {
    const feed = (updated: string): string => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Acme status</title>
      <entry><id>e1</id><title>Database slow</title>${updated}<content type="html">&lt;p&gt;Looking into it&lt;/p&gt;</content></entry>
      <entry><id>e2</id><title>API down</title><content type="html">&lt;p&gt;&lt;small&gt;Jan &lt;var&gt;5&lt;/var&gt;, &lt;var&gt;10:00&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Investigating&lt;/strong&gt; - Looking&lt;/p&gt;</content></entry>
    </feed>`;
    for (const doc of [feed('<updated>2026-01-01T00:00:00Z</updated>'), feed('')]) {
      const cache = new FeedEntryCache();
      for (const at of ['2026-01-02T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2025-12-31T00:00:00.000Z', '2027-06-01T00:00:00.000Z']) {
        expect(parse(bytes(doc), cache, at), at).toEqual(parse(bytes(doc), undefined, at));
      }
    }
  });

  it('moves warnings with their entry when entries shift, and re-derives ids that depend on neighbours', () => {
    const entry = (id: string, title: string, date: string): string =>
      `<entry><id>${id}</id><title>${title}</title><link href="https://s.test/incidents/${id.slice(0, 1)}"/><updated>${date}</updated><content type="html">&lt;p&gt;&lt;small&gt;Aug &lt;var&gt;21&lt;/var&gt;, &lt;var&gt;00:37&lt;/var&gt; XYZ&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Fixing&lt;/strong&gt; - body&lt;/p&gt;</content></entry>`;
    const docOf = (...entries: string[]): Uint8Array => bytes(`<feed><title>T</title>${entries.join('')}</feed>`);
    const a = entry('a1', 'First', 'not a date');
    const b = entry('a2', 'Second', '2026-08-21T01:00:00Z');
    const c = entry('c3', 'Third', '2026-08-21T02:00:00Z');
    const cache = new FeedEntryCache();
    for (const doc of [docOf(a, b, c), docOf(b, c), docOf(c, a, b), docOf(b, b, a), docOf(a, b, c)]) {
      const warm = parse(doc, cache);
      expect(warm).toEqual(parse(doc));
      expect(snapshotOf(warm).warnings.length).toBeGreaterThan(0);
    }
  });

  it('reads documents only fast-xml-parser models without caching them, the same as a cold read', () => {
    const xhtml = bytes('<feed><title>T</title><entry><id>x</id><title>Down</title><updated>2026-08-21T01:00:00Z</updated><content type="xhtml"><div><p>one</p></div></content></entry></feed>');
    const cache = new FeedEntryCache();
    parse(VERSIONS[0]!, cache);
    expect(parse(xhtml, cache)).toEqual(parse(xhtml));
    expect(cache.size).toBe(0);
    expect(parse(VERSIONS[0]!, cache)).toEqual(parse(VERSIONS[0]!));
  });
});
