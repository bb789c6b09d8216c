import type { FeedWarning, Incident, Maintenance, Snapshot } from '../../../../shared/model/index.ts';
import { STATUS_LABELS } from '../../../../shared/model/index.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { decodeBody } from '../common/decode.ts';
import { hostOf } from '../common/host.ts';
import { deriveLevel, sortSnapshot } from '../common/snapshot.ts';
import { awsRssIncidents } from '../aws/rss.ts';
import type { EntryMemo, FeedEntryCache } from './entry-cache.ts';
import { entryIncidentId, uniqueId } from './entry-id.ts';
import { entryToItem } from './entry-item.ts';
import { detectFlavour, hasPlainInstatusType, platformOf } from './flavour.ts';
import type { Flavour } from './flavour.ts';
import { EntryTimeline } from './entry-timeline.ts';
import { readFeedDocument } from './read-feed.ts';
import type { FeedInfo } from './read-feed.ts';

/**
 * The feed adapter's parse context: the caller may pass the feed's entry cache (entry-cache.ts),
 * one per watched feed, kept between polls. Optional: without it every entry is read anew, and
 * the snapshot is the same either way.
 */
export interface FeedParseContext extends ParseContext {
  entryCache?: FeedEntryCache;
}

/**
 * Atom 1.0 / RSS 2.0 status feeds, whichever platform wrote them: the flavour is read from the
 * content (see flavour.ts) and reported as `snapshot.source.platform`. Feeds carry no component
 * list and no overall status, so the level is derived from open incidents and running
 * maintenances. Entry point for benchmarks: `parseFeedXml` below.
 *
 * What each flavour's feed lists (`snapshot.source.listing`):
 * - Statuspage, Instatus, incident.io, AWS and generic feeds: `history`. Past entries stay listed
 *   until newer ones push them out of the window, so an entry that leaves the feed has only slid
 *   out of it and says nothing about its end.
 * - Azure: `active`. The feed lists only what is ongoing, so an item that leaves it is over.
 */
export const feedXmlAdapter: FeedAdapter = {
  id: 'feed-xml',
  platform: 'feed',
  parse(docs: FeedDocuments, ctx: FeedParseContext): ParseResult {
    const doc = docs['main'];
    if (!doc) return { ok: false, error: { kind: 'empty_body', message: 'No feed document was fetched.' } };
    return parseFeedXml(doc.body, ctx.sourceUrl, ctx.fetchedAt, ctx.entryCache);
  },
};

/**
 * Bytes of one Atom/RSS document → snapshot or FeedError. Total: never throws. With `cache`,
 * entries whose bytes the cache saw in the feed's previous version are not read again (see
 * entry-cache.ts); the snapshot is the same with or without it.
 */
export function parseFeedXml(body: Uint8Array, url: string, fetchedAt: string, cache?: FeedEntryCache): ParseResult {
  const decoded = decodeBody(body);
  if (!decoded.ok) return decoded;
  const warnings: FeedWarning[] = [];
  const read = readFeedDocument(decoded.text, warnings, cache);
  if (!read.ok) return read;
  const { feed, memos } = read;
  const memoOf = (i: number): EntryMemo => memos[i] ?? {};
  const timelines = feed.entries.map((entry, i) => new EntryTimeline(entry, memoOf(i)));
  const flavour = detectFlavour(feed, (i) => timelines[i]?.hints, (i) => (memoOf(i).plainInstatusType ??= hasPlainInstatusType(feed.entries[i])));

  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  if (flavour === 'aws') incidents.push(...awsRssIncidents(feed.entries, fetchedAt, warnings));
  else {
    const used = new Set<string>();
    for (const [i, entry] of feed.entries.entries()) {
      const id = uniqueId(entryIncidentId(entry, flavour === 'instatus'), entry, used);
      const item = entryToItem(entry, timelines[i] ?? new EntryTimeline(entry, memoOf(i)), flavour, id, fetchedAt, warnings, memoOf(i));
      if (item.kind === 'incident') incidents.push(item.incident);
      else maintenances.push(item.maintenance);
    }
  }
  const level = deriveLevel([], incidents, maintenances);
  const source: Snapshot['source'] = { url, platform: platformOf(flavour), format: 'feed-xml', fetchedAt };
  if (flavour === 'azure') source.listing = 'active';
  const snapshot: Snapshot = {
    source,
    page: pageOf(feed, flavour, url),
    status: { level, description: STATUS_LABELS[level] },
    components: [],
    incidents,
    maintenances,
    warnings,
  };
  return { ok: true, snapshot: sortSnapshot(snapshot) };
}

/**
 * Statuspage titles its feed "GitHub Status - Incident History" and names the author "GitHub";
 * Instatus writes "Northflank Status - Incident history" (lower-case h) [F].
 */
function pageOf(feed: FeedInfo, flavour: Flavour, url: string): Snapshot['page'] {
  const title = feed.title?.replace(/\s+-\s+Incident History$/i, '');
  const name = (flavour === 'statuspage' ? feed.author : undefined) ?? title ?? feed.author ?? hostOf(url);
  return { name, url: feed.link ?? url };
}
