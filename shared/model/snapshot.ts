import type { Component } from './component.ts';
import type { Incident, Maintenance } from './incident.ts';
import type { Platform } from './platform.ts';
import type { StatusLevel } from './status.ts';

/**
 * Something an adapter could not read. Warnings never stop a snapshot: a vendor with one odd
 * field still shows its status, and the warning tells the user (and us) what was skipped.
 */
export interface FeedWarning {
  /** Machine-readable reason, e.g. `unknown_status`, `bad_date`, `missing_field`. */
  code: string;
  message: string;
  /** Where in the document, e.g. `incidents[3].incident_updates[0].display_at`. */
  path?: string;
}

/** Everything one read of a vendor's status page says, in the normalised model. */
export interface Snapshot {
  source: {
    /** The URL the user gave or the primary endpoint read. */
    url: string;
    platform: Platform;
    /** Which adapter produced this (e.g. `statuspage-json`, `atom`). */
    format: string;
    fetchedAt: string;
    /**
     * What the feed lists. `history` (the default): past items stay listed, so an item that leaves
     * the feed has only slid out of its window and is never taken as resolved. `active`: the feed
     * lists only what is ongoing (Azure's status RSS, AWS current events), so an item that leaves
     * it is over, and is resolved at that poll as "no longer listed by the vendor".
     */
    listing?: 'history' | 'active';
  };
  page: { name: string; url: string };
  status: { level: StatusLevel; description: string };
  components: Component[];
  /** Newest first by start time. */
  incidents: Incident[];
  /** Soonest first by scheduled start. */
  maintenances: Maintenance[];
  warnings: FeedWarning[];
}
