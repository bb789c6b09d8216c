/**
 * Errors are values. A feed that cannot be read yields a FeedError (the adapter's verdict on the
 * bytes); a request that cannot complete yields a FetchError (the network's verdict). Keeping them
 * apart is what lets the app say "GitHub's feed is broken" versus "you are offline" — and never
 * report a vendor down because we could not reach it.
 */
export const FEED_ERROR_KINDS = [
  /** The body is empty or whitespace. */
  'empty_body',
  /** An HTML page (error page, SPA shell, login wall) where a feed was expected. */
  'html_page',
  /** Bytes are not valid text in the declared or sniffed encoding. */
  'invalid_encoding',
  /** Syntax error, truncated document, or nesting/entity limits exceeded. */
  'malformed',
  /** Well-formed, but not the format this adapter reads. */
  'wrong_format',
] as const;
export type FeedErrorKind = (typeof FEED_ERROR_KINDS)[number];

export interface FeedError {
  kind: FeedErrorKind;
  message: string;
}

export const FETCH_ERROR_KINDS = [
  'invalid_url',
  /** DNS failure, refused or reset connection: the network, not the vendor, is the suspect. */
  'network',
  'timeout',
  /** Non-2xx/304 answer. */
  'http_status',
  'too_large',
  'too_many_redirects',
] as const;
export type FetchErrorKind = (typeof FETCH_ERROR_KINDS)[number];

export interface FetchError {
  kind: FetchErrorKind;
  message: string;
  url: string;
  /** HTTP status for `http_status`. */
  status?: number;
  /** Seconds the server asked us to wait (Retry-After on 429/503). */
  retryAfterSeconds?: number;
}

/** The shape every fallible boundary returns. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
