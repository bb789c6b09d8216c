import type { FeedWarning } from '../../../../shared/model/index.ts';
import { warn } from '../common/warnings.ts';
import type { FeedEntry } from './read-feed.ts';

/**
 * The feed adapter's warnings, each naming the entry (title and id) and what could not be read,
 * so a user looking at the vendor's page can find the update we could not show. One warning per
 * entry and problem: a timeline with ten stamps in an unknown zone says so once.
 */
export class EntryWarnings {
  private readonly seen = new Set<string>();
  private readonly warnings: FeedWarning[];
  private readonly entry: FeedEntry;
  private readonly id: string;

  constructor(warnings: FeedWarning[], entry: FeedEntry, id: string) {
    this.warnings = warnings;
    this.entry = entry;
    this.id = id;
  }

  /** `"Title" (id)`, as the vendor titled it. */
  get name(): string {
    return `"${(this.entry.title ?? '(untitled)').slice(0, 100)}" (${this.id})`;
  }

  /** A zone we do not know, or none printed at all (`zone` empty): read as UTC, which may be wrong. */
  unknownZone(zone: string, stampText: string): void {
    const what = zone === '' ? `no time zone in "${stampText}"` : `unknown time zone "${zone}" in "${stampText}"`;
    this.once('unknown_zone', zone, `${this.name}: ${what}; its updates are read as UTC.`);
  }

  unknownLabel(label: string): void {
    this.once('unknown_label', label, `${this.name}: unknown update label "${label}"; read as an update without a status change.`);
  }

  /** A stamp-like `<small>` that is not a readable stamp: its update's time is lost. */
  unreadStamp(text: string): void {
    this.once('unreadable_stamp', text, `${this.name}: could not read the time "${text.slice(0, 60)}"; that update is kept inside the one before it.`);
  }

  /** Content that has stamps but gave no update: shown as one update holding the whole text. */
  unreadTimeline(stamps: number): void {
    this.once('unread_timeline', '', `${this.name}: the text holds ${stamps} time stamp${stamps === 1 ? '' : 's'} but no update could be read from it; shown as one update with the whole text.`);
  }

  private once(code: string, key: string, message: string): void {
    if (this.seen.has(`${code}\u0000${key}`)) return;
    this.seen.add(`${code}\u0000${key}`);
    warn(this.warnings, code, message, `${this.entry.path}.content`);
  }
}
