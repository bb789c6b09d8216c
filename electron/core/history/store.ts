import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type {
  IncidentQuery, IncidentRecord, MaintenanceQuery, MaintenanceRecord, PostmortemQuery, SearchHit, SearchQuery, StatsQuery, VendorStats,
} from '../../../shared/contract/history.ts';
import type { FeedHealth, StatusLevel, VendorEvent } from '../../../shared/model/index.ts';
import type { PollOutcome, PollResult, StoredVendorState } from '../polling/poll-result.ts';
import { applyPoll, preparePollStatements, readStoredState } from './apply-poll.ts';
import { openDatabase } from './open.ts';
import { eventFromRow, incidentFromRows, maintenanceFromRow, type EventRow, type IncidentRow, type MaintenanceRow, type UpdateRow } from './rows.ts';
import { ftsQuery, searchHistory } from './search.ts';
import { historyStats } from './stats.ts';
import { applyRetention } from './retention.ts';
import { stmt } from './statements.ts';
import { componentStats, type ComponentStats } from './component-stats.ts';

/** A watched (or once watched) vendor's stored state, for views. */
export interface VendorRow {
  id: string; name: string; level: StatusLevel | null; description: string | null; health: FeedHealth;
  lastPollAt: string | null; lastSuccessAt: string | null; lastError: string | null; consecutiveFailures: number;
}

/** One row of the poll log: every attempt, successful or not, with what it cost. */
export interface PollLogEntry {
  vendorId: string; at: string; outcome: PollOutcome; latencyMs: number; bytes: number;
  httpStatus: number | null; error: string | null; retries: number;
}

/**
 * The local history: the source of truth for what happened at each vendor and what was already
 * notified. One SQLite file per user (WAL), written one poll per transaction.
 */
export class HistoryStore {
  readonly file: string;
  private readonly db: DatabaseSync;
  private readonly poll: Record<string, StatementSync>;
  private readonly q: Record<string, StatementSync>;

  private constructor(file: string, db: DatabaseSync) {
    this.file = file;
    this.db = db;
    this.poll = preparePollStatements(db);
    const p = (sql: string): StatementSync => db.prepare(sql);
    this.q = {
      vendorState: p('SELECT known_state FROM vendors WHERE id = ?'),
      pending: p('SELECT * FROM events WHERE handled IS NULL ORDER BY at, rowid'),
      markHandled: p('UPDATE events SET handled = ?, handled_at = ? WHERE id = ? AND handled IS NULL'),
      vendors: p('SELECT * FROM vendors ORDER BY name'),
      vendor: p('SELECT * FROM vendors WHERE id = ?'),
      updatesOf: p('SELECT key, update_id, status, label, body, at FROM incident_updates WHERE vendor_id = ? AND incident_id = ? ORDER BY at, rowid'),
      incident: p('SELECT i.*, v.name AS vendor_name, (SELECT min(x.first_seen_at) FROM incidents x WHERE x.vendor_id = i.vendor_id) AS vendor_first_read_at FROM incidents i JOIN vendors v ON v.id = i.vendor_id WHERE i.vendor_id = ? AND i.id = ?'),
      retries: p('SELECT coalesce(sum(retries), 0) AS n FROM poll_log WHERE vendor_id = ? AND at >= ?'),
      counts: p('SELECT kind, count(*) AS n FROM events GROUP BY kind'),
    };
  }

  /** Open or create; a foreign, corrupt or newer file is refused with a message and left as it is. */
  static open(file: string): { ok: true; store: HistoryStore } | { ok: false; message: string } {
    const opened = openDatabase(file);
    return opened.ok ? { ok: true, store: new HistoryStore(file, opened.db) } : opened;
  }

  /**
   * The poller memory last written per vendor: the same known-state object (the engine keeps it
   * when nothing was read) and the same reachability need no rewrite.
   */
  private readonly written = new Map<string, { known: PollResult['known']; reachability: string }>();

  /** Write one poll in one transaction; returns the events this store did not hold before. */
  applyPoll(poll: PollResult): VendorEvent[] {
    const reachability = JSON.stringify(poll.reachability);
    const last = this.written.get(poll.vendor.id);
    const changed = !last || last.known !== poll.known || last.reachability !== reachability;
    const fresh = applyPoll(this.db, this.poll, poll, changed);
    this.written.set(poll.vendor.id, { known: poll.known, reachability });
    return fresh;
  }

