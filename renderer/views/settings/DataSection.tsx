import { useEffect, useId, useState, type ChangeEvent, type ReactNode } from 'react';
import type { ImportReport, Settings } from '../../../shared/contract/settings.ts';
import { Icon } from '../../components/Icons.tsx';
import { useEngine } from '../../stores/engine.ts';
import { OutcomeNote, useOutcome } from './outcome.tsx';

export const EXPORT_FILENAME = 'upstream-watchlist.json';

/** Moving a watchlist between machines (export, import with a report) and how long history is kept. */
export function DataSection({ settings }: { settings: Settings }): ReactNode {
  return (
    <section className="settings-section" aria-labelledby="settings-data-title">
      <header className="settings-section-head">
        <h2 id="settings-data-title">Data</h2>
        <p className="muted">Everything Upstream knows lives on this computer. Share a watchlist with your team as a file.</p>
      </header>
      <div className="settings-card" role="group" aria-labelledby="settings-transfer-title">
        <h3 id="settings-transfer-title">Watchlist file</h3>
        <p className="muted small settings-hint">The file lists each vendor, how often it is checked and which components matter. It holds no history.</p>
        <ExportWatchlist count={settings.watchlist.length} />
        <ImportWatchlist />
      </div>
      <Retention days={settings.history.retentionDays} />
    </section>
  );
}

function ExportWatchlist({ count }: { count: number }): ReactNode {
  const client = useEngine((s) => s.client);
  const { outcome, run } = useOutcome();
  const exportNow = async (): Promise<void> => {
    if (!client) return;
    const result = await run(() => client.watchlist.export(), (v) => `Exported ${v.vendors.length} vendor${v.vendors.length === 1 ? '' : 's'} to ${EXPORT_FILENAME}`, 'Exporting…');
    if (!result?.ok) return;
    const blob = new Blob([`${JSON.stringify(result.value, null, 2)}\n`], { type: 'application/json' });
    const href = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = href;
    link.download = EXPORT_FILENAME;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later: some browsers start reading the blob only after the click has returned.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };
  return (
    <div className="settings-control-row">
      <button type="button" className="button" onClick={() => void exportNow()} disabled={count === 0}>
        <Icon name="download" /> Export watchlist
      </button>
      <span className="muted small">{count === 0 ? 'Nothing to export yet.' : `${count} vendor${count === 1 ? '' : 's'}`}</span>
      <OutcomeNote outcome={outcome} />
    </div>
  );
}

function ImportWatchlist(): ReactNode {
  const client = useEngine((s) => s.client);
  const vendors = useEngine((s) => s.vendors);
  const base = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const { outcome, run } = useOutcome();
  const [report, setReport] = useState<{ file: string; report: ImportReport } | null>(null);
  const names = new Map(vendors.map((v) => [v.source.id, v.source.name]));
  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = e.target;
    const file = input.files?.[0];
    if (!client || !file) return;
    setReport(null);
    const text = await file.text();
    const result = await run(() => client.watchlist.import({ text }), `Imported ${file.name}`, `Importing ${file.name}…`);
    if (result?.ok) setReport({ file: file.name, report: result.value });
    // The same file can be chosen again (after a fix) and still fire a change.
    input.value = '';
  };
  return (
    <div className="settings-import">
      <div className="settings-control-row">
        <label className="button settings-file" htmlFor={`${base}-file`}>Import a watchlist file…</label>
        <input id={`${base}-file`} className="settings-file-input" type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
        <span className="muted small">Vendors already watched are left as they are.</span>
        <OutcomeNote outcome={outcome} />
      </div>
      {report ? (
        <div className="settings-report" role="group" aria-label={`What importing ${report.file} did`}>
          <p><strong>{report.file}</strong>: {summary(report.report)}.</p>
          {report.report.added.length ? (
            <>
              <h4>Added</h4>
              <ul className="settings-report-list">
                {report.report.added.map((id) => <li key={id}><span className="settings-report-mark added" aria-hidden="true">+</span> {names.get(id) ?? id} {names.has(id) ? <code className="muted">{id}</code> : null}</li>)}
              </ul>
            </>
          ) : null}
          {report.report.skipped.length ? (
            <>
              <h4>Skipped</h4>
              <ul className="settings-report-list">
                {report.report.skipped.map((s, i) => <li key={i}><span className="settings-report-mark skipped" aria-hidden="true">–</span> <span className="settings-report-entry">{s.entry}</span>: <span className="muted">{s.reason}</span></li>)}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function summary(r: ImportReport): string {
  const added = r.added.length === 0 ? 'nothing added' : `added ${r.added.length} vendor${r.added.length === 1 ? '' : 's'}`;
  return r.skipped.length ? `${added}, skipped ${r.skipped.length}` : added;
}

function Retention({ days }: { days: number }): ReactNode {
  const client = useEngine((s) => s.client);
  const { outcome, run, show } = useOutcome();
  const [text, setText] = useState(String(days));
  const fieldId = 'settings-retention';
  useEffect(() => setText(String(days)), [days]);
  const commit = (): void => {
    if (!client) return;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > 36500) {
      show({ state: 'error', text: 'Enter a whole number of days, from 1 to 36500.' });
      return;
    }
    if (value === days) return;
    void run(() => client.settings.set({ retentionDays: value }), `History kept for ${value} day${value === 1 ? '' : 's'}`);
  };
  return (
    <div className="settings-card" role="group" aria-labelledby="settings-retention-title">
      <h3 id="settings-retention-title">History</h3>
      <div className="settings-control-row">
        <div className="field">
          <label className="field-label" htmlFor={fieldId}>Keep incidents and events for</label>
          <span className="settings-days">
            <input id={fieldId} className="input settings-days-input" type="number" inputMode="numeric" min={1} max={36500} step={1} value={text}
              aria-describedby={`${fieldId}-unit`}
              onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
            <span id={`${fieldId}-unit`} className="muted">days</span>
          </span>
        </div>
        <OutcomeNote outcome={outcome} />
      </div>
      <p className="muted small settings-hint">Closed incidents, past maintenance and events older than this are deleted as Upstream tidies up (at most hourly). Ongoing incidents are always kept.</p>
    </div>
  );
}
