import type { DatabaseSync } from 'node:sqlite';
import { ftsRowid } from './apply-poll.ts';

const DAY = 86_400_000;

/**
 * Delete history older than `days`: closed incidents (with their updates and search entries),
 * past maintenances, events, poll log rows and closed component intervals. Ongoing incidents are
 * kept whatever their age: they are still news. Runs inside the caller's transaction.
 */
export function applyRetention(db: DatabaseSync, days: number, now: string): { incidents: number; events: number; polls: number } {
  const cutoff = new Date(Date.parse(now) - days * DAY).toISOString();
  const old = db.prepare(`SELECT rowid, vendor_id, id FROM incidents
    WHERE status IN ('resolved', 'postmortem') AND coalesce(resolved_at, last_seen_at) < ?`).all(cutoff) as { rowid: number; vendor_id: string; id: string }[];
  const updates = db.prepare('SELECT rowid FROM incident_updates WHERE vendor_id = ? AND incident_id = ?');
  const delFts = db.prepare('DELETE FROM search_index WHERE rowid = ?');
  const delUpdates = db.prepare('DELETE FROM incident_updates WHERE vendor_id = ? AND incident_id = ?');
  const delIncident = db.prepare('DELETE FROM incidents WHERE rowid = ?');
  for (const i of old) {
    for (const u of updates.all(i.vendor_id, i.id) as { rowid: number }[]) delFts.run(Number(u.rowid));
    delFts.run(ftsRowid.title(i.rowid));
    delFts.run(ftsRowid.postmortem(i.rowid));
    delUpdates.run(i.vendor_id, i.id);
    delIncident.run(i.rowid);
  }
  db.prepare('DELETE FROM maintenances WHERE coalesce(scheduled_until, scheduled_for) < ? AND status = \'completed\'').run(cutoff);
  db.prepare('DELETE FROM component_intervals WHERE to_at IS NOT NULL AND to_at < ?').run(cutoff);
  const events = db.prepare('DELETE FROM events WHERE at < ? AND handled IS NOT NULL').run(cutoff);
  const polls = db.prepare('DELETE FROM poll_log WHERE at < ?').run(cutoff);
  return { incidents: old.length, events: Number(events.changes), polls: Number(polls.changes) };
}