  /** The poller's memory of a vendor as last committed (empty for a vendor never polled). */
  loadVendorState(vendorId: string): StoredVendorState {
    const row = this.q.vendorState!.get(vendorId) as { known_state: string | null } | undefined;
    try {
      return readStoredState(row?.known_state ? (JSON.parse(row.known_state) as unknown) : null);
    } catch {
      return readStoredState(null); // unreadable memory: start afresh; event ids still de-duplicate
    }
  }

  pendingNotifications(): VendorEvent[] {
    return (this.q.pending!.all() as unknown as EventRow[]).map(eventFromRow);
  }

  markHandled(ids: string[], how: 'notified' | 'suppressed' | 'failed', at: string): void {
    this.transaction(() => {
      for (const id of ids) this.q.markHandled!.run(how, at, id);
    });
  }

  vendors(): VendorRow[] {
    return (this.q.vendors!.all() as Record<string, unknown>[]).map(vendorFromRow);
  }

  /** One vendor's row (the stream refreshes one view per poll without reading them all). */
  vendor(id: string): VendorRow | undefined {
    const row = this.q.vendor!.get(id) as Record<string, unknown> | undefined;
    return row ? vendorFromRow(row) : undefined;
  }

  /** Retries spent since an instant: a flaky feed stays visible even when every retry succeeded. */
  retriesSince(vendorId: string, since: string): number {
    return Number((this.q.retries!.get(vendorId, since) as { n: number }).n);
  }

  /** Newest polls first: what the diagnostics view shows when a vendor looks flaky or stale. */
  pollLog(opts: { vendorId?: string; limit?: number } = {}): PollLogEntry[] {
    const rows = stmt(this.db, `SELECT vendor_id, at, outcome, latency_ms, bytes, http_status, error, retries FROM poll_log
      WHERE (:vendor IS NULL OR vendor_id = :vendor) ORDER BY at DESC, id DESC LIMIT :limit`).all({ vendor: opts.vendorId ?? null, limit: opts.limit ?? 50 }) as {
      vendor_id: string; at: string; outcome: PollOutcome; latency_ms: number; bytes: number; http_status: number | null; error: string | null; retries: number;
    }[];
    return rows.map((r) => ({
      vendorId: r.vendor_id, at: r.at, outcome: r.outcome, latencyMs: Number(r.latency_ms), bytes: Number(r.bytes),
      httpStatus: r.http_status === null ? null : Number(r.http_status), error: r.error, retries: Number(r.retries),
    }));
  }

  getIncident(vendorId: string, id: string): IncidentRecord | null {
    const row = this.q.incident!.get(vendorId, id) as IncidentRow | undefined;
    return row ? this.toRecord(row) : null;
  }

  listIncidents(query: IncidentQuery): IncidentRecord[] {
    const state = query.state ?? 'all';
    const rows = stmt(this.db, `SELECT i.*, v.name AS vendor_name, (SELECT min(x.first_seen_at) FROM incidents x WHERE x.vendor_id = i.vendor_id) AS vendor_first_read_at FROM incidents i JOIN vendors v ON v.id = i.vendor_id
      WHERE (:vendor IS NULL OR i.vendor_id = :vendor) AND (:since IS NULL OR i.started_at >= :since) AND (:until IS NULL OR i.started_at < :until)
        AND (:state = 'all' OR (:state = 'open') = (i.status NOT IN ('resolved', 'postmortem')))
        AND (:impacts IS NULL OR i.impact IN (SELECT value FROM json_each(:impacts)))
      ORDER BY i.started_at DESC, i.rowid DESC LIMIT :limit OFFSET :offset`).all({
      vendor: query.vendorId ?? null, since: query.since ?? null, until: query.until ?? null, state, limit: query.limit ?? 50, offset: query.offset ?? 0,
      impacts: query.impacts?.length ? JSON.stringify(query.impacts) : null,
    }) as unknown as IncidentRow[];
    return rows.map((r) => this.toRecord(r));
  }

