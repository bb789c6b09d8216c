import './calendar.css';
import { useRef, useState, type ReactNode } from 'react';
import type { MaintenanceRecord } from '../../../shared/contract/history.ts';
import type { VendorView } from '../../../shared/contract/vendors.ts';
import { hrefs, replaceParams } from '../../app/routes.ts';
import { Icon } from '../../components/Icons.tsx';
import { EmptyState, ErrorNote, Loading } from '../../components/States.tsx';
import { useNow } from '../../components/Time.tsx';
import { userTimeZone } from '../../lib/time.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useEngine } from '../../stores/engine.ts';
import { Agenda, type AgendaRange } from './Agenda.tsx';
import { addDays, addMonths, endOf, firstOfMonth, monthName, monthParam, monthWeeks, parseMonth, spanOf, startOfDay, type Month } from './dates.ts';
import { downloadText } from './download.ts';
import { MaintenanceDialog } from './MaintenanceDialog.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { entryKey } from './windows.ts';

type View = 'month' | 'agenda';
type Param = 'view' | 'month' | 'vendor' | 'when';

/** How far the agenda looks ahead, and what it exports. */
const AGENDA_DAYS = 365;
/** The past agenda shows everything history kept (its retention is the bound). */
const EPOCH = new Date(0);

/**
 * What maintenance is coming and what is under way, across every watched vendor: a month grid or
 * a day-by-day agenda. The view, month, vendor and range live in the hash query
 * (`#/calendar?view=agenda&month=2026-11&vendor=github`), so a reload or a link shows the same.
 */
export function Calendar({ params }: { params: URLSearchParams }): ReactNode {
  const status = useEngine((s) => s.status);
  const loadError = useEngine((s) => s.loadError);
  const reload = useEngine((s) => s.reload);
  const vendors = useEngine((s) => s.vendors);
  const head = (
    <header className="page-head">
      <h1>Maintenance</h1>
      <p className="muted">What is coming and what is under way at the vendors you watch. Times in {userTimeZone()}.</p>
    </header>
  );
  if (status === 'loading') return <div className="calendar">{head}<Loading what="your vendors" /></div>;
  if (status === 'failed') return <div className="calendar">{head}<ErrorNote title="Upstream could not be read." message={loadError ?? 'Unknown error'} retry={() => void reload()} /></div>;
  if (vendors.length === 0) {
    return (
      <div className="calendar">
        {head}
        <EmptyState title="No vendors watched yet" action={<a className="button primary" href={hrefs.settings({ section: 'vendors' })}>Add vendors in Settings</a>}>
          Planned maintenance of the vendors you watch shows up here, as soon as they announce it.
        </EmptyState>
      </div>
    );
  }
  return <div className="calendar">{head}<CalendarBody params={params} vendors={vendors} /></div>;
}

