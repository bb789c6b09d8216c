import type { IncidentStatus } from '../../../../shared/model/index.ts';
import { htmlToText, tidyText } from '../common/html.ts';
import type { EntryMemo } from './entry-cache.ts';
import { currentIncident, currentMaintenance } from './items.ts';
import type { FeedItem } from './items.ts';
import type { FeedEntry } from './read-feed.ts';

/** An entry untouched for this long is taken as over, even if its text never says so. */
const STALE_AFTER_MS = 7 * 86_400_000;

const CLOSED_WORDS = /\b(resolved|completed|fixed|restored|recovered|back to normal|operating normally)\b/i;
const MAINTENANCE_WORDS = /\bmaintenance\b/i;

/**
 * A feed we cannot name: one entry = one incident with one update. Everything about status is
 * inferred, because a generic feed has no status field: an entry is closed when its title or text
 * says so ("resolved", "completed", "operating normally"…) or when it has not changed for 7 days
 * (measured against the fetch time, so parsing stays deterministic) — otherwise every old entry
 * would read as an open incident forever. "Maintenance" in the title makes it a maintenance.
 */
export function genericEntryToItem(entry: FeedEntry, id: string, fetchedAt: string, memo: EntryMemo = {}): FeedItem {
  const at = entry.updated ?? entry.published ?? fetchedAt;
  const title = entry.title ?? '(untitled)';
  const body = entryBodyText(entry, memo);
  const stale = Date.parse(fetchedAt) - Date.parse(at) > STALE_AFTER_MS;
  const saysClosed = CLOSED_WORDS.test(title) || CLOSED_WORDS.test(body.slice(0, 2000));
  const closed = saysClosed || stale;
  const state = { entry, id, at, body, components: [] };
  if (MAINTENANCE_WORDS.test(title)) {
    return currentMaintenance({ ...state, label: saysClosed ? 'Completed' : closed ? 'Update' : 'Scheduled' }, closed ? 'completed' : 'scheduled');
  }
  const status: IncidentStatus = closed ? 'resolved' : 'investigating';
  return currentIncident({ ...state, label: saysClosed ? 'Resolved' : closed ? 'Update' : 'Investigating' }, status);
}

/** An entry's content as plain text (HTML dropped, whitespace tidied), once per entry's bytes. */
export function entryBodyText(entry: FeedEntry, memo: EntryMemo): string {
  return (memo.bodyText ??= entry.content === undefined ? '' : entry.contentIsHtml ? htmlToText(entry.content) : tidyText(entry.content));
}
