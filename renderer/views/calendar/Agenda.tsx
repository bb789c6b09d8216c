import type { ReactNode } from 'react';
import type { MaintenanceRecord } from '../../../shared/contract/history.ts';
import { dayKey, daysBetween, endOf, longDay, startOfDay } from './dates.ts';
import { StageBadge, WindowText } from './Bits.tsx';
import { clock, entryKey, formatWindow, isUnderWay, windowDuration } from './windows.ts';

export type AgendaRange = 'upcoming' | 'past';

interface Day {
  key: string;
  day: Date;
  records: MaintenanceRecord[];
}

/**
 * Windows grouped by local day. Upcoming: oldest first from today, a window already running sits
 * under today. Past: newest first, by the day each began.
 */
export function groupByDay(records: readonly MaintenanceRecord[], range: AgendaRange, today: Date): Day[] {
  const direction = range === 'past' ? -1 : 1;
  const sorted = [...records].filter((r) => Number.isFinite(Date.parse(r.maintenance.scheduledFor)))
    .sort((a, b) => direction * (Date.parse(a.maintenance.scheduledFor) - Date.parse(b.maintenance.scheduledFor))
      || a.vendorName.localeCompare(b.vendorName) || a.maintenance.title.localeCompare(b.maintenance.title));
  const days = new Map<string, Day>();
  const floor = startOfDay(today).getTime();
  for (const r of sorted) {
    const start = Date.parse(r.maintenance.scheduledFor);
    const day = startOfDay(new Date(range === 'upcoming' ? Math.max(start, floor) : start));
    const key = dayKey(day);
    const entry = days.get(key) ?? { key, day, records: [] };
    entry.records.push(r);
    days.set(key, entry);
  }
  return [...days.values()];
}

function shortDay(instant: number): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).format(instant);
}

function relativeDay(day: Date, today: Date): string | null {
  const n = daysBetween(today, day);
  return n === 0 ? 'Today' : n === 1 ? 'Tomorrow' : n === -1 ? 'Yesterday' : null;
}

export function Agenda({ records, range, now, onOpen }: {
  records: readonly MaintenanceRecord[];
  range: AgendaRange;
  now: number;
  onOpen: (record: MaintenanceRecord, opener: HTMLElement) => void;
}): ReactNode {
  const today = new Date(now);
  const days = groupByDay(records, range, today);
  return (
    <ol className="calendar-agenda" aria-label={range === 'upcoming' ? 'Upcoming maintenance by day, soonest first' : 'Past maintenance by day, most recent first'}>
      {days.map(({ key, day, records: list }) => {
        const relative = relativeDay(day, today);
        return (
          <li key={key} className="calendar-agenda-day" aria-labelledby={`calendar-day-${key}`}>
            <h3 id={`calendar-day-${key}`} className="calendar-agenda-date">
              {relative ? <><span className="calendar-agenda-relative">{relative}</span> <span className="muted">{longDay(day, today)}</span></> : longDay(day, today)}
            </h3>
            <ul className="calendar-agenda-list">
              {list.map((r) => <AgendaItem key={entryKey(r)} record={r} day={day} now={now} onOpen={onOpen} />)}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

function AgendaItem({ record, day, now, onOpen }: { record: MaintenanceRecord; day: Date; now: number; onOpen: (record: MaintenanceRecord, opener: HTMLElement) => void }): ReactNode {
  const m = record.maintenance;
  const start = Date.parse(m.scheduledFor);
  const end = endOf(m.scheduledFor, m.scheduledUntil);
  const underWay = isUnderWay(m.status);
  const duration = windowDuration(m.scheduledFor, m.scheduledUntil);
  const startedEarlier = start < day.getTime();
  return (
    <li className={underWay ? 'calendar-agenda-item calendar-agenda-now' : m.status === 'completed' ? 'calendar-agenda-item calendar-agenda-done' : 'calendar-agenda-item'}>
      <div className="calendar-agenda-clock" aria-hidden="true">
        <span className="calendar-agenda-start">{startedEarlier ? `From ${shortDay(start)}` : clock(start)}</span>
        <span className="calendar-agenda-end">{!m.scheduledUntil ? 'end open' : end - start < 86_400_000 ? `to ${clock(end)}` : `to ${shortDay(end)}`}</span>
      </div>
      <div className="calendar-agenda-main">
        <span className="calendar-agenda-vendor">{record.vendorName}</span>
        <button type="button" className="calendar-agenda-title" data-entry={entryKey(record)} onClick={(e) => onOpen(record, e.currentTarget)}>
          <span className="visually-hidden">{record.vendorName}:</span> {m.title}
        </button>
        <p className="calendar-agenda-window">
          <WindowText text={formatWindow(m.scheduledFor, m.scheduledUntil, now)} />
          {duration ? <> · <span className="nowrap">{duration}</span></> : null}
        </p>
        {m.components.length ? (
          <ul className="tags calendar-agenda-components" aria-label="Affected components">
            {m.components.map((c) => <li key={c}>{c}</li>)}
          </ul>
        ) : null}
      </div>
      <div className="calendar-agenda-stage"><StageBadge status={m.status} /></div>
    </li>
  );
}
