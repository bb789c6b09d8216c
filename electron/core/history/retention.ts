import type { DatabaseSync } from 'node:sqlite';
import { ftsRowid } from './apply-poll.ts';
import { stmt } from './statements.ts';

const DAY = 86_400_000;

/**
 * Days of poll log kept, whatever the history window: one row per poll is the only table that
 * grows with time when nothing happens (50 vendors every 5 minutes: 5.3 million rows a year),
 * and what reads it looks back a day (a vendor's retries) or a few dozen polls (diagnostics).
 */
export const POLL_LOG_DAYS = 7;

/**
 * Delete history older than `days`: closed incidents (with their updates and search entries),
 * past maintenances, events and closed component intervals; the poll log after POLL_LOG_DAYS.
 * Kept whatever their age: ongoing incidents (still news) and anything the vendor's feed still
 * lists (deleting it would only have the next poll write it again). Events go by when *we* noticed them, so the
 * event ids that stop a re-notification outlive the incidents they describe. Runs inside the
 * caller's transaction.
 */
export function applyRetention(db: DatabaseSync, days: number, now: string): { incidents: number; events: number; polls: number } {
  const cutoff = new Date(Date.parse(now) - days * DAY).toISOString();
  const old = stmt(db, `SELECT rid AS rowid, vendor_id, id FROM incidents
    WHERE status IN ('resolved', 'postmortem') AND coalesce(resolved_at, last_seen_at) < :cutoff AND last_seen_at < :cutoff`).all({ cutoff }) as { rowid: number; vendor_id: string; id: string }[];
  const updates = stmt(db, 'SELECT rid AS rowid FROM incident_updates WHERE vendor_id = ? AND incident_id = ?');
  const delFts = stmt(db, 'DELETE FROM search_index WHERE rowid = ?');
  const delUpdates = stmt(db, 'DELETE FROM incident_updates WHERE vendor_id = ? AND incident_id = ?');
  const delIncident = stmt(db, 'DELETE FROM incidents WHERE rowid = ?');
  for (const i of old) {
    for (const u of updates.all(i.vendor_id, i.id) as { rowid: number }[]) delFts.run(Number(u.rowid));
    delFts.run(ftsRowid.title(i.rowid));
    delFts.run(ftsRowid.postmortem(i.rowid));
    delUpdates.run(i.vendor_id, i.id);
    delIncident.run(i.rowid);
  }
  stmt(db, 'DELETE FROM maintenances WHERE coalesce(scheduled_until, scheduled_for) < :cutoff AND last_seen_at < :cutoff AND status = \'completed\'').run({ cutoff });
  stmt(db, 'DELETE FROM component_intervals WHERE to_at IS NOT NULL AND to_at < ?').run(cutoff);
  const events = deleteOlder(db, 'events', 'rowid', 'detected_at', 'AND handled IS NOT NULL', cutoff);
  const pollCutoff = new Date(Date.parse(now) - Math.min(days, POLL_LOG_DAYS) * DAY).toISOString();
  const polls = deleteOlder(db, 'poll_log', 'id', 'at', '', pollCutoff);
  // Deleting from FTS5 only appends tombstones; 'optimize' merges the index segments so the
  // forgotten text really leaves the file and searches stop paying for it.
  if (old.length > 0) stmt(db, "INSERT INTO search_index (search_index) VALUES ('optimize')").run();
  return { incidents: old.length, events, polls };
}

/**
 * Delete the rows of an append-only log older than `cutoff`, walking from its oldest row instead
 * of scanning it: rows are appended in time order, and retention runs every hour, so the rows
 * before the first one recent enough are about an hour's worth. (A full scan of the poll log every
 * hour grew with the history: +18 % CPU per cycle over a simulated month.) A row stamped out of
 * order (a clock set back) waits until the rows before it go.
 */
function deleteOlder(db: DatabaseSync, table: 'events' | 'poll_log', key: 'rowid' | 'id', stamp: 'detected_at' | 'at', filter: string, cutoff: string): number {
  const first = stmt(db, `SELECT ${key} AS k FROM ${table} WHERE +${stamp} >= ? ORDER BY ${key} LIMIT 1`).get(cutoff) as { k: number } | undefined;
  const deleted = first === undefined
    ? stmt(db, `DELETE FROM ${table} WHERE +${stamp} < ? ${filter}`).run(cutoff)
    : stmt(db, `DELETE FROM ${table} WHERE ${key} < ? AND +${stamp} < ? ${filter}`).run(first.k, cutoff);
  return Number(deleted.changes);
}
