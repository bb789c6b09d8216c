import type { DatabaseSync } from 'node:sqlite';

/**
 * Versioned schema. Each migration runs in its own transaction and bumps `user_version`, so an
 * interrupted upgrade leaves the previous version intact. Never edit a shipped migration: add one.
 *
 * Full-text search uses a contentful FTS5 table we fill ourselves, with rowids derived from the
 * row they index (update rowid; -2·incident rowid for a title, -2·rowid-1 for a postmortem), so
 * a row's entry is replaced or deleted by rowid, never by scanning the index. Contentful rather
 * than external-content: deleting from an external-content FTS5 table needs the exact old text,
 * and a delete issued with the wrong text corrupts the index silently; here a delete by rowid is
 * always right, at the cost of storing the text twice.
 * `incidents` and `incident_updates` declare `rid INTEGER PRIMARY KEY` (an alias of rowid) because
 * SQLite may renumber implicit rowids on VACUUM, which would detach the search entries.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE vendors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL, platform TEXT NOT NULL,
    adapter TEXT NOT NULL, base TEXT NOT NULL, known_state TEXT, level TEXT, description TEXT,
    health TEXT NOT NULL DEFAULT 'pending', last_poll_at TEXT, last_success_at TEXT, last_error TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0, first_seen_at TEXT NOT NULL
  );
  CREATE TABLE incidents (
    rid INTEGER PRIMARY KEY, vendor_id TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, url TEXT, impact TEXT NOT NULL,
    status TEXT NOT NULL, started_at TEXT NOT NULL, resolved_at TEXT, components TEXT NOT NULL,
    postmortem TEXT, first_seen_at TEXT NOT NULL, last_seen_at TEXT NOT NULL,
    no_longer_reported INTEGER NOT NULL DEFAULT 0, UNIQUE (vendor_id, id)
  );
  CREATE INDEX incidents_started ON incidents (started_at);
  CREATE TABLE incident_updates (
    rid INTEGER PRIMARY KEY, vendor_id TEXT NOT NULL, incident_id TEXT NOT NULL, key TEXT NOT NULL, update_id TEXT, status TEXT NOT NULL,
    label TEXT NOT NULL, body TEXT NOT NULL, at TEXT NOT NULL, UNIQUE (vendor_id, incident_id, key)
  );
  CREATE TABLE maintenances (
    vendor_id TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, url TEXT, status TEXT NOT NULL,
    scheduled_for TEXT NOT NULL, scheduled_until TEXT, components TEXT NOT NULL, updates TEXT NOT NULL,
    first_seen_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, UNIQUE (vendor_id, id)
  );
  CREATE INDEX maintenances_window ON maintenances (scheduled_for);
  CREATE TABLE component_intervals (
    id INTEGER PRIMARY KEY, vendor_id TEXT NOT NULL, component_id TEXT NOT NULL, name TEXT NOT NULL,
    grp TEXT, status TEXT NOT NULL, from_at TEXT NOT NULL, to_at TEXT
  );
  CREATE INDEX component_intervals_open ON component_intervals (vendor_id, component_id, to_at);
  CREATE TABLE events (
    id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL, kind TEXT NOT NULL, subject_id TEXT, at TEXT NOT NULL,
    detected_at TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, impact TEXT NOT NULL,
    level TEXT NOT NULL, url TEXT, handled TEXT, handled_at TEXT
  );
  CREATE INDEX events_pending ON events (handled) WHERE handled IS NULL;
  CREATE INDEX events_vendor_at ON events (vendor_id, at);
  CREATE TABLE poll_log (
    id INTEGER PRIMARY KEY, vendor_id TEXT NOT NULL, at TEXT NOT NULL, outcome TEXT NOT NULL,
    latency_ms INTEGER NOT NULL, bytes INTEGER NOT NULL, http_status INTEGER, error TEXT,
    retries INTEGER NOT NULL
  );
  CREATE INDEX poll_log_vendor_at ON poll_log (vendor_id, at);
  CREATE VIRTUAL TABLE search_index USING fts5(
    vendor_id UNINDEXED, incident_id UNINDEXED, field UNINDEXED, at UNINDEXED, text,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  `,
  // 2: the poller's memory out of the vendors row. A quiet poll rewrites the vendors row (last poll,
  // health); with ~75 KB of known state inline that was ~18 overflow pages of WAL per 304. The
  // known state gets a table of its own, written only when a read changed it; reachability (a few
  // bytes, changed by failures) and what the faces show of the last read (`view`, so listing 1,000
  // vendors parses no known state) stay in the row. `read_at` (the known state's readAt) tells a
  // copy held in memory from a stale one without reading the JSON; `absent` holds the items the
  // last read did not list, rewritten only when they change (known-state.ts `splitKnown`). `endpoint_cache` keeps each endpoint's
  // conditional-GET validators, written in the same transaction as the known state they stand for,
  // so a restart or `daemon --once` revalidates instead of re-reading everything; `body` only for
  // adapters of several documents, whose partial 304 needs the unchanged document to parse again.
  // `poll_log_retried`: the views' "retries in the last day" reads only the polls that retried.
  // `incidents_closed_seen`, `component_intervals_closed`: hourly retention finds what is old
  // without scanning the tables (the scans grew with the history).
  `
  ALTER TABLE vendors ADD COLUMN reachability TEXT;
  ALTER TABLE vendors ADD COLUMN view TEXT;
  CREATE TABLE vendor_known (vendor_id TEXT PRIMARY KEY, known TEXT NOT NULL, absent TEXT, read_at TEXT);
  INSERT INTO vendor_known (vendor_id, known, read_at)
    SELECT id, json_extract(known_state, '$.known'), json_extract(known_state, '$.known.readAt') FROM vendors
    WHERE json_valid(known_state) AND json_type(known_state, '$.known') = 'object';
  UPDATE vendors SET reachability = json_extract(known_state, '$.reachability')
    WHERE json_valid(known_state) AND json_type(known_state, '$.reachability') = 'object';
  UPDATE vendors SET known_state = NULL;
  CREATE INDEX poll_log_retried ON poll_log (vendor_id, at) WHERE retries > 0;
  CREATE INDEX incidents_closed_seen ON incidents (last_seen_at) WHERE status IN ('resolved', 'postmortem');
  CREATE INDEX component_intervals_closed ON component_intervals (to_at) WHERE to_at IS NOT NULL;
  CREATE TABLE endpoint_cache (
    vendor_id TEXT NOT NULL, url TEXT NOT NULL, etag TEXT, last_modified TEXT,
    body BLOB, final_url TEXT, content_type TEXT, PRIMARY KEY (vendor_id, url)
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

function versionOf(db: DatabaseSync): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

/**
 * The refusal message for a file written by a newer Upstream, or null. Reading `user_version`
 * writes nothing, so open.ts asks this before any pragma that would change the file.
 */
export function newerThanKnown(db: DatabaseSync): string | null {
  const current = versionOf(db);
  return current > SCHEMA_VERSION
    ? `was written by a newer Upstream (schema ${current}; this version knows ${SCHEMA_VERSION}). Update Upstream; the file was not changed.`
    : null;
}

/** Bring a database up to SCHEMA_VERSION; refuse (without touching it) one newer than we know. */
export function migrate(db: DatabaseSync): { ok: true } | { ok: false; message: string } {
  const newer = newerThanKnown(db);
  if (newer) return { ok: false, message: newer };
  const current = versionOf(db);
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
  return { ok: true };
}
