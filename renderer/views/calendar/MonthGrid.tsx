import { useMemo, useState, type ReactNode } from 'react';
import type { MaintenanceRecord } from '../../../shared/contract/history.ts';
import { STAGE_LABELS } from '../../lib/stages.ts';
import { dayKey, daysCovered, endOf, isSameDay, longDay, monthName, weekdayNames, type Month } from './dates.ts';
import { clock, entryKey, isUnderWay } from './windows.ts';

/** How many windows a day shows before "+N more" (which then takes the last line). */
export const DAY_CAPACITY = 3;

type Part = 'single' | 'start' | 'middle' | 'end';

interface Placement {
  record: MaintenanceRecord;
  part: Part;
  start: number;
  end: number;
}

/** Each window on every local day it covers, earliest start first. */
export function placeByDay(records: readonly MaintenanceRecord[]): Map<string, Placement[]> {
  const byDay = new Map<string, Placement[]>();
  for (const record of records) {
    const { scheduledFor, scheduledUntil } = record.maintenance;
    const start = Date.parse(scheduledFor);
    if (!Number.isFinite(start)) continue;
    const end = endOf(scheduledFor, scheduledUntil);
    const days = daysCovered(start, end);
    days.forEach((day, i) => {
      const part: Part = days.length === 1 ? 'single' : i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle';
      const list = byDay.get(dayKey(day)) ?? [];
      list.push({ record, part, start, end });
      byDay.set(dayKey(day), list);
    });
  }
  for (const list of byDay.values()) list.sort((a, b) => a.start - b.start || a.record.vendorName.localeCompare(b.record.vendorName));
  return byDay;
}

/** What a day's line says about when: the start, "until 02:00" on the last day, "all day" between. */
function whenOnDay(p: Placement): string {
  if (p.part === 'middle') return 'all day';
  if (p.part === 'end') return `until ${clock(p.end)}`;
  return clock(p.start);
}

export function MonthGrid({ month, weeks, records, now, onOpen }: {
  month: Month;
  weeks: Date[][];
  records: readonly MaintenanceRecord[];
  now: number;
  onOpen: (record: MaintenanceRecord, opener: HTMLElement) => void;
}): ReactNode {
  const byDay = useMemo(() => placeByDay(records), [records]);
  const names = useMemo(() => weekdayNames(), []);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const today = new Date(now);
  const toggle = (key: string): void => setExpanded((s) => {
    const next = new Set(s);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  });
  return (
    <table className="calendar-grid" aria-labelledby="calendar-period">
      <caption className="visually-hidden">Maintenance in {monthName(month)}, weeks starting Monday</caption>
      <thead>
        <tr>
          {names.map((n) => (
            <th key={n.long} scope="col"><span aria-hidden="true">{n.short}</span><span className="visually-hidden">{n.long}</span></th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={dayKey(week[0]!)}>
            {week.map((day) => {
              const key = dayKey(day);
              const inMonth = day.getMonth() === month.month;
              const isToday = isSameDay(day, today);
              const placed = byDay.get(key) ?? [];
              const open = expanded.has(key);
              const overflow = placed.length > DAY_CAPACITY && !open;
              const shown = overflow ? placed.slice(0, DAY_CAPACITY - 1) : placed;
              const label = longDay(day, today);
              return (
                <td key={key} className={['calendar-day', inMonth ? '' : 'calendar-day-outside', isToday ? 'calendar-day-today' : ''].filter(Boolean).join(' ')} aria-current={isToday ? 'date' : undefined}>
                  <div className="calendar-day-head">
                    <span className="calendar-day-number" aria-hidden="true">{day.getDate()}</span>
                    <span className="visually-hidden">{label}</span>
                    {isToday ? <span className="calendar-today-word">Today</span> : null}
                  </div>
                  {placed.length ? (
                    <ul className="calendar-day-list" aria-label={`${placed.length} maintenance window${placed.length === 1 ? '' : 's'} on ${label}`}>
                      {shown.map((p) => (
                        <li key={entryKey(p.record)}>
                          <DayEntry placement={p} onOpen={onOpen} />
                        </li>
                      ))}
                      {placed.length > DAY_CAPACITY ? (
                        <li>
                          <button type="button" className="calendar-more" aria-expanded={open} onClick={() => toggle(key)}>
                            {open ? 'Show fewer' : `+${placed.length - shown.length} more`}{' '}<span className="visually-hidden">on {label}</span>
                          </button>
                        </li>
                      ) : null}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayEntry({ placement, onOpen }: { placement: Placement; onOpen: (record: MaintenanceRecord, opener: HTMLElement) => void }): ReactNode {
  const { record, part } = placement;
  const m = record.maintenance;
  const now = isUnderWay(m.status);
  const cls = ['calendar-entry', now ? 'calendar-entry-now' : '', m.status === 'completed' ? 'calendar-entry-done' : '', part === 'single' ? '' : `calendar-entry-${part}`].filter(Boolean).join(' ');
  return (
    <button type="button" className={cls} data-entry={entryKey(record)} title={`${record.vendorName}: ${m.title} (${STAGE_LABELS[m.status]})`} onClick={(e) => onOpen(record, e.currentTarget)}>
      <span className="calendar-entry-meta">
        <span className="calendar-entry-when">{whenOnDay(placement)}</span>
        <span className="visually-hidden">,</span>{' '}
        <span className="calendar-entry-vendor">{record.vendorName}</span>
      </span>
      <span className="visually-hidden">:</span>{' '}
      <span className="calendar-entry-title">{m.title}</span>
      <span className="visually-hidden">,</span>{' '}
      {/* Under way is said on the line itself; the other stages only to screen readers (and in the detail). */}
      <span className={now ? 'calendar-entry-state' : 'visually-hidden'}>{STAGE_LABELS[m.status]}</span>
    </button>
  );
}
