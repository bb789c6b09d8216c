import type { FeedWarning } from '../../../../shared/model/index.ts';
import { htmlToText } from '../common/html.ts';
import { azureEntryToItem } from './azure-entry.ts';
import type { EntryMemo, KeptItem } from './entry-cache.ts';
import type { EntryTimeline } from './entry-timeline.ts';
import { EntryWarnings } from './entry-warnings.ts';
import type { Flavour } from './flavour.ts';
import { genericEntryToItem } from './generic-entry.ts';
import { incidentioEntryToItem } from './incidentio-entry.ts';
import type { FeedItem } from './items.ts';
import { countStampLike, parsePlainTimeline } from './plain-timeline.ts';
import type { FeedEntry } from './read-feed.ts';
import type { ParsedTimeline } from './timeline.ts';
import { timelineEntryToItem } from './timeline-entry.ts';

/**
 * One entry → one incident or maintenance, by flavour. A Statuspage or Instatus entry is read
 * from its HTML timeline, else from the plain-text runs Instatus also writes; an entry whose text
 * has stamps but yields no update is still shown (as one update holding all of its text), with an
 * `unread_timeline` warning naming it, never as a quiet success.
 */
export function entryToItem(
  entry: FeedEntry, timeline: EntryTimeline, flavour: Flavour, id: string, fetchedAt: string, warnings: FeedWarning[],
  memo: EntryMemo = {},
): FeedItem {
  if (flavour === 'incidentio') return incidentioEntryToItem(entry, id, fetchedAt, warnings, memo);
  if (flavour === 'azure') return azureEntryToItem(entry, id, fetchedAt, memo);
  if (flavour === 'statuspage' || flavour === 'instatus') {
    const item = timelineItem(entry, timeline, flavour, id, fetchedAt, warnings, memo);
    if (item) return item;
  }
  // A generic feed's entry warns only for stamps its HTML timeline could not read: its text is
  // only counted when a warning may follow (it is the costly part of reading a generic entry).
  const unread = timeline.hints?.unread ?? 0;
  if (unread > 0 || flavour !== 'feed') {
    const text = `${entry.content ?? ''}\n${entry.summary ?? ''}`;
    const stamps = Math.max(unread, countStampLike(entry.contentIsHtml ? htmlToText(text) : text));
    if (stamps > 0) new EntryWarnings(warnings, entry, id).unreadTimeline(stamps);
  }
  return genericEntryToItem(entry, id, fetchedAt, memo);
}

/**
 * A Statuspage or Instatus entry's item, built from its HTML timeline or else its plain-text one;
 * undefined when it has neither. Once the entry's dates are known the item depends only on the
 * entry's bytes, the flavour and the id (the fetch time is only a fallback for an entry with no
 * readable date), so it is kept in the entry's memo and copied out while those stay the same:
 * building it (stamps to instants, statuses) was 31 % of a re-read of a feed whose entries had
 * not changed.
 */
function timelineItem(
  entry: FeedEntry, timeline: EntryTimeline, flavour: 'statuspage' | 'instatus', id: string, fetchedAt: string,
  warnings: FeedWarning[], memo: EntryMemo,
): FeedItem | undefined {
  const key = `${flavour}\u0000${id}`;
  const keepable = entry.published !== undefined || entry.updated !== undefined;
  const kept = keepable && memo.timelineItem?.key === key ? memo.timelineItem : undefined;
  if (kept) {
    for (const w of kept.warnings) warnings.push(w.path === undefined ? { code: w.code, message: w.message } : { code: w.code, message: w.message, path: w.inEntry ? `${entry.path}${w.path}` : w.path });
    return kept.item && copyItem(kept.item);
  }
  const read = (timeline.hints?.blocks ?? 0) > 0 ? timeline.parsed() : plainTimeline(entry);
  const own: FeedWarning[] = [];
  const item = read && timelineEntryToItem(entry, read, id, fetchedAt, own, { platform: flavour });
  warnings.push(...own);
  if (keepable) {
    const inEntry = (path: string | undefined): boolean => path !== undefined && (path === entry.path || path.startsWith(`${entry.path}.`));
    const keptItem: KeptItem = {
      key,
      item: item && copyItem(item),
      warnings: own.map((w) => ({ code: w.code, message: w.message, path: inEntry(w.path) ? w.path?.slice(entry.path.length) : w.path, inEntry: inEntry(w.path) })),
    };
    memo.timelineItem = keptItem;
  }
  return item;
}

/** A copy sharing nothing mutable with the original (strings are immutable and shared). */
function copyItem(item: FeedItem): FeedItem {
  if (item.kind === 'incident') {
    const incident = item.incident;
    return { kind: 'incident', incident: { ...incident, components: [...incident.components], updates: incident.updates.map((u) => ({ ...u })) } };
  }
  const maintenance = item.maintenance;
  return { kind: 'maintenance', maintenance: { ...maintenance, components: [...maintenance.components], updates: maintenance.updates.map((u) => ({ ...u })) } };
}

/** The plain-text timeline of an entry (its content as text, else its summary), if it has blocks. */
function plainTimeline(entry: FeedEntry): ParsedTimeline | undefined {
  for (const source of [entry.content, entry.summary]) {
    if (source === undefined) continue;
    const parsed = parsePlainTimeline(entry.contentIsHtml ? htmlToText(source) : source);
    if (parsed.blocks.length > 0) return parsed;
  }
  return undefined;
}
