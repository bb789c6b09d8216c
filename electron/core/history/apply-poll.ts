import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Component, Incident, Maintenance, Snapshot, VendorEvent } from '../../../shared/model/index.ts';
import { splitKnown, type KnownState } from '../changes/known-state.ts';
import { summariseKnown } from '../changes/known-view.ts';
import { contentKey } from '../changes/update-keys.ts';
import { pollSucceeded, type PollResult, type StoredVendorState } from '../polling/poll-result.ts';

type Stmts = Record<string, StatementSync>;

/** Prepared once per store: a poll is a few dozen statements, so preparing them each time would dominate. */
export function preparePollStatements(db: DatabaseSync): Stmts {
  const p = (sql: string): StatementSync => db.prepare(sql);
  return {
    // The row every poll rewrites is small (the known state has a table of its own, migration 2):
    // an UPDATE first, the INSERT only for a vendor's very first poll.
    vendorUpdate: p(`UPDATE vendors SET name = ?, url = ?, platform = ?, adapter = ?, base = ?, level = coalesce(?, level),
        description = coalesce(?, description), view = coalesce(?, view), health = ?, last_poll_at = ?,
        last_success_at = coalesce(?, last_success_at), last_error = ?,
        consecutive_failures = CASE WHEN ? IS NULL THEN consecutive_failures + 1 ELSE 0 END, reachability = ? WHERE id = ?`),
    vendorInsert: p(`INSERT INTO vendors (id, name, url, platform, adapter, base, level, description, view, health,
        last_poll_at, last_success_at, last_error, consecutive_failures, reachability, first_seen_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    knownUpsert: p(`INSERT INTO vendor_known (vendor_id, known, absent, read_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (vendor_id) DO UPDATE SET known = excluded.known, absent = excluded.absent, read_at = excluded.read_at`),
    knownListed: p('UPDATE vendor_known SET known = ?, read_at = ? WHERE vendor_id = ? AND absent IS NOT NULL'),
    knownDelete: p('DELETE FROM vendor_known WHERE vendor_id = ?'),
    endpointUpsert: p(`INSERT INTO endpoint_cache (vendor_id, url, etag, last_modified, body, final_url, content_type) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (vendor_id, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, body = excluded.body,
        final_url = excluded.final_url, content_type = excluded.content_type`),
    endpointValidators: p(`INSERT INTO endpoint_cache (vendor_id, url, etag, last_modified) VALUES (?, ?, ?, ?)
      ON CONFLICT (vendor_id, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified`),
    endpointDelete: p('DELETE FROM endpoint_cache WHERE vendor_id = ? AND url = ?'),
    incidentGet: p('SELECT rid AS rowid, title, postmortem FROM incidents WHERE vendor_id = ? AND id = ?'),
    incidentInsert: p(`INSERT INTO incidents (vendor_id, id, title, url, impact, status, started_at, resolved_at, components, postmortem,
        first_seen_at, last_seen_at, no_longer_reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    incidentUpdate: p(`UPDATE incidents SET title = ?, url = ?, impact = ?, status = ?, started_at = ?, resolved_at = ?, components = ?,
        postmortem = ?, last_seen_at = ?, no_longer_reported = ? WHERE rowid = ?`),
    incidentSeen: p('UPDATE incidents SET last_seen_at = ?, no_longer_reported = 0 WHERE vendor_id = ? AND id IN (SELECT value FROM json_each(?))'),
    incidentFlag: p('UPDATE incidents SET no_longer_reported = ? WHERE vendor_id = ? AND id = ?'),
    updateKeys: p('SELECT rid AS rowid, key, status, label, body, at FROM incident_updates WHERE vendor_id = ? AND incident_id = ?'),
    updateInsert: p('INSERT INTO incident_updates (vendor_id, incident_id, key, update_id, status, label, body, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    updateDelete: p('DELETE FROM incident_updates WHERE rowid = ?'),
    updateRewrite: p('UPDATE incident_updates SET status = ?, label = ?, body = ?, at = ? WHERE rowid = ?'),
    maintenanceUpsert: p(`INSERT INTO maintenances (vendor_id, id, title, url, status, scheduled_for, scheduled_until, components, updates, first_seen_at, last_seen_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vendor_id, id) DO UPDATE SET title = excluded.title, url = excluded.url,
        status = excluded.status, scheduled_for = excluded.scheduled_for, scheduled_until = excluded.scheduled_until,
        components = excluded.components, updates = excluded.updates, last_seen_at = excluded.last_seen_at`),
    maintenanceSeen: p('UPDATE maintenances SET last_seen_at = ? WHERE vendor_id = ? AND id IN (SELECT value FROM json_each(?))'),
    openIntervals: p('SELECT id, component_id, status FROM component_intervals WHERE vendor_id = ? AND to_at IS NULL'),
    closeInterval: p('UPDATE component_intervals SET to_at = ? WHERE id = ?'),
    openInterval: p('INSERT INTO component_intervals (vendor_id, component_id, name, grp, status, from_at) VALUES (?, ?, ?, ?, ?, ?)'),
    // ON CONFLICT (id), not INSERT OR IGNORE: OR IGNORE would also swallow a NOT NULL violation,
    // and a malformed event would vanish unnotified instead of failing the poll as the bug it is.
    eventInsert: p(`INSERT INTO events (id, vendor_id, kind, subject_id, at, detected_at, title, body, impact, level, url, handled, handled_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
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
 * Write one poll in ONE transaction: vendor row, the known state when the poll changed it,
 * endpoint validators, incidents and updates seen in this poll, maintenances, component status
 * intervals, events and the poll log. Returns only the events that were not stored before: that is
 * what makes a restart (or a replayed poll) re-notify nothing. Any error rolls the whole poll back,
 * so a kill -9 loses at most the poll in flight, and the validators never get ahead of the known
 * state they stand for (a 304 after a restart must mean "nothing new since what is stored").
 */
export function applyPoll(db: DatabaseSync, s: Stmts, poll: PollResult): VendorEvent[] {
  db.exec('BEGIN IMMEDIATE');
  try {
    const success = pollSucceeded(poll.outcome);
    const read = poll.outcome === 'ok' && poll.known ? poll.known : null;
    const v = poll.vendor;
    const level = read?.snapshot.status.level ?? null;
    const description = read?.snapshot.status.description ?? null;
    const view = read ? JSON.stringify(summariseKnown(read)) : null;
    const successAt = success ? poll.at : null;
    const reachability = JSON.stringify(poll.reachability);
    const updated = s.vendorUpdate!.run(v.name, v.url, v.platform, v.adapter, v.base, level, description, view, poll.health, poll.at, successAt, poll.error, successAt, reachability, v.id);
    if (Number(updated.changes) === 0) {
      s.vendorInsert!.run(v.id, v.name, v.url, v.platform, v.adapter, v.base, level, description, view, poll.health, poll.at, successAt, poll.error, success ? 0 : 1, reachability, poll.at);
    }
    // Undefined: the memory already stored (a 304, a failure); serialising ~75 KB of unchanged
    // known state on every quiet poll was half the CPU of a quiet cycle.
    if (poll.known) writeKnown(s, v.id, poll.known, poll.absentUnchanged === true);
    else if (poll.known === null) s.knownDelete!.run(v.id);
    for (const e of poll.endpoints ?? []) {
      if (e.etag === null && e.lastModified === null) s.endpointDelete!.run(v.id, e.url);
      else if (e.document === undefined) s.endpointValidators!.run(v.id, e.url, e.etag, e.lastModified);
      else s.endpointUpsert!.run(v.id, e.url, e.etag, e.lastModified, e.document?.body ?? null, e.document?.url ?? null, e.document?.contentType ?? null);
    }
    if (read) {
      const present = presentIn(read, poll.at);
      const unchanged = poll.unchangedItems ?? new Set<string>();
      const fts = new FtsBatch();
      const seen: string[] = [];
      for (const incident of present.incidents) {
        if (unchanged.has(`incident:${incident.id}`)) seen.push(incident.id);
        else writeIncident(s, fts, v.id, incident, poll.at);
      }
      if (seen.length > 0) s.incidentSeen!.run(poll.at, v.id, JSON.stringify(seen));
      fts.run(s);
      const seenMaintenances: string[] = [];
      for (const maintenance of present.maintenances) {
        if (unchanged.has(`maintenance:${maintenance.id}`)) seenMaintenances.push(maintenance.id);
        else writeMaintenance(s, v.id, maintenance, poll.at);
      }
      if (seenMaintenances.length > 0) s.maintenanceSeen!.run(poll.at, v.id, JSON.stringify(seenMaintenances));
      writeComponents(s, v.id, present.components, poll.at);
      for (const id of read.noLongerReported) s.incidentFlag!.run(1, v.id, id);
    }
    const fresh: VendorEvent[] = [];
    const oldNews = poll.oldNews;
    for (const e of poll.events) {
      // A first read's old news is handled as it is stored: delivery would only mark it so.
      const handled = oldNews?.has(e.id) ? 'suppressed' : null;
      const r = s.eventInsert!.run(e.id, e.vendorId, e.kind, e.subjectId, e.at, e.detectedAt, e.title, e.body, e.impact, e.level, e.url, handled, handled ? poll.at : null);
      if (Number(r.changes) > 0) fresh.push(e);
    }
    s.pollInsert!.run(v.id, poll.at, poll.outcome, Math.round(poll.latencyMs), poll.bytes, poll.httpStatus, poll.error, poll.retries);
    db.exec('COMMIT');
    return fresh;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}

/**
 * The search-index writes of one poll, issued in ascending rowid order. FTS5 buffers a
 * transaction's inserts in memory only while rowids grow: a rowid below the previous one flushes
 * the buffer to a new segment first. Titles live at negative rowids and updates at positive ones
 * (migrations.ts), so writing incident by incident flushed once per incident (measured: FTS
 * inserts 4.0 ms per first read of GitHub's feed interleaved, 1.0 ms sorted). A delete of a rowid
 * goes before an insert of the same rowid (an edited text).
 */
class FtsBatch {
  private readonly ops: { rowid: number; insert: (string | null)[] | null }[] = [];

  delete(rowid: number): void {
    this.ops.push({ rowid, insert: null });
  }

  insert(rowid: number, vendorId: string, incidentId: string, field: string, at: string, text: string): void {
    this.ops.push({ rowid, insert: [vendorId, incidentId, field, at, text] });
  }

  run(s: Stmts): void {
    this.ops.sort((a, b) => a.rowid - b.rowid || (a.insert === null ? -1 : 0) - (b.insert === null ? -1 : 0));
    for (const op of this.ops) {
      if (op.insert === null) s.ftsDelete!.run(op.rowid);
      else s.ftsInsert!.run(op.rowid, ...op.insert);
    }
    this.ops.length = 0;
  }
}

/**
 * The known state in two parts (known-state.ts `splitKnown`): what the read listed, always, and
 * the absent items only when they changed and the stored row already holds them apart. Measured
 * on GitHub's year of replay: the write was 0.47 → 1.17 ms per changed version as the remembered
 * absent incidents grew to 66 of 118 KB.
 */
function writeKnown(s: Stmts, vendorId: string, known: KnownState, absentUnchanged: boolean): void {
  const parts = splitKnown(known);
  if (!parts) {
    s.knownUpsert!.run(vendorId, JSON.stringify(known), null, null);
    return;
  }
  const listed = JSON.stringify(parts.listed);
  if (absentUnchanged && Number(s.knownListed!.run(listed, known.readAt ?? null, vendorId).changes) > 0) return;
  s.knownUpsert!.run(vendorId, listed, JSON.stringify(parts.absent), known.readAt ?? null);
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

function writeIncident(s: Stmts, fts: FtsBatch, vendorId: string, i: Incident, at: string): void {
  const existing = s.incidentGet!.get(vendorId, i.id) as { rowid: number; title: string; postmortem: string | null } | undefined;
  const components = JSON.stringify(i.components);
  let rowid: number;
  if (existing) {
    rowid = Number(existing.rowid);
    s.incidentUpdate!.run(i.title, i.url, i.impact, i.status, i.startedAt, i.resolvedAt, components, i.postmortem, at, 0, rowid);
  } else {
    rowid = Number(s.incidentInsert!.run(vendorId, i.id, i.title, i.url, i.impact, i.status, i.startedAt, i.resolvedAt, components, i.postmortem, at, at, 0).lastInsertRowid);
  }
  // Touch the search index only for what changed, and delete only what is there.
  if (!existing || existing.title !== i.title) {
    if (existing) fts.delete(ftsRowid.title(rowid));
    fts.insert(ftsRowid.title(rowid), vendorId, i.id, 'title', i.startedAt, i.title);
  }
  if ((existing?.postmortem ?? null) !== i.postmortem) {
    if (existing?.postmortem) fts.delete(ftsRowid.postmortem(rowid));
    if (i.postmortem) fts.insert(ftsRowid.postmortem(rowid), vendorId, i.id, 'postmortem', i.resolvedAt ?? i.startedAt, i.postmortem);
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
        fts.delete(Number(old.rowid));
        fts.insert(Number(old.rowid), vendorId, i.id, 'update', u.at, u.body);
      }
      continue;
    }
    const r = s.updateInsert!.run(vendorId, i.id, key, u.id, u.status, u.label, u.body, u.at);
    fts.insert(Number(r.lastInsertRowid), vendorId, i.id, 'update', u.at, u.body);
  }
  // Compacted bodies (an incident that left the feed) never reach here: only incidents present in
  // this poll are written, so a missing key really is an update the vendor edited.
  for (const [key, updateRowid] of stored) {
    if (keys.has(key)) continue;
    s.updateDelete!.run(updateRowid);
    fts.delete(updateRowid);
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
