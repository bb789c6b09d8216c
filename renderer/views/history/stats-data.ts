import type { VendorStats } from '../../../shared/contract/history.ts';
import { STATUS_LEVELS, type StatusLevel } from '../../../shared/model/index.ts';

export type MonthStats = VendorStats['months'][number];

/** At most this many bars in a chart: beyond, months are gathered into quarters, then years. */
export const MAX_BARS = 24;

/** Bottom to top in a stacked bar: the worst on top, where the eye looks first. */
export const STACK_ORDER: readonly StatusLevel[] = ['operational', 'maintenance', 'unknown', 'degraded', 'partial_outage', 'major_outage'];

const monthName = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-03` → "Mar 2026". */
export function monthLabel(key: string): string {
  const [y, m] = key.split('-').map(Number);
  return monthName.format(new Date(Date.UTC(y!, m! - 1, 1)));
}

function nextMonth(key: string): string {
  const [y, m] = key.split('-').map(Number);
  return m === 12 ? `${y! + 1}-01` : `${y}-${String(m! + 1).padStart(2, '0')}`;
}

export type BucketUnit = 'month' | 'quarter' | 'year';

/** One bar of a chart: a month, a quarter or a year, and the months it gathers. */
export interface Bucket {
  key: string;
  label: string;
  months: string[];
}

/** One vendor's figures for one bucket. */
export interface BucketStats {
  key: string;
  label: string;
  incidents: number;
  minutes: Record<StatusLevel, number>;
  uptime: number | null;
}

/**
 * The bars a chart shows, oldest first and without gaps (a quiet month is a bar of zero, not a
 * missing bar): from the first day of the range (or the first month with data) to its last day
 * (or this month). Up to MAX_BARS months are shown as months; longer spans as quarters, and
 * spans too long for those as years, so a vendor's whole recorded history stays in view.
 */
export function chartBuckets(stats: readonly VendorStats[], range: { from: string; to: string }, now: Date): { unit: BucketUnit; buckets: Bucket[] } {
  const present = stats.flatMap((s) => s.months.map((m) => m.month)).sort();
  const current = now.toISOString().slice(0, 7);
  const end = range.to ? range.to.slice(0, 7) : [current, present.at(-1) ?? current].sort().at(-1)!;
  const start = range.from ? range.from.slice(0, 7) : (present[0] ?? end);
  if (start > end) return { unit: 'month', buckets: [] };
  const months: string[] = [];
  for (let m = start; m <= end; m = nextMonth(m)) months.push(m);
  if (months.length <= MAX_BARS) return { unit: 'month', buckets: months.map((m) => ({ key: m, label: monthLabel(m), months: [m] })) };
  const quarters = gather(months, (m) => {
    const q = Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1;
    return [`${m.slice(0, 4)}-Q${q}`, `Q${q} ${m.slice(0, 4)}`];
  });
  if (quarters.length <= MAX_BARS) return { unit: 'quarter', buckets: quarters };
  return { unit: 'year', buckets: gather(months, (m) => [m.slice(0, 4), m.slice(0, 4)]) };
}

function gather(months: readonly string[], keyOf: (month: string) => [string, string]): Bucket[] {
  const out: Bucket[] = [];
  for (const m of months) {
    const [key, label] = keyOf(m);
    const last = out.at(-1);
    if (last?.key === key) last.months.push(m);
    else out.push({ key, label, months: [m] });
  }
  return out;
}

/** A vendor's figures per bucket; a single month keeps the engine's own uptime figure. */
export function bucketStats(stats: VendorStats, buckets: readonly Bucket[]): BucketStats[] {
  const byKey = new Map(stats.months.map((m) => [m.month, m]));
  return buckets.map((b) => {
    const months = b.months.map((m) => byKey.get(m));
    const single = b.months.length === 1 ? months[0] : undefined;
    return {
      key: b.key,
      label: b.label,
      incidents: months.reduce((n, m) => n + (m?.incidents ?? 0), 0),
      minutes: sumMinutes(months),
      uptime: b.months.length === 1 ? (single?.uptimePercent ?? null) : overallUptime(months),
    };
  });
}

export function totalMinutes(minutes: Partial<Record<StatusLevel, number>>): number {
  return STATUS_LEVELS.reduce((sum, l) => sum + (minutes[l] ?? 0), 0);
}

/** Component-minutes in each status summed over months. */
export function sumMinutes(months: readonly (MonthStats | undefined)[]): Record<StatusLevel, number> {
  const out = Object.fromEntries(STATUS_LEVELS.map((l) => [l, 0])) as Record<StatusLevel, number>;
  for (const m of months) for (const l of STATUS_LEVELS) out[l] += m?.minutesByStatus[l] ?? 0;
  return out;
}

/**
 * Uptime over many months: the engine's monthly figures weighted by each month's component time,
 * so one month's figure is exactly the engine's and a longer span agrees with its months.
 */
export function overallUptime(months: readonly (MonthStats | undefined)[]): number | null {
  let weighted = 0;
  let weight = 0;
  for (const m of months) {
    if (!m || m.uptimePercent === null) continue;
    const total = totalMinutes(m.minutesByStatus);
    weighted += m.uptimePercent * total;
    weight += total;
  }
  return weight > 0 ? weighted / weight : null;
}

/** "99.95 %": truncated, never rounded up, so a month with any outage never reads as 100 %. */
export function formatUptime(percent: number | null): string | null {
  if (percent === null) return null;
  if (percent >= 100) return '100 %';
  // The epsilon keeps 99.95 (stored as 99.9499999…) from reading as 99.94.
  return `${(Math.floor(percent * 100 + 1e-6) / 100).toFixed(2)} %`;
}

/** A share of a total for legends: "99.2 %", "0.05 %", "<0.01 %". */
export function formatShare(part: number, total: number): string {
  if (total <= 0 || part <= 0) return '0 %';
  const share = (100 * part) / total;
  if (share < 0.01) return '<0.01 %';
  return `${share >= 10 ? share.toFixed(1) : share.toFixed(2)} %`;
}

/** Runs of consecutive bars sharing "no component data", so 20 empty months read as one line. */
export function uptimeRuns(buckets: readonly BucketStats[]): { from: string; to: string; uptime: number | null }[] {
  const runs: { from: string; to: string; uptime: number | null }[] = [];
  for (const b of buckets) {
    const last = runs.at(-1);
    if (last && b.uptime === null && last.uptime === null) last.to = b.label;
    else runs.push({ from: b.label, to: b.label, uptime: b.uptime });
  }
  return runs;
}
