import type { FeedWarning } from '../../../../shared/model/index.ts';
import { htmlToText } from '../common/html.ts';
import { azureEntryToItem } from './azure-entry.ts';
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
  entry: FeedEntry, timeline: ParsedTimeline | undefined, flavour: Flavour, id: string, fetchedAt: string, warnings: FeedWarning[],
): FeedItem {
  if (flavour === 'incidentio') return incidentioEntryToItem(entry, id, fetchedAt, warnings);
  if (flavour === 'azure') return azureEntryToItem(entry, id, fetchedAt);
  if (flavour === 'statuspage' || flavour === 'instatus') {
    const read = timeline && timeline.blocks.length > 0 ? timeline : plainTimeline(entry);
    if (read) return timelineEntryToItem(entry, read, id, fetchedAt, warnings, { platform: flavour });
  }
  const text = `${entry.content ?? ''}\n${entry.summary ?? ''}`;
  const stamps = Math.max(timeline?.unread.length ?? 0, countStampLike(entry.contentIsHtml ? htmlToText(text) : text));
  if (timeline && timeline.unread.length > 0 || (flavour !== 'feed' && stamps > 0)) new EntryWarnings(warnings, entry, id).unreadTimeline(stamps);
  return genericEntryToItem(entry, id, fetchedAt);
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
