import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Component, Incident, Maintenance, Snapshot, VendorEvent } from '../../../shared/model/index.ts';
import type { KnownState } from '../changes/known-state.ts';
import { contentKey } from '../changes/update-keys.ts';
import { pollSucceeded, type PollResult, type StoredVendorState } from '../polling/poll-result.ts';

type Stmts = Record<string, StatementSync>;

/** Prepared once per store: a poll is a few dozen statements, so preparing them each time would dominate. */
export function preparePollStatements(db: DatabaseSync): Stmts {
  const p = (sql: string): StatementSync => db.prepare(sql);
  return {
    vendorUpsert: p(`INSERT INTO vendors (id, name, url, platform, adapter, base, known_state, level, description, health,
        last_poll_at, last_success_at, last_error, consecutive_failures, first_seen_at)
      VALUES (:id, :name, :url, :platform, :adapter, :base, :known, :level, :description, :health, :at, :success, :error, :failures, :at)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url, platform = excluded.platform,
        adapter = excluded.adapter, base = excluded.base, known_state = coalesce(excluded.known_state, vendors.known_state),
        level = coalesce(excluded.level, vendors.level), description = coalesce(excluded.description, vendors.description),
        health = excluded.health, last_poll_at = excluded.last_poll_at,
        last_success_at = coalesce(excluded.last_success_at, vendors.last_success_at), last_error = excluded.last_error,
        consecutive_failures = CASE WHEN excluded.last_success_at IS NULL THEN vendors.consecutive_failures + 1 ELSE 0 END`),
    incidentGet: p('SELECT rid AS rowid, title, postmortem FROM incidents WHERE vendor_id = ? AND id = ?'),
    incidentInsert: p(`INSERT INTO incidents (vendor_id, id, title, url, impact, status, started_at, resolved_at, components, postmortem,
        first_seen_at, last_seen_at, no_longer_reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    incidentUpdate: p(`UPDATE incidents SET title = ?, url = ?, impact = ?, status = ?, started_at = ?, resolved_at = ?, components = ?,
        postmortem = ?, last_seen_at = ?, no_longer_reported = ? WHERE rowid = ?`),
    incidentFlag: p('UPDATE incidents SET no_longer_reported = ? WHERE vendor_id = ? AND id = ?'),
    updateKeys: p('SELECT rid AS rowid, key, status, label, body, at FROM incident_updates WHERE vendor_id = ? AND incident_id = ?'),
    updateInsert: p('INSERT INTO incident_updates (vendor_id, incident_id, key, update_id, status, label, body, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    updateDelete: p('DELETE FROM incident_updates WHERE rowid = ?'),
    updateRewrite: p('UPDATE incident_updates SET status = ?, label = ?, body = ?, at = ? WHERE rowid = ?'),
    maintenanceUpsert: p(`INSERT INTO maintenances (vendor_id, id, title, url, status, scheduled_for, scheduled_until, components, updates, first_seen_at, last_seen_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vendor_id, id) DO UPDATE SET title = excluded.title, url = excluded.url,
        status = excluded.status, scheduled_for = excluded.scheduled_for, scheduled_until = excluded.scheduled_until,
        components = excluded.components, updates = excluded.updates, last_seen_at = excluded.last_seen_at`),
    openIntervals: p('SELECT id, component_id, status FROM component_intervals WHERE vendor_id = ? AND to_at IS NULL'),
    closeInterval: p('UPDATE component_intervals SET to_at = ? WHERE id = ?'),
    openInterval: p('INSERT INTO component_intervals (vendor_id, component_id, name, grp, status, from_at) VALUES (?, ?, ?, ?, ?, ?)'),
    // ON CONFLICT (id), not INSERT OR IGNORE: OR IGNORE would also swallow a NOT NULL violation,
    // and a malformed event would vanish unnotified instead of failing the poll as the bug it is.
    eventInsert: p(`INSERT INTO events (id, vendor_id, kind, subject_id, at, detected_at, title, body, impact, level, url)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
    pollInsert: p('INSERT INTO poll_log (vendor_id, at, outcome, latency_ms, bytes, http_status, error, retries) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    ftsInsert: p('INSERT INTO search_index (rowid, vendor_id, incident_id, field, at, text) VALUES (?, ?, ?, ?, ?, ?)'),
    ftsDelete: p('DELETE FROM search_index WHERE rowid = ?'),
  };
}

/** FTS rowids derived from the indexed row (see migrations.ts). */
export const ftsRowid = {
  title: (incidentRowid: number | bigint): number => -2 * Number(incidentRowid),
  postmortem: (incidentRowid: number | bigint): number => -2 * Number(incidentRowid) - 1,
};

/**
 * Write one poll in ONE transaction: vendor state, incidents and updates seen in this poll,
 * maintenances, component status intervals, events and the poll log. Returns only the events
 * that were not stored before: that is what makes a restart (or a replayed poll) re-notify
 * nothing. Any error rolls the whole poll back, so a kill -9 loses at most the poll in flight.
 */
export function applyPoll(db: DatabaseSync, s: Stmts, poll: PollResult, stateChanged = true): VendorEvent[] {
  db.exec('BEGIN IMMEDIATE');
  try {
    const success = pollSucceeded(poll.outcome);
    const read = poll.outcome === 'ok' && poll.known ? poll.known : null;
    const stored: StoredVendorState = { known: poll.known, reachability: poll.reachability };
    s.vendorUpsert!.run({
      id: poll.vendor.id, name: poll.vendor.name, url: poll.vendor.url, platform: poll.vendor.platform, adapter: poll.vendor.adapter,
      // NULL keeps the stored memory (the upsert coalesces): serialising ~75 KB of unchanged
      // known state on every 304 was half the CPU of a quiet cycle.
      base: poll.vendor.base, known: stateChanged ? JSON.stringify(stored) : null,
      level: read?.snapshot.status.level ?? null, description: read?.snapshot.status.description ?? null, health: poll.health,
      at: poll.at, success: success ? poll.at : null, error: poll.error, failures: success ? 0 : 1,
    });
    if (read) {
      const present = presentIn(read, poll.at);
      for (const incident of present.incidents) writeIncident(s, poll.vendor.id, incident, poll.at);
      for (const maintenance of present.maintenances) writeMaintenance(s, poll.vendor.id, maintenance, poll.at);
      writeComponents(s, poll.vendor.id, present.components, poll.at);
      for (const id of read.noLongerReported) s.incidentFlag!.run(1, poll.vendor.id, id);
    }
    const fresh: VendorEvent[] = [];
    for (const e of poll.events) {
      const r = s.eventInsert!.run(e.id, e.vendorId, e.kind, e.subjectId, e.at, e.detectedAt, e.title, e.body, e.impact, e.level, e.url);
      if (Number(r.changes) > 0) fresh.push(e);
    }
    s.pollInsert!.run(poll.vendor.id, poll.at, poll.outcome, Math.round(poll.latencyMs), poll.bytes, poll.httpStatus, poll.error, poll.retries);
    db.exec('COMMIT');
    return fresh;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}

/**
 * The known snapshot narrowed to what the poll at `at` saw (the known state stamps lastSeen): every
 * incident and maintenance present in the feed now, each with every update ever seen of it.
 * Absent ones are left out, so their stored rows stay as they were.
 */
function presentIn(known: KnownState, at: string): Snapshot {
  const seen = (kind: string, id: string): boolean => known.lastSeen[`${kind}:${id}`] === at;
  return {
    ...known.snapshot,
    incidents: known.snapshot.incidents.filter((i) => seen('incident', i.id)),
    maintenances: known.snapshot.maintenances.filter((m) => seen('maintenance', m.id)),
  };
}

/** Stored JSON → poller memory; anything unrecognisable starts fresh rather than crashing. */
export function readStoredState(raw: unknown): StoredVendorState {
  const value = raw as { known?: KnownState | null; reachability?: StoredVendorState['reachability'] } | null | undefined;
  const known = value?.known && value.known.version === 1 && typeof value.known.snapshot === 'object' ? value.known : null;
  const reachability = value?.reachability && typeof value.reachability.reachable === 'boolean' ? value.reachability : null;
  return { known, reachability };
}

function writeIncident(s: Stmts, vendorId: string, i: Incident, at: string): void {
  const existing = s.incidentGet!.get(vendorId, i.id) as { rowid: number; title: string; postmortem: string | null } | undefined;
  const components = JSON.stringify(i.components);
  let rowid: number;
  if (existing) {
    rowid = Number(existing.rowid);
    s.incidentUpdate!.run(i.title, i.url, i.impact, i.status, i.startedAt, i.resolvedAt, components, i.postmortem, at, 0, rowid);
  } else {
    rowid = Number(s.incidentInsert!.run(vendorId, i.id, i.title, i.url, i.impact, i.status, i.startedAt, i.resolvedAt, components, i.postmortem, at, at, 0).lastInsertRowid);
  }
  // Touch the search index only for what changed, and delete only what is there: an FTS5 delete
  // flushes the index's pending inserts, and a first read of a busy feed made ~25 such flushes.
  if (!existing || existing.title !== i.title) {
    if (existing) s.ftsDelete!.run(ftsRowid.title(rowid));
    s.ftsInsert!.run(ftsRowid.title(rowid), vendorId, i.id, 'title', i.startedAt, i.title);
  }
  if ((existing?.postmortem ?? null) !== i.postmortem) {
    if (existing?.postmortem) s.ftsDelete!.run(ftsRowid.postmortem(rowid));
    if (i.postmortem) s.ftsInsert!.run(ftsRowid.postmortem(rowid), vendorId, i.id, 'postmortem', i.resolvedAt ?? i.startedAt, i.postmortem);
  }
  // The known state holds the union of every update ever seen, edits replacing what they edit:
  // mirror it exactly, so an edited update is stored once, with its latest text.
  const rows = s.updateKeys!.all(vendorId, i.id) as { rowid: number; key: string; status: string; label: string; body: string; at: string }[];
  const stored = new Map(rows.map((r) => [r.key, Number(r.rowid)]));
  const storedRows = new Map(rows.map((r) => [r.key, r]));
  const keys = new Set<string>();
  for (const u of i.updates) {
    let key = contentKey(u);
    if (u.body === '' && !storedRows.has(key)) {
      // A copy compacted by known-state.ts (its incident left the feed and came back with a shorter
      // timeline): it is the stored update with the same time and label, whose text we keep.
      key = rows.find((r) => r.at === u.at && r.label === u.label && !keys.has(r.key))?.key ?? key;
    }
    if (keys.has(key)) continue;
    keys.add(key);
    const old = storedRows.get(key);
    if (old) {
      // A vendor id keeps its key when the vendor edits the text (Statuspage JSON): take the edit,
      // but never an emptied (compacted) body.
      if (u.body !== '' && (old.body !== u.body || old.status !== u.status || old.label !== u.label || old.at !== u.at)) {
        s.updateRewrite!.run(u.status, u.label, u.body, u.at, Number(old.rowid));
        s.ftsDelete!.run(Number(old.rowid));
        s.ftsInsert!.run(Number(old.rowid), vendorId, i.id, 'update', u.at, u.body);
      }
      continue;
    }
    const r = s.updateInsert!.run(vendorId, i.id, key, u.id, u.status, u.label, u.body, u.at);
    s.ftsInsert!.run(Number(r.lastInsertRowid), vendorId, i.id, 'update', u.at, u.body);
  }
  // Compacted bodies (an incident that left the feed) never reach here: only incidents present in
  // this poll are written, so a missing key really is an update the vendor edited.
  for (const [key, updateRowid] of stored) {
    if (keys.has(key)) continue;
    s.updateDelete!.run(updateRowid);
    s.ftsDelete!.run(updateRowid);
  }
}

function writeMaintenance(s: Stmts, vendorId: string, m: Maintenance, at: string): void {
  s.maintenanceUpsert!.run(vendorId, m.id, m.title, m.url, m.status, m.scheduledFor, m.scheduledUntil, JSON.stringify(m.components), JSON.stringify(m.updates), at, at);
}

/** Close the open interval of each component whose status changed and open a new one. */
function writeComponents(s: Stmts, vendorId: string, components: Component[], at: string): void {
  const open = new Map((s.openIntervals!.all(vendorId) as { id: number; component_id: string; status: string }[]).map((r) => [r.component_id, r]));
  for (const c of components) {
    const current = open.get(c.id);
    open.delete(c.id);
    if (current?.status === c.status) continue;
    if (current) s.closeInterval!.run(at, current.id);
    s.openInterval!.run(vendorId, c.id, c.name, c.group, c.status, at);
  }
  for (const gone of open.values()) s.closeInterval!.run(at, gone.id);
}
