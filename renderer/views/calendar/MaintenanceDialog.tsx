import { useEffect, useRef, type ReactNode } from 'react';
import type { MaintenanceRecord } from '../../../shared/contract/history.ts';
import { Icon } from '../../components/Icons.tsx';
import { Markdown } from '../../components/Markdown.tsx';
import { Time } from '../../components/Time.tsx';
import { safeHref } from '../../lib/links.ts';
import { formatRelative } from '../../lib/time.ts';
import { endOf } from './dates.ts';
import { StageBadge, WindowText } from './Bits.tsx';
import { formatWindow, isUnderWay, windowDuration } from './windows.ts';

/** Beyond this, "ended 2538 d ago" says less than the window's own dates. */
const RELATIVE_LIMIT_MS = 45 * 86_400_000;

/** Where the window stands against now, in words beside the vendor's stage ("starts in 3 d"). */
function timing(record: MaintenanceRecord, now: number): string | null {
  const m = record.maintenance;
  if (Math.abs(Date.parse(m.scheduledFor) - now) > RELATIVE_LIMIT_MS && Math.abs(endOf(m.scheduledFor, m.scheduledUntil) - now) > RELATIVE_LIMIT_MS) return null;
  const start = Date.parse(m.scheduledFor);
  const end = endOf(m.scheduledFor, m.scheduledUntil);
  if (m.status === 'completed') return m.scheduledUntil ? `ended ${formatRelative(new Date(end).toISOString(), now)}` : `began ${formatRelative(m.scheduledFor, now)}`;
  if (isUnderWay(m.status)) return `began ${formatRelative(m.scheduledFor, now)}`;
  return start > now ? `starts ${formatRelative(m.scheduledFor, now)}` : `was due to start ${formatRelative(m.scheduledFor, now)}`;
}

/**
 * One maintenance in a modal dialog (the platform's `<dialog>`: focus is held inside, Escape
 * closes it, the page behind is inert). `record` null means closed; `onClose` runs however it
 * closes, so the caller can put focus back on the entry that opened it.
 */
export function MaintenanceDialog({ record, now, onClose }: { record: MaintenanceRecord | null; now: number; onClose: () => void }): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (record && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // Start on Close, not on the first control (the external link, which Enter would follow).
      dialog.querySelector<HTMLElement>('.calendar-dialog-close')?.focus();
    } else if (!record && dialog.open) {
      close(dialog);
    }
  }, [record]);
  const m = record?.maintenance;
  const link = safeHref(m?.url);
  const duration = m ? windowDuration(m.scheduledFor, m.scheduledUntil) : null;
  const when = record ? timing(record, now) : null;
  return (
    <dialog
      ref={ref}
      className="calendar-dialog"
      // In the desktop app, the vendor link is opened by the engine's stored URL (links.open).
      data-vendor-id={record?.vendorId}
      aria-labelledby="calendar-dialog-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        close(e.currentTarget);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        close(e.currentTarget);
      }}
      // The content fills the dialog, so a click on the dialog itself is a click on the backdrop.
      onClick={(e) => {
        if (e.target === e.currentTarget) close(e.currentTarget);
      }}
    >
      {record && m ? (
        <div className="calendar-dialog-body">
          <header className="calendar-dialog-head">
            <div className="calendar-dialog-heading">
              <p className="eyebrow">{record.vendorName} maintenance</p>
              <h2 id="calendar-dialog-title">{m.title}</h2>
              {link ? (
                <a className="button small calendar-dialog-link" href={link} target="_blank" rel="noopener noreferrer external"><Icon name="external" /> View on {record.vendorName}'s status page</a>
              ) : <span className="muted small">The vendor gave no link for this maintenance.</span>}
            </div>
            <button type="button" className="button ghost small calendar-dialog-close" aria-label="Close" onClick={() => ref.current && close(ref.current)}>
              <Icon name="close" />
            </button>
          </header>

          <dl className="facts calendar-facts">
            <div>
              <dt>Status</dt>
              <dd className="calendar-facts-status"><StageBadge status={m.status} /> {when ? <span className="muted small">{when}</span> : null}</dd>
            </div>
            <div>
              <dt>Window</dt>
              <dd><WindowText text={formatWindow(m.scheduledFor, m.scheduledUntil, now)} /></dd>
            </div>
            <div>
              <dt>Duration</dt>
              <dd>{duration ?? <>End not announced <span className="muted small block">placed on the calendar as 1 h</span></>}</dd>
            </div>
            <div>
              <dt>Vendor</dt>
              <dd>{record.vendorName}</dd>
            </div>
            <div className="wide">
              <dt>Affected components</dt>
              <dd>{m.components.length ? <ul className="tags">{m.components.map((c) => <li key={c}>{c}</li>)}</ul> : <span className="muted">None named by the vendor</span>}</dd>
            </div>
          </dl>

          <section aria-labelledby="calendar-dialog-updates">
            <h3 id="calendar-dialog-updates" className="calendar-dialog-subhead">Updates <span className="count">{m.updates.length}</span></h3>
            {m.updates.length === 0 ? <p className="calm">The vendor has posted no update yet.</p> : (
              <ol className="timeline calendar-timeline" aria-label="Updates, oldest first">
                {m.updates.map((u, i) => (
                  <li key={`${u.id ?? i}-${u.at}`} className={`timeline-item calendar-update-${u.status}`}>
                    <div className="timeline-meta">
                      <span className="stage">{u.label}</span>
                      <Time iso={u.at} />
                    </div>
                    {u.body ? <Markdown text={u.body} className="timeline-body" /> : <p className="muted">(no text)</p>}
                  </li>
                ))}
              </ol>
            )}
          </section>

        </div>
      ) : null}
    </dialog>
  );
}

function close(dialog: HTMLDialogElement): void {
  if (typeof dialog.close === 'function') {
    if (dialog.open) dialog.close();
    return;
  }
  // Environments without the dialog API (jsdom): do what close() does.
  dialog.removeAttribute('open');
  dialog.dispatchEvent(new Event('close'));
}