function CalendarBody({ params, vendors }: { params: URLSearchParams; vendors: readonly VendorView[] }): ReactNode {
  const client = useEngine((s) => s.client);
  const now = useNow();
  const today = startOfDay(new Date(now));
  const current: Month = { year: today.getFullYear(), month: today.getMonth() };
  const view: View = params.get('view') === 'agenda' ? 'agenda' : 'month';
  const range: AgendaRange = params.get('when') === 'past' ? 'past' : 'upcoming';
  const month = parseMonth(params.get('month'), today);
  const vendor = vendors.find((v) => v.source.id === params.get('vendor'));
  const vendorId = vendor?.source.id ?? '';
  const weeks = monthWeeks(month);

  // What is read (the whole grid, spill-over days included) and what is exported (what the heading names).
  const monthStart = firstOfMonth(month);
  const monthEnd = firstOfMonth(addMonths(month, 1));
  const shown = view === 'month' ? spanOf(weeks)
    : range === 'upcoming' ? { from: today, to: addDays(today, AGENDA_DAYS) } : { from: EPOCH, to: today };
  const exported = view === 'month' ? { from: monthStart, to: monthEnd } : shown;
  const request = { from: shown.from.toISOString(), to: shown.to.toISOString(), ...(vendorId ? { vendorId } : {}) };
  const query = useQuery(`calendar:${request.from}:${request.to}:${vendorId}`, (c) => c.maintenances.list(request));

  const setParams = (patch: Partial<Record<Param, string>>): void => {
    const next: Record<Param, string> = { view, month: params.get('month') ?? '', vendor: vendorId, when: range === 'past' ? 'past' : '', ...patch };
    replaceParams(hrefs.calendar(), next);
  };

  const [selected, setSelected] = useState<{ key: string; record: MaintenanceRecord } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = (record: MaintenanceRecord, from: HTMLElement): void => {
    opener.current = from;
    setSelected({ key: entryKey(record), record });
  };
  const closed = (): void => {
    const key = selected?.key;
    setSelected(null);
    const back = opener.current?.isConnected ? opener.current : [...document.querySelectorAll<HTMLElement>('[data-entry]')].find((el) => el.dataset.entry === key);
    back?.focus();
  };
  // The open dialog follows live updates of its maintenance; if it drops out of the data, the last copy stays.
  const live = selected ? query.data?.find((r) => entryKey(r) === selected.key) ?? selected.record : null;

  const [exporting, setExporting] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const exportIcs = async (): Promise<void> => {
    if (!client) return;
    setExporting({ busy: true, error: null });
    const result = await client.maintenances.ics({ from: exported.from.toISOString(), to: exported.to.toISOString(), ...(vendorId ? { vendorId } : {}) });
    if (!result.ok) {
      setExporting({ busy: false, error: result.error.message });
      return;
    }
    downloadText(result.value.filename, result.value.text, 'text/calendar;charset=utf-8');
    setExporting({ busy: false, error: null });
  };

  const periodName = view === 'month' ? monthName(month) : range === 'upcoming' ? `Next ${AGENDA_DAYS} days` : 'Before today';
  const forVendor = vendor ? ` for ${vendor.source.name}` : '';
  const records = query.data ?? [];
  const inMonth = records.filter((r) => Date.parse(r.maintenance.scheduledFor) < monthEnd.getTime() && endOf(r.maintenance.scheduledFor, r.maintenance.scheduledUntil) > monthStart.getTime());

  return (
    <>
      <div className="calendar-toolbar">
        <div className="calendar-control">
          <span className="field-label" id="calendar-view-label">View</span>
          <div className="segmented" role="group" aria-labelledby="calendar-view-label">
            <button type="button" aria-pressed={view === 'month'} onClick={() => setParams({ view: 'month' })}>Month</button>
            <button type="button" aria-pressed={view === 'agenda'} onClick={() => setParams({ view: 'agenda' })}>Agenda</button>
          </div>
        </div>
        <label className="field calendar-control">
          <span>Vendor</span>
          <select className="select" value={vendorId} onChange={(e) => setParams({ vendor: e.target.value })}>
            <option value="">All vendors</option>
            {vendors.map((v) => <option key={v.source.id} value={v.source.id}>{v.source.name}</option>)}
          </select>
        </label>
        <button type="button" className="button calendar-export" onClick={() => void exportIcs()} disabled={exporting.busy} aria-describedby="calendar-export-what">
          <Icon name="download" /> {exporting.busy ? 'Exporting…' : 'Export .ics'}
        </button>
        <span id="calendar-export-what" className="visually-hidden">Saves the maintenance shown ({periodName}{forVendor}) as an iCalendar file</span>
      </div>
      {exporting.error ? <ErrorNote title="The calendar file could not be made." message={exporting.error} retry={() => void exportIcs()} /> : null}

      <section className="calendar-body" aria-labelledby="calendar-period">
        <div className="calendar-nav">
          <h2 id="calendar-period" aria-live="polite">{periodName}{forVendor ? <span className="muted calendar-period-vendor">{forVendor}</span> : null}</h2>
          {view === 'month' ? (
            <div className="calendar-nav-buttons">
              <button type="button" className="button small" aria-label="Previous month" title={monthName(addMonths(month, -1))} onClick={() => setParams({ month: monthParam(addMonths(month, -1)) })}>
                <Icon name="back" />
              </button>
              <button type="button" className="button small" onClick={() => setParams({ month: monthParam(current) })}>Today</button>
              <button type="button" className="button small" aria-label="Next month" title={monthName(addMonths(month, 1))} onClick={() => setParams({ month: monthParam(addMonths(month, 1)) })}>
                <Icon name="forward" />
              </button>
            </div>
          ) : (
            <div className="segmented" role="group" aria-label="Which maintenance">
              <button type="button" aria-pressed={range === 'upcoming'} onClick={() => setParams({ when: '' })}>Upcoming</button>
              <button type="button" aria-pressed={range === 'past'} onClick={() => setParams({ when: 'past' })}>Past</button>
            </div>
          )}
        </div>

        {query.error && !query.data ? (
          <ErrorNote title="Maintenance could not be read." message={query.error} retry={query.reload} />
        ) : view === 'month' ? (
          <>
            {query.loading ? <Loading what="maintenance" /> : inMonth.length === 0 ? (
              <p className="calendar-empty" role="status">
                <span>No maintenance scheduled in {monthName(month, month.year !== current.year)}{forVendor}.</span>{' '}
                <button type="button" className="calendar-linklike" onClick={() => setParams({ view: 'agenda', when: '' })}>See everything coming up in the agenda</button>
              </p>
            ) : null}
            <MonthGrid key={monthParam(month)} month={month} weeks={weeks} records={records} now={now} onOpen={open} />
          </>
        ) : query.loading ? <Loading what="maintenance" /> : records.length === 0 ? (
          <EmptyState
            title={range === 'upcoming' ? `No maintenance scheduled in the next ${AGENDA_DAYS} days${forVendor}` : `No past maintenance recorded${forVendor}`}
            action={<button type="button" className="button" onClick={() => setParams({ when: range === 'upcoming' ? 'past' : '' })}>{range === 'upcoming' ? 'Show past maintenance' : 'Show upcoming maintenance'}</button>}
          >
            {range === 'upcoming' ? 'Vendors announce planned work days or weeks ahead; it appears here when they do.' : 'Upstream keeps what it has seen since you started watching.'}
          </EmptyState>
        ) : (
          <Agenda records={records} range={range} now={now} onOpen={open} />
        )}
        {query.error && query.data ? <p className="calendar-stale" role="status">Could not refresh: {query.error}. Showing what was read before.</p> : null}
      </section>

      <MaintenanceDialog record={live} now={now} onClose={closed} />
    </>
  );
}