  /**
   * Incidents with a postmortem, newest first; with a query, only those whose postmortem matches it
   * (every word, the last one as a prefix, as in search).
   */
  listPostmortems(query: PostmortemQuery): IncidentRecord[] {
    const match = query.query?.trim() ? ftsQuery(query.query) : null;
    if (query.query?.trim() && !match) return [];
    const rows = stmt(this.db, `SELECT i.*, v.name AS vendor_name, (SELECT min(x.first_seen_at) FROM incidents x WHERE x.vendor_id = i.vendor_id) AS vendor_first_read_at FROM incidents i JOIN vendors v ON v.id = i.vendor_id
      WHERE i.postmortem IS NOT NULL AND i.postmortem <> '' AND (:vendor IS NULL OR i.vendor_id = :vendor)
        AND (:match IS NULL OR i.rid IN (SELECT -(rowid + 1) / 2 FROM search_index WHERE search_index MATCH :match AND field = 'postmortem'))
      ORDER BY coalesce(i.resolved_at, i.started_at) DESC, i.rowid DESC LIMIT :limit OFFSET :offset`).all({
      vendor: query.vendorId ?? null, match, limit: query.limit ?? 50, offset: query.offset ?? 0,
    }) as unknown as IncidentRow[];
    return rows.map((r) => this.toRecord(r));
  }

  listMaintenances(query: MaintenanceQuery): MaintenanceRecord[] {
    const rows = stmt(this.db, `SELECT m.*, v.name AS vendor_name FROM maintenances m JOIN vendors v ON v.id = m.vendor_id
      WHERE (:vendor IS NULL OR m.vendor_id = :vendor) AND m.scheduled_for < :to AND coalesce(m.scheduled_until, m.scheduled_for) >= :from
      ORDER BY m.scheduled_for`).all({ vendor: query.vendorId ?? null, from: query.from, to: query.to }) as unknown as MaintenanceRow[];
    return rows.map((r) => ({ vendorId: r.vendor_id, vendorName: r.vendor_name, maintenance: maintenanceFromRow(r) }));
  }

  recentEvents(opts: { vendorId?: string; since?: string; limit?: number }): VendorEvent[] {
    const rows = stmt(this.db, `SELECT * FROM events WHERE (:vendor IS NULL OR vendor_id = :vendor) AND (:since IS NULL OR at >= :since)
      ORDER BY at DESC, rowid DESC LIMIT :limit`).all({ vendor: opts.vendorId ?? null, since: opts.since ?? null, limit: opts.limit ?? 50 }) as unknown as EventRow[];
    return rows.map(eventFromRow);
  }

  /** How many events of each kind were ever recorded (diagnostics, replay checks). */
  eventCounts(): Record<string, number> {
    return Object.fromEntries((this.q.counts!.all() as { kind: string; n: number }[]).map((r) => [r.kind, Number(r.n)]));
  }

  search(query: SearchQuery): SearchHit[] {
    return searchHistory(this.db, query);
  }

  stats(query: StatsQuery, now = new Date().toISOString()): VendorStats[] {
    return historyStats(this.db, query, now);
  }

  /** Time in each status per component over a window (see component-stats.ts). */
  componentStats(query: StatsQuery, now = new Date().toISOString()): ComponentStats[] {
    return componentStats(this.db, query, now);
  }

  /** Forget what is older than `days` (never an ongoing incident). */
  retention(days: number, now: string): { incidents: number; events: number; polls: number } {
    return this.transaction(() => applyRetention(this.db, days, now));
  }

  /** Raw read access for diagnostics and tests (`integrity_check`, counts). */
  get(sql: string, ...params: (string | number | null)[]): unknown {
    return this.db.prepare(sql).get(...params);
  }

  /** All rows of a read query, for diagnostics and tests. */
  all(sql: string, ...params: (string | number | bigint | null)[]): unknown[] {
    return this.db.prepare(sql).all(...params);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private toRecord(r: IncidentRow): IncidentRecord {
    const updates = this.q.updatesOf!.all(r.vendor_id, r.id) as unknown as UpdateRow[];
    return {
      vendorId: r.vendor_id, vendorName: r.vendor_name, incident: incidentFromRows(r, updates),
      firstSeenAt: r.first_seen_at, lastSeenAt: r.last_seen_at, noLongerReported: r.no_longer_reported === 1,
      seenOnFirstRead: r.vendor_first_read_at !== undefined && r.first_seen_at <= r.vendor_first_read_at,
    };
  }

  private transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }
}

function vendorFromRow(r: Record<string, unknown>): VendorRow {
  return {
    id: r.id as string, name: r.name as string, level: (r.level as StatusLevel | null) ?? null, description: (r.description as string | null) ?? null,
    health: r.health as FeedHealth, lastPollAt: (r.last_poll_at as string | null) ?? null, lastSuccessAt: (r.last_success_at as string | null) ?? null,
    lastError: (r.last_error as string | null) ?? null, consecutiveFailures: Number(r.consecutive_failures),
  };
}
