import type { DatabaseSync } from 'node:sqlite';
import type { StatsQuery, VendorStats } from '../../../shared/contract/history.ts';
import { STATUS_LEVELS, type StatusLevel } from '../../../shared/model/index.ts';
import { stmt } from './statements.ts';

const MIN = 60_000;

/**
 * Per vendor: incident count, mean and median time to resolve, and per month the incidents that
 * started in it, the component-minutes spent in each status (from status intervals clipped to
 * the month and the query window) and uptime: the share of component-minutes not in an outage.
 */
export function historyStats(db: DatabaseSync, q: StatsQuery, now: string): VendorStats[] {
  const until = q.until ?? now;
  const since = q.since ?? '0000';
  const vendors = stmt(db, 'SELECT id, name FROM vendors WHERE (:v IS NULL OR id = :v) ORDER BY name').all({ v: q.vendorId ?? null }) as { id: string; name: string }[];
  return vendors.map(({ id, name }) => {
    const incidents = stmt(db, 'SELECT started_at, resolved_at FROM incidents WHERE vendor_id = ? AND started_at >= ? AND started_at < ?').all(id, since, until) as { started_at: string; resolved_at: string | null }[];
    const durations = incidents.filter((i) => i.resolved_at).map((i) => (Date.parse(i.resolved_at!) - Date.parse(i.started_at)) / MIN).filter((d) => d >= 0).sort((a, b) => a - b);
    const months = new Map<string, { incidents: number; minutes: Record<StatusLevel, number> }>();
    const month = (key: string) => {
      let m = months.get(key);
      if (!m) months.set(key, (m = { incidents: 0, minutes: Object.fromEntries(STATUS_LEVELS.map((l) => [l, 0])) as Record<StatusLevel, number> }));
      return m;
    };
    for (const i of incidents) month(i.started_at.slice(0, 7)).incidents++;
    const intervals = stmt(db, 'SELECT status, from_at, to_at FROM component_intervals WHERE vendor_id = ? AND from_at < ? AND (to_at IS NULL OR to_at > ?)').all(id, until, since) as { status: StatusLevel; from_at: string; to_at: string | null }[];
    for (const iv of intervals) {
      let from = Math.max(Date.parse(iv.from_at), Date.parse(since) || 0);
      const to = Math.min(Date.parse(iv.to_at ?? until), Date.parse(until));
      while (from < to) {
        const d = new Date(from);
        const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
        const end = Math.min(to, monthEnd);
        const m = month(d.toISOString().slice(0, 7));
        m.minutes[iv.status] = (m.minutes[iv.status] ?? 0) + (end - from) / MIN;
        from = end;
      }
    }
    return {
      vendorId: id,
      vendorName: name,
      incidents: incidents.length,
      resolved: durations.length,
      meanMinutesToResolve: durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null,
      medianMinutesToResolve: durations.length ? median(durations) : null,
      months: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, m]) => {
        const total = Object.values(m.minutes).reduce((a, b) => a + b, 0);
        const down = m.minutes.partial_outage + m.minutes.major_outage;
        return { month: key, incidents: m.incidents, minutesByStatus: roundAll(m.minutes), uptimePercent: total > 0 ? (100 * (total - down)) / total : null };
      }),
    };
  });
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function roundAll(minutes: Record<StatusLevel, number>): Record<StatusLevel, number> {
  return Object.fromEntries(Object.entries(minutes).map(([k, v]) => [k, Math.round(v * 100) / 100])) as Record<StatusLevel, number>;
}
