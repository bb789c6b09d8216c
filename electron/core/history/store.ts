import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type {
  IncidentQuery, IncidentRecord, MaintenanceQuery, MaintenanceRecord, PostmortemQuery, SearchHit, SearchQuery, StatsQuery, VendorStats,
} from '../../../shared/contract/history.ts';
import type { FeedHealth, StatusLevel, VendorEvent } from '../../../shared/model/index.ts';
import { joinKnown, type AbsentItems, type KnownState } from '../changes/known-state.ts';
import type { KnownSummary } from '../changes/known-view.ts';
import type { FeedDocument } from '../feeds/types.ts';
import type { PollerMemory, PollOutcome, PollResult, StoredVendorState } from '../polling/poll-result.ts';
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
  /** What the faces show of the last read (known-view.ts); null before one, or in a file from before it existed. */
  summary: KnownSummary | null;
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
      known: p('SELECT known, absent FROM vendor_known WHERE vendor_id = ?'),
      knownReadAt: p('SELECT read_at FROM vendor_known WHERE vendor_id = ?'),
      reachability: p('SELECT reachability, (SELECT count(*) FROM vendor_known k WHERE k.vendor_id = v.id) AS has_known FROM vendors v WHERE id = ?'),
      endpoints: p('SELECT url, etag, last_modified FROM endpoint_cache WHERE vendor_id = ?'),
      cachedDocument: p('SELECT body, final_url, content_type FROM endpoint_cache WHERE vendor_id = ? AND url = ? AND body IS NOT NULL'),
      pending: p('SELECT * FROM events WHERE handled IS NULL ORDER BY at, rowid'),
      // One statement for any number of ids: a first run marks thousands at once.
      markHandled: p('UPDATE events SET handled = ?, handled_at = ? WHERE handled IS NULL AND id IN (SELECT value FROM json_each(?))'),
      vendors: p('SELECT * FROM vendors ORDER BY name'),
      vendor: p('SELECT * FROM vendors WHERE id = ?'),
      updatesOf: p('SELECT key, update_id, status, label, body, at FROM incident_updates WHERE vendor_id = ? AND incident_id = ? ORDER BY at, rowid'),
      incident: p('SELECT i.*, v.name AS vendor_name, (SELECT min(x.first_seen_at) FROM incidents x WHERE x.vendor_id = i.vendor_id) AS vendor_first_read_at FROM incidents i JOIN vendors v ON v.id = i.vendor_id WHERE i.vendor_id = ? AND i.id = ?'),
      // Only polls that retried (migration 2's partial index): a day of 1-minute polls was 1,440 rows per view.
      retries: p('SELECT coalesce(sum(retries), 0) AS n FROM poll_log WHERE vendor_id = ? AND at >= ? AND retries > 0'),
      counts: p('SELECT kind, count(*) AS n FROM events GROUP BY kind'),
    };
  }

  /** Open or create; a foreign, corrupt or newer file is refused with a message and left as it is. */
  static open(file: string): { ok: true; store: HistoryStore } | { ok: false; message: string } {
    const opened = openDatabase(file);
    return opened.ok ? { ok: true, store: new HistoryStore(file, opened.db) } : opened;
  }

  /** Write one poll in one transaction; returns the events this store did not hold before. */
  applyPoll(poll: PollResult): VendorEvent[] {
    return applyPoll(this.db, this.poll, poll);
  }

  /** The poller's memory of a vendor as last committed (empty for a vendor never polled). */
  loadVendorState(vendorId: string): StoredVendorState {
    return { known: this.loadKnown(vendorId), reachability: this.loadPollerMemory(vendorId).reachability };
  }

  /**
   * The vendor's known state as last committed, parsed (≈0.3 ms for a busy feed's 75 KB): read
   * when a poll has something new to fold in, never held between polls.
   */
  loadKnown(vendorId: string): KnownState | null {
    const row = this.q.known!.get(vendorId) as { known: string; absent: string | null } | undefined;
    if (!row) return null;
    try {
      const known = readStoredState({ known: JSON.parse(row.known) as unknown }).known;
      if (!known || row.absent === null) return known;
      const absent = JSON.parse(row.absent) as AbsentItems;
      return Array.isArray(absent.incidents) && Array.isArray(absent.maintenances) ? joinKnown(known, absent) : null;
    } catch {
      return null; // unreadable memory: start afresh; event ids still de-duplicate
    }
  }

  /**
   * The `readAt` of the known state as last committed (null: none, or one written before the
   * stamp existed): tells whether a copy held in memory is still the stored one, without parsing.
   */
  knownReadAt(vendorId: string): string | null {
    const row = this.q.knownReadAt!.get(vendorId) as { read_at: string | null } | undefined;
    return row?.read_at ?? null;
  }

  /**
   * What a poll needs before it reads anything: reachability, whether a known state exists (the
   * validators mean something only then), and each endpoint's validators. A few hundred bytes.
   */
  loadPollerMemory(vendorId: string): PollerMemory {
    const row = this.q.reachability!.get(vendorId) as { reachability: string | null; has_known: number } | undefined;
    let reachability: StoredVendorState['reachability'] = null;
    try {
      reachability = readStoredState({ reachability: row?.reachability ? (JSON.parse(row.reachability) as unknown) : null }).reachability;
    } catch {
      reachability = null;
    }
    const validators: PollerMemory['validators'] = {};
    for (const r of this.q.endpoints!.all(vendorId) as { url: string; etag: string | null; last_modified: string | null }[]) {
      validators[r.url] = { etag: r.etag, lastModified: r.last_modified };
    }
    return { reachability, hasKnown: Number(row?.has_known ?? 0) > 0, validators };
  }

  /** The body an endpoint's validators stand for (adapters of several documents only), for a partial 304. */
  cachedDocument(vendorId: string, url: string): FeedDocument | undefined {
    const row = this.q.cachedDocument!.get(vendorId, url) as { body: Uint8Array; final_url: string | null; content_type: string | null } | undefined;
    return row ? { url: row.final_url ?? url, body: row.body, contentType: row.content_type } : undefined;
  }

  pendingNotifications(): VendorEvent[] {
    return (this.q.pending!.all() as unknown as EventRow[]).map(eventFromRow);
  }

  markHandled(ids: string[], how: 'notified' | 'suppressed' | 'failed', at: string): void {
    if (ids.length === 0) return;
    this.q.markHandled!.run(how, at, JSON.stringify(ids));
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
    summary: summaryOf(r.view),
  };
}

function summaryOf(view: unknown): KnownSummary | null {
  if (typeof view !== 'string') return null;
  try {
    const value = JSON.parse(view) as KnownSummary | null;
    return value && typeof value === 'object' && Array.isArray(value.components) ? value : null;
  } catch {
    return null;
  }
}
