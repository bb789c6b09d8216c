import type { ReactNode } from 'react';
import { STATUS_LABELS, type StatusLevel } from '../../../shared/model/index.ts';
import { StatusDot } from '../../components/Status.tsx';
import { formatShare, STACK_ORDER, totalMinutes, type BucketStats } from './stats-data.ts';

/*
 * Small hand-made SVG charts. Each is a picture (role="img") whose name carries its numbers, and
 * the stats section also has a table of every figure; colour is never the only carrier.
 */

const W = 320;

/** First and last bar's label under a chart, so the bars have a time axis without crowding. */
function Axis({ bars }: { bars: readonly BucketStats[] }): ReactNode {
  if (bars.length === 0) return null;
  return (
    <div className="history-axis" aria-hidden="true">
      <span>{bars[0]!.label}</span>
      {bars.length > 1 ? <span>{bars.at(-1)!.label}</span> : null}
    </div>
  );
}

function geometry(count: number): { slot: number; barW: number } {
  const slot = W / Math.max(1, count);
  return { slot, barW: Math.max(2, Math.min(28, slot * 0.7)) };
}

/** Incidents per bar (month, quarter or year), each with its count above it when there is room. */
export function IncidentBars({ bars, height = 96, compact = false, label }: { bars: readonly BucketStats[]; height?: number; compact?: boolean; label: string }): ReactNode {
  const max = Math.max(1, ...bars.map((b) => b.incidents));
  const { slot, barW } = geometry(bars.length);
  const top = compact ? 2 : 14;
  const showValues = !compact && slot >= 12;
  const described = bars.map((b) => `${b.label}: ${b.incidents}`).join(', ');
  return (
    <div className="history-chart">
      <svg className="history-svg" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${label}. ${described}`}>
        <line className="history-baseline" x1={0} x2={W} y1={height - 0.5} y2={height - 0.5} />
        {bars.map((b, i) => {
          const h = b.incidents === 0 ? 0 : Math.max(2, (b.incidents / max) * (height - top - 1));
          const x = i * slot + (slot - barW) / 2;
          return (
            <g key={b.key}>
              <title>{`${b.label}: ${b.incidents} incident${b.incidents === 1 ? '' : 's'}`}</title>
              {/* An invisible full-height target, so a hover anywhere in the column shows its numbers. */}
              <rect className="history-hit-area" x={i * slot} y={0} width={slot} height={height} />
              {h > 0 ? <rect className="history-bar" x={x} y={height - 1 - h} width={barW} height={h} rx={compact ? 1 : 2} /> : null}
              {showValues && b.incidents > 0 ? <text className="history-bar-value" x={x + barW / 2} y={height - 1 - h - 3} textAnchor="middle">{b.incidents}</text> : null}
            </g>
          );
        })}
      </svg>
      {compact ? null : <Axis bars={bars} />}
    </div>
  );
}

/**
 * Time in each status per bar, as 100 % stacks. An outage of minutes in a month of days would be
 * invisible at scale, so any status present gets at least 2 units of height; the legend and the
 * table carry the exact shares.
 */
export function StatusStacks({ bars, label }: { bars: readonly BucketStats[]; label: string }): ReactNode {
  const height = 80;
  const { slot, barW } = geometry(bars.length);
  return (
    <div className="history-chart">
      <svg className="history-svg" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={label}>
        {bars.map((b, i) => {
          const total = totalMinutes(b.minutes);
          const x = i * slot + (slot - barW) / 2;
          if (total <= 0) {
            return (
              <g key={b.key}>
                <title>{`${b.label}: no component data`}</title>
                <rect className="history-nodata" x={x + 0.5} y={0.5} width={Math.max(1, barW - 1)} height={height - 1} rx={2} />
              </g>
            );
          }
          const heights = stackHeights(b.minutes, total, height);
          let y = height;
          return (
            <g key={b.key}>
              <title>{`${b.label}: ${STACK_ORDER.filter((l) => b.minutes[l] > 0).map((l) => `${STATUS_LABELS[l]} ${formatShare(b.minutes[l], total)}`).join(', ')}`}</title>
              <rect className="history-hit-area" x={i * slot} y={0} width={slot} height={height} />
              {STACK_ORDER.map((l) => {
                const h = heights[l];
                if (h <= 0) return null;
                y -= h;
                return <rect key={l} className={`history-fill-${l}`} x={x} y={y} width={barW} height={h} />;
              })}
            </g>
          );
        })}
      </svg>
      <Axis bars={bars} />
    </div>
  );
}

function stackHeights(minutes: Record<StatusLevel, number>, total: number, height: number): Record<StatusLevel, number> {
  const out = Object.fromEntries(STACK_ORDER.map((l) => [l, 0])) as Record<StatusLevel, number>;
  let others = 0;
  for (const l of STACK_ORDER) {
    if (l === 'operational' || minutes[l] <= 0) continue;
    out[l] = Math.max(2, (minutes[l] / total) * height);
    others += out[l];
  }
  if (others > height) {
    for (const l of STACK_ORDER) out[l] = (out[l] * height) / others;
    return out;
  }
  out.operational = minutes.operational > 0 ? height - others : 0;
  return out;
}

/** The legend: a dot and the status word for each status present, with its share of the time. */
export function StatusLegend({ minutes }: { minutes: Record<StatusLevel, number> }): ReactNode {
  const total = totalMinutes(minutes);
  const present = [...STACK_ORDER].reverse().filter((l) => minutes[l] > 0);
  return (
    <ul className="history-legend" aria-label="Legend: share of component time">
      {present.map((l) => (
        <li key={l}>
          <StatusDot level={l} />
          <span>{STATUS_LABELS[l]}</span>
          <strong>{formatShare(minutes[l], total)}</strong>
        </li>
      ))}
    </ul>
  );
}
