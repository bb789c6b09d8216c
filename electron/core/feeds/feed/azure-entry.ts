import type { EntryMemo } from './entry-cache.ts';
import { entryBodyText } from './generic-entry.ts';
import { currentIncident, currentMaintenance } from './items.ts';
import type { FeedItem } from './items.ts';
import type { FeedEntry } from './read-feed.ts';

const MAINTENANCE_WORDS = /\bmaintenance\b/i;

/**
 * Azure's status RSS (`azure.status.microsoft/en-us/status/feed/`) lists only the issues that are
 * ongoing [F: structure of the real, empty feed; items per Azure's status page, hand-written
 * fixture]: every listed item is open, whatever its age, and an item that leaves the feed is over
 * (the adapter marks the snapshot `listing: 'active'`; the engine resolves what is no longer
 * listed). So, unlike a generic feed, nothing here closes an item after 7 quiet days.
 * Each `<category>` is an affected service or region: they are the item's components. The item
 * holds its current text only, so it is one update at `<pubDate>`; an edit in place (same guid,
 * new text) is a new update for the engine to notice. Azure gives no status word, so the label is
 * "Update" (inferred) and the status "investigating" while listed.
 */
export function azureEntryToItem(entry: FeedEntry, id: string, fetchedAt: string, memo: EntryMemo = {}): FeedItem {
  const at = entry.updated ?? entry.published ?? fetchedAt;
  const body = entryBodyText(entry, memo);
  const components = [...new Set(entry.categories.map((c) => c.trim()).filter((c) => c !== ''))];
  const state = { entry, id, at, label: 'Update', body, components };
  if (MAINTENANCE_WORDS.test(entry.title ?? '')) return currentMaintenance(state, 'in_progress');
  return currentIncident(state, 'investigating');
}
