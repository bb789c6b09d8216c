import type { EntryMemo } from './entry-cache.ts';
import { INSTATUS_TYPE_LINE } from './flavour.ts';
import type { FeedEntry } from './read-feed.ts';
import { parseTimeline } from './timeline.ts';
import type { ParsedTimeline } from './timeline.ts';

/** What flavour detection and generic entries need from an entry's HTML timeline. */
export interface TimelineHints {
  /** A prelude line is Instatus's `Type: Incident|Maintenance`. */
  instatusTypeLine: boolean;
  /** How many dated blocks it has. */
  blocks: number;
  /** How many stamp-like runs could not be read. */
  unread: number;
}

/**
 * An entry's HTML timeline during one parse. The parsed timeline lives only as long as the parse
 * (a Statuspage timeline holds a stamp, a label and a body per update: ~40 KB for a GitHub feed);
 * what later parses need is kept in the entry's memo: these hints, and the item built from the
 * timeline (entry-item.ts). Parsed on first use only: AWS, incident.io and Azure feeds never need it.
 */
export class EntryTimeline {
  readonly #entry: FeedEntry;
  readonly #memo: EntryMemo;
  #parsed: ParsedTimeline | null | undefined;

  constructor(entry: FeedEntry, memo: EntryMemo) {
    this.#entry = entry;
    this.#memo = memo;
  }

  /** Undefined when the entry has no HTML content. */
  get hints(): TimelineHints | undefined {
    if (this.#memo.timelineHints === undefined) {
      const t = this.parsed();
      this.#memo.timelineHints = t === undefined ? null : {
        instatusTypeLine: t.prelude.some((line) => INSTATUS_TYPE_LINE.test(line)),
        blocks: t.blocks.length,
        unread: t.unread.length,
      };
    }
    return this.#memo.timelineHints ?? undefined;
  }

  /** The timeline of the entry's HTML content; undefined when its content is not HTML. */
  parsed(): ParsedTimeline | undefined {
    if (this.#parsed === undefined) {
      const entry = this.#entry;
      this.#parsed = entry.content !== undefined && entry.contentIsHtml ? parseTimeline(entry.content) : null;
    }
    return this.#parsed ?? undefined;
  }
}
