import type { ReactNode } from 'react';
import type { VendorStats } from '../../../shared/contract/history.ts';
import { STATUS_LABELS } from '../../../shared/model/index.ts';
import { ErrorNote, Loading } from '../../components/States.tsx';
import { useNow } from '../../components/Time.tsx';
import { formatDuration } from '../../lib/time.ts';
import { useQuery } from '../../lib/use-query.ts';
import { IncidentBars, StatusLegend, StatusStacks } from './Charts.tsx';
import { useSticky } from '../../components/SearchControls.tsx';
import { rangeLabel, requestWindow, type HistoryFilters } from './filters.ts';
import { bucketStats, chartBuckets, formatShare, formatUptime, overallUptime, STACK_ORDER, sumMinutes, totalMinutes, uptimeRuns, type Bucket, type BucketUnit } from './stats-data.ts';

const MINUTE = 60_000;

function minutes(value: number | null): string {
  return value === null ? '—' : formatDuration(value * MINUTE);
}

/**
 * How reliable a vendor has been over the chosen dates: for one vendor the figures and three small
 * charts; for all vendors one compact line each, a link away from the full view.
 */
export function StatsSection({ filters, vendorHref }: { filters: HistoryFilters; vendorHref: (vendorId: string) => string }): ReactNode {
  const now = useNow(60_000);
  const request = { ...(filters.vendor ? { vendorId: filters.vendor } : {}), ...requestWindow(filters) };
  const query = useSticky(useQuery(`history-stats:${JSON.stringify(request)}`, (c) => c.history.stats(request)));
  const period = rangeLabel(filters) ?? 'All recorded history';
  const stats = query.data;
  const span = stats ? chartBuckets(stats, filters, new Date(now)) : { unit: 'month' as const, buckets: [] };
  return (
    <section className="history-stats" aria-labelledby="history-stats-title" aria-busy={query.updating}>
      <div className="history-stats-head">
        <h2 id="history-stats-title">Reliability</h2>
        <p className="muted small">{period}{filters.q || filters.impacts.length ? ' · all incidents, whatever their words or impact' : ''}</p>
      </div>
      {query.loading ? <Loading what="statistics" />
        : !stats ? <ErrorNote title="The statistics could not be read." message={query.error ?? 'Unknown error'} retry={query.reload} />
          : stats.length === 0 ? <p className="calm">No history recorded{filters.vendor ? ' for this vendor' : ''} yet.</p>
            : filters.vendor ? stats.map((s) => <VendorDetail key={s.vendorId} stats={s} unit={span.unit} buckets={span.buckets} />)
              : <VendorList stats={stats} unit={span.unit} buckets={span.buckets} vendorHref={vendorHref} />}
    </section>
  );
}

const PER: Record<BucketUnit, string> = { month: 'per month', quarter: 'per quarter', year: 'per year' };
const BY: Record<BucketUnit, string> = { month: 'Monthly uptime', quarter: 'Uptime by quarter', year: 'Uptime by year' };

