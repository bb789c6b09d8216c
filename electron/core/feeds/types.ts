import type { FeedError, FeedWarning, Platform, Snapshot } from '../../../shared/model/index.ts';

/** One HTTP body handed to an adapter. Adapters never fetch; the poller does. */
export interface FeedDocument {
  /** Where the bytes came from (after redirects). Used to resolve relative links. */
  url: string;
  body: Uint8Array;
  /** The Content-Type header, if any. A hint only: vendors mislabel feeds all the time. */
  contentType: string | null;
}

/**
 * The documents an adapter reads, by role. Most adapters read one `main` document; Statuspage JSON
 * merges `summary`, `incidents` and `maintenances` because the summary alone has no history.
 */
export type FeedDocuments = Record<string, FeedDocument | undefined>;

export interface ParseContext {
  /** The URL the user watches (their words), reported back in `snapshot.source.url`. */
  sourceUrl: string;
  /** UTC ISO instant of the fetch; adapters never read the clock, so parsing stays deterministic. */
  fetchedAt: string;
  /**
   * IANA zone for platforms whose timestamps carry none (Cachet). Unset means UTC, and the adapter
   * says so in a warning.
   */
  timeZone?: string;
}

/** An adapter's answer: a snapshot (possibly with warnings) or a typed error. Never a throw. */
export type ParseResult = { ok: true; snapshot: Snapshot } | { ok: false; error: FeedError };

/** A document an adapter wants fetched, relative to the page's base URL. */
export interface EndpointSpec {
  role: string;
  /** Absolute URL. */
  url: string;
  /** Optional documents enrich the snapshot; their failure becomes a warning, not an error. */
  optional: boolean;
}

/**
 * A reader for one wire format. `parse` is total: whatever the bytes, it returns a ParseResult.
 */
export interface FeedAdapter {
  /** Stable id, e.g. `statuspage-json`, `atom`, `cachet-v2`. Stored with each watched vendor. */
  id: string;
  platform: Platform;
  parse(docs: FeedDocuments, ctx: ParseContext): ParseResult;
}

export type { FeedWarning };
