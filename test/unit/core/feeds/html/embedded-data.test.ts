import { describe, expect, it } from 'vitest';
import type { FeedWarning } from '../../../../../shared/model/index.ts';
import { embeddedRoots, findObjects, readEmbeddedPage } from '../../../../../electron/core/feeds/html/embedded.ts';
import { readFlight } from '../../../../../electron/core/feeds/html/flight.ts';
import { readPageScripts } from '../../../../../electron/core/feeds/html/page-scripts.ts';
import { doc } from '../json-adapter-support.ts';

const push = (...chunks: unknown[]): string => chunks.map((c) => `<script>self.__next_f.push(${JSON.stringify(c)})</script>`).join('');

describe('Next.js data embedded in a page', () => {
  it('joins flight chunks split mid-row and reads JSON rows, with "$undefined" as absent', () => {
    const warnings: FeedWarning[] = [];
    const { flightPushes } = readPageScripts(`<html><body>${push([0], [1, '1:{"a":1,"gone":"$undefined"'], [1, ',"b":"$$5"}\n2:I[1,[],""]\n'])}</body></html>`);
    const flight = readFlight(flightPushes, warnings);
    expect(flight.rows.get('1')).toEqual({ a: 1, b: '$5' });
    expect(flight.rows.has('2')).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('cuts text rows by their UTF-8 byte length, even when they hold newlines and accents', () => {
    const text = 'Réseau\nlent';
    const bytes = new TextEncoder().encode(text).length.toString(16);
    const flight = readFlight([JSON.stringify([1, `3:T${bytes},${text}4:{"ok":true}\n`])], []);
    expect(flight.rows.get('3')).toBe(text);
    expect(flight.rows.get('4')).toEqual({ ok: true });
  });

  it('warns about chunks and rows it cannot read instead of dropping them silently', () => {
    const warnings: FeedWarning[] = [];
    readFlight(['[1,"5:{broken\\n"]', 'not json'], warnings);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^1 embedded Next\.js data chunk/), expect.stringMatching(/^1 embedded Next\.js data row/),
    ]);
  });

  it('never runs page script: a push whose argument is code is skipped and reported', () => {
    const warnings: FeedWarning[] = [];
    const { flightPushes } = readPageScripts('<script>self.__next_f.push((function(){globalThis.pwned=1;return [1,""]})())</script>');
    readFlight(flightPushes, warnings);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ code: 'unreadable_page_data' })]);
  });

  it('reports malformed __NEXT_DATA__ and finds objects in well-formed data', () => {
    const bad = readEmbeddedPage(doc('<!DOCTYPE html><html><script id="__NEXT_DATA__" type="application/json">{"props":</script></html>'), 'test');
    expect(bad.ok && bad.page.warnings.map((w) => w.path)).toEqual(['__NEXT_DATA__']);
    const good = readEmbeddedPage(doc('<!DOCTYPE html><html><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"site":{"name":"X"}}}}</script></html>'), 'test');
    expect(good.ok && findObjects(embeddedRoots(good.page), (o) => 'site' in o)).toEqual([{ site: { name: 'X' } }]);
  });

  it('refuses a nesting bomb before building it', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const warnings: FeedWarning[] = [];
    const flight = readFlight([JSON.stringify([1, `1:${deep}\n`])], warnings);
    expect(flight.rows.size).toBe(0);
    expect(warnings).toHaveLength(1);
  });
});
