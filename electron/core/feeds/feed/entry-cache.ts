import { hash } from 'node:crypto';
import type { FeedEntry } from './read-feed.ts';
import type { IncidentioContent } from './incidentio-entry.ts';
import type { FeedItem } from './items.ts';
import type { TimelineHints } from './entry-timeline.ts';

/**
 * What the adapter has worked out from one entry's bytes, filled as the adapter needs it. Each
 * value is a pure function of the entry's markup (the kept item: of the markup and of the flavour
 * and id it records as its key), so it can be reused whenever the same bytes come back. Strings
 * are detached copies (common/decode.ts): nothing here keeps a document alive.
 */
export interface EntryMemo {
  /** What its HTML timeline tells (entry-timeline.ts); null when its content is not HTML. */
  timelineHints?: TimelineHints | null;
  /** Whether its text opens with Instatus's `Type:` line (flavour.ts). */
  plainInstatusType?: boolean;
  /** Its content as plain text (generic and Azure entries). */
  bodyText?: string;
  /** Its content read as incident.io writes it. */
  incidentio?: IncidentioContent;
  /** Its Statuspage or Instatus item for one flavour and id (see entry-item.ts). */
  timelineItem?: KeptItem;
}

/**
 * An item built from an entry's timeline, with the warnings building it gave. A warning's path
 * inside the entry is kept without the entry's own `entry[i]` prefix (`inEntry`), which depends
 * on where the entry sits. Never handed out: callers get a copy.
 */
export interface KeptItem {
  /** Flavour and id the item was built for. */
  key: string;
  /** Undefined when the entry has no timeline to build from. */
  item: FeedItem | undefined;
  warnings: { code: string; message: string; path: string | undefined; inEntry: boolean }[];
}

/** What an entry says, without where it sits in the document and without its bodies. */
export type EntryFields = Omit<FeedEntry, 'path' | 'content' | 'summary'>;

/** A date the entry carries but that could not be read: warned about at `${path}.${field}`. */
export interface DateProblem { code: string; message: string; field: string }

/** One entry as read before: its fields, its date problems, and the memo of what was derived. */
export interface EntryRecord {
  fields: EntryFields;
  problems: DateProblem[];
  memo: EntryMemo;
}

/**
 * Entries already read from one feed, by a hash of their markup, so a new version of the feed
 * re-reads only the entries that changed: 98 % of entries are byte-identical from one version of
 * a status feed to the next (GitHub history.atom replay). The adapter stays a total, pure
 * function of the bytes: with or without a cache, and whatever the cache holds, the snapshot is
 * the same (tested on the 373-version replay); the cache only saves work.
 *
 * Owned by the caller, one per watched feed, passed to the adapter as `entryCache` in its parse
 * context (feed/adapter.ts `FeedParseContext`), rather than a module-level cache: its lifetime is
 * the vendor's, nothing is shared between vendors or tests, and no global bound is needed.
 * Bounded by design: after each parse it holds exactly the entries of the document just read
 * (a document the lean reader declines is not cached at all), so it grows with the feed's window
 * (25 entries for a Statuspage feed), never with time, incidents or polls. Measured on GitHub's
 * 97 KB history.atom: ~30 KB of heap beyond the snapshot it shares its strings with (the items
 * it hands out copies of, the entries' fields, the keys). Losing it (a restart) only costs one
 * full read. Keyed by SHA-256 of the entry's markup and of the format reading it, so a collision
 * cannot show one entry's text for another.
 */
export class FeedEntryCache {
  #records = new Map<string, EntryRecord>();
  #reused = 0;
  #read = 0;

  /** The record for an entry's markup, if this cache read the same bytes in the last document. */
  get(key: string): EntryRecord | undefined {
    return this.#records.get(key);
  }

  /** Keep exactly the records of the document just read, and how many of its entries were reused. */
  replace(records: Map<string, EntryRecord>, counts: { reused: number; read: number }): void {
    this.#records = records;
    this.#reused = counts.reused;
    this.#read = counts.read;
  }

  /** How many entries the last document reused and read anew (for tests and benchmarks). */
  get lastParse(): { reused: number; read: number } {
    return { reused: this.#reused, read: this.#read };
  }

  /** How many entries are held now. */
  get size(): number {
    return this.#records.size;
  }
}

/** Cache key of an entry's markup as read by a format (`atom` or `rss` read it differently). */
export function entryKey(format: 'atom' | 'rss', markup: string): string {
  return hash('sha256', `${format}\u0000${markup}`, 'base64');
}
