import type { Platform } from './platform.ts';

/**
 * A vendor Upstream knows how to read: from the embedded catalogue, or detected from a URL the
 * user pasted. `adapter` + `base` are enough to compute every endpoint to poll.
 */
export interface VendorSource {
  /** Stable slug, e.g. `github`, `stripe`; user-added vendors get a slug of their host. */
  id: string;
  name: string;
  /** The status page a person would open. */
  url: string;
  platform: Platform;
  /** Adapter id (see electron/core/feeds/endpoints.ts). */
  adapter: string;
  /** Base URL the adapter's endpoint paths hang off (or the document URL for feeds). */
  base: string;
}

/** A catalogue entry: a VendorSource plus what helps people find it. */
export interface CatalogEntry extends VendorSource {
  /** e.g. "Payments", "Developer tools", "Cloud". */
  category: string;
  /** Former names, searchable (from stts' old_names). */
  aliases: string[];
}

/**
 * How Upstream sees a vendor's feed right now, apart from the vendor's own status: a feed that
 * answers garbage is `feed_broken`; when *we* cannot reach anything, every vendor is `stale`
 * (never "down").
 */
export const FEED_HEALTH = ['ok', 'pending', 'feed_broken', 'unreachable', 'stale'] as const;
export type FeedHealth = (typeof FEED_HEALTH)[number];
