/**
 * Snapshots and the entry cache keep no document alive. V8 makes a substring a view into its
 * parent, so an id sliced from a 97 KB feed used to keep the whole decoded feed in memory for as
 * long as the snapshot lived (a known state of ~75 KB as JSON took ~396 KB of heap). Measured
 * here as the heap a kept snapshot (or cache) costs after a full collection, against the size of
 * the snapshot's own JSON: with the document retained it is over 5× that, without it about 2×.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseFeedXml } from '../../../../../electron/core/feeds/feed/adapter.ts';
import { FeedEntryCache } from '../../../../../electron/core/feeds/feed/entry-cache.ts';
import { SHARED_FIXTURES } from '../../../../support/paths.ts';
import { snapshotOf } from './support.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const FEED = readFileSync(resolve(SHARED_FIXTURES, 'rss_atom/github-statuspage-history.atom'));
const KEPT = 40;

/** Heap bytes each kept value costs, after a full collection. */
function heapPerKept(make: () => unknown): number {
  make();
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: KEPT }, make);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept).toHaveLength(KEPT);
  return (after - before) / KEPT;
}

describe('retained memory', () => {
  const json = JSON.stringify(snapshotOf(parseFeedXml(FEED, 'https://x.test/', '2026-08-22T00:00:00.000Z'))).length;

  it('a kept snapshot costs about twice its JSON, not its whole document', () => {
    const perSnapshot = heapPerKept(() => snapshotOf(parseFeedXml(FEED, 'https://x.test/', '2026-08-22T00:00:00.000Z')));
    expect(perSnapshot).toBeLessThan(3 * json);
  });

  it('a kept entry cache keeps no document either', () => {
    const perCache = heapPerKept(() => {
      const cache = new FeedEntryCache();
      parseFeedXml(FEED, 'https://x.test/', '2026-08-22T00:00:00.000Z', cache);
      return cache;
    });
    expect(perCache).toBeLessThan(3 * json);
  });
});