function VendorDetail({ stats, unit, buckets }: { stats: VendorStats; unit: BucketUnit; buckets: Bucket[] }): ReactNode {
  const bars = bucketStats(stats, buckets);
  const uptime = formatUptime(overallUptime(stats.months));
  const minutesShown = sumMinutes(stats.months.filter((m) => buckets.some((b) => b.months.includes(m.month))));
  const anyStatus = totalMinutes(minutesShown) > 0;
  const runs = uptimeRuns(bars);
  return (
    <div className="history-vendor-stats">
      <h3 className="history-stats-vendor">{stats.vendorName}</h3>
      <dl className="history-figures">
        <div><dt>Incidents</dt><dd>{stats.incidents}</dd></div>
        <div><dt>Resolved</dt><dd>{stats.resolved}</dd></div>
        <div><dt>Mean time to resolve</dt><dd>{minutes(stats.meanMinutesToResolve)}</dd></div>
        <div><dt>Median time to resolve</dt><dd>{minutes(stats.medianMinutesToResolve)}</dd></div>
        <div><dt>Uptime</dt><dd>{uptime ?? <span className="muted">no component data</span>}</dd></div>
      </dl>

      <figure className="history-figure">
        <figcaption>Incidents {PER[unit]}</figcaption>
        <IncidentBars bars={bars} label={`Incidents ${PER[unit]} at ${stats.vendorName}`} />
      </figure>

      {anyStatus ? (
        <>
          <figure className="history-figure">
            <figcaption>Time in each status <span className="muted">(all components)</span></figcaption>
            <StatusStacks
              bars={bars}
              label={`Time in each status at ${stats.vendorName}, whole period: ${STACK_ORDER.filter((l) => minutesShown[l] > 0).map((l) => `${STATUS_LABELS[l]} ${formatShare(minutesShown[l], totalMinutes(minutesShown))}`).join(', ')}`}
            />
            <StatusLegend minutes={minutesShown} />
          </figure>
          <figure className="history-figure">
            <figcaption>{BY[unit]}</figcaption>
            <ul className="history-uptime">
              {[...runs].reverse().map((r) => (
                <li key={r.from}>
                  <span>{r.from === r.to ? r.from : `${r.from} – ${r.to}`}</span>
                  {r.uptime === null ? <span className="muted">no component data</span> : <strong>{formatUptime(r.uptime)}</strong>}
                </li>
              ))}
            </ul>
          </figure>
        </>
      ) : (
        <div className="history-figure">
          <h4 className="history-figure-title">Time in each status and uptime</h4>
          <p className="calm small">No component data for this period. Upstream learns how long components spend in each status from its own checks, from the first one on; some status pages (feeds) list no components at all.</p>
        </div>
      )}

      <table className="visually-hidden">
        <caption>{stats.vendorName} by {unit}: incidents, uptime and time in each status</caption>
        <thead>
          <tr>
            <th scope="col">{unit === 'month' ? 'Month' : unit === 'quarter' ? 'Quarter' : 'Year'}</th>
            <th scope="col">Incidents</th>
            <th scope="col">Uptime</th>
            {STACK_ORDER.map((l) => <th key={l} scope="col">{STATUS_LABELS[l]}</th>)}
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.label}</th>
              <td>{b.incidents}</td>
              <td>{formatUptime(b.uptime) ?? 'no component data'}</td>
              {STACK_ORDER.map((l) => <td key={l}>{b.minutes[l] > 0 ? formatDuration(b.minutes[l] * MINUTE) : '—'}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VendorList({ stats, unit, buckets, vendorHref }: { stats: VendorStats[]; unit: BucketUnit; buckets: Bucket[]; vendorHref: (vendorId: string) => string }): ReactNode {
  return (
    <>
      {buckets.length ? <p className="muted small history-vendor-list-note">Bars: incidents {PER[unit]}, {buckets[0]!.label}{buckets.length > 1 ? ` to ${buckets.at(-1)!.label}` : ''}.</p> : null}
      <ul className="history-vendor-list">
        {stats.map((s) => {
          const uptime = formatUptime(overallUptime(s.months));
          return (
            <li key={s.vendorId}>
              <div className="history-vendor-line">
                <a href={vendorHref(s.vendorId)} className="truncate" aria-label={`${s.vendorName}: show its reliability`}>{s.vendorName}</a>
                <span className="small nowrap">{s.incidents} incident{s.incidents === 1 ? '' : 's'}</span>
              </div>
              <IncidentBars bars={bucketStats(s, buckets)} height={28} compact label={`Incidents ${PER[unit]} at ${s.vendorName}`} />
              <p className="muted small history-vendor-figures">
                Median to resolve {minutes(s.medianMinutesToResolve)} · {uptime ? `uptime ${uptime}` : 'no component data'}
              </p>
            </li>
          );
        })}
      </ul>
      <table className="visually-hidden">
        <caption>Reliability by vendor</caption>
        <thead>
          <tr><th scope="col">Vendor</th><th scope="col">Incidents</th><th scope="col">Resolved</th><th scope="col">Mean time to resolve</th><th scope="col">Median time to resolve</th><th scope="col">Uptime</th></tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.vendorId}>
              <th scope="row">{s.vendorName}</th>
              <td>{s.incidents}</td>
              <td>{s.resolved}</td>
              <td>{minutes(s.meanMinutesToResolve)}</td>
              <td>{minutes(s.medianMinutesToResolve)}</td>
              <td>{formatUptime(overallUptime(s.months)) ?? 'no component data'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
