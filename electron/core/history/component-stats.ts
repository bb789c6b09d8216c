import type { DatabaseSync } from 'node:sqlite';
import type { StatsQuery } from '../../../shared/contract/history.ts';
import { STATUS_LEVELS, type StatusLevel } from '../../../shared/model/index.ts';
import { stmt } from './statements.ts';

const MIN = 60_000;

/** Minutes one component spent in each status over a window, and the share of them it was up. */
export interface ComponentStats {
  vendorId: string;
  componentId: string;
  /** The latest name and group the vendor gave it (components get renamed; the id stays). */
  name: string;
  group: string | null;
  minutesByStatus: Record<StatusLevel, number>;
  /** Share of observed minutes not in partial or major outage, 0-100; null when never observed. */
  uptimePercent: number | null;
}

/**
 * Time in each status per component, from the status intervals clipped to [since, until) —
 * the open interval counts up to `until` (default now). The per-vendor monthly figures in
 * stats.ts add these minutes up across components; this is the breakdown behind them, so a
 * user can see that "API" was down while "Web" was fine. Unobserved time (before the first poll,
 * or after a component left the feed) counts for nothing rather than as up or down.
 */
export function componentStats(db: DatabaseSync, q: StatsQuery, now: string): ComponentStats[] {
  const until = Date.parse(q.until ?? now);
  const since = q.since ? Date.parse(q.since) : Number.NEGATIVE_INFINITY;
  const rows = stmt(db, `SELECT vendor_id, component_id, name, grp, status, from_at, to_at FROM component_intervals
    WHERE (:vendor IS NULL OR vendor_id = :vendor) AND from_at < :until AND (to_at IS NULL OR to_at > :since)
    ORDER BY vendor_id, component_id, from_at, id`).all({
    vendor: q.vendorId ?? null, until: new Date(until).toISOString(), since: q.since ?? '0000',
  }) as { vendor_id: string; component_id: string; name: string; grp: string | null; status: StatusLevel; from_at: string; to_at: string | null }[];

  const out = new Map<string, ComponentStats>();
  for (const r of rows) {
    const key = `${r.vendor_id}\u0000${r.component_id}`;
    let c = out.get(key);
    if (!c) {
      c = { vendorId: r.vendor_id, componentId: r.component_id, name: r.name, group: r.grp, minutesByStatus: zeroes(), uptimePercent: null };
      out.set(key, c);
    }
    c.name = r.name; // rows come oldest first: the last one wins
    c.group = r.grp;
    const from = Math.max(Date.parse(r.from_at), since);
    const to = Math.min(r.to_at === null ? until : Date.parse(r.to_at), until);
    if (to > from) c.minutesByStatus[r.status] += (to - from) / MIN;
  }
  return [...out.values()].map((c) => {
    const total = STATUS_LEVELS.reduce((sum, l) => sum + c.minutesByStatus[l], 0);
    const down = c.minutesByStatus.partial_outage + c.minutesByStatus.major_outage;
    return { ...c, uptimePercent: total > 0 ? (100 * (total - down)) / total : null };
  });
}

function zeroes(): Record<StatusLevel, number> {
  return Object.fromEntries(STATUS_LEVELS.map((l) => [l, 0])) as Record<StatusLevel, number>;
}
