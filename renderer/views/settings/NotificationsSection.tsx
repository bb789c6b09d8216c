import { useEffect, useState, type ReactNode } from 'react';
import type { Settings } from '../../../shared/contract/settings.ts';
import type { SeverityThreshold } from '../../../shared/model/index.ts';
import { userTimeZone } from '../../lib/time.ts';
import { useEngine } from '../../stores/engine.ts';
import { OutcomeNote, useDraft, useOutcome } from './outcome.tsx';
import { rulesOf } from './prefs.ts';
import { SnoozeControl } from './SnoozeControl.tsx';
import { ThresholdChoice } from './ThresholdChoice.tsx';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether Upstream may notify at all, the default threshold, quiet hours, and a snooze for everything. */
export function NotificationsSection({ settings }: { settings: Settings }): ReactNode {
  const n = settings.notifications;
  return (
    <section className="settings-section" aria-labelledby="settings-notifications-title">
      <header className="settings-section-head">
        <h2 id="settings-notifications-title">Notifications</h2>
        <p className="muted">When Upstream tells you about a vendor's incident. Each vendor can have its own rules, under Vendors.</p>
      </header>
      <EnabledToggle enabled={n.enabled} />
      <div className="settings-card" role="group" aria-labelledby="settings-defaults-title">
        <h3 id="settings-defaults-title">Default rules</h3>
        <p className="muted small settings-hint">For every vendor without its own rules.</p>
        <DefaultThreshold />
      </div>
      <QuietHours quiet={n.quietHours} />
      <div className="settings-card" role="group" aria-labelledby="settings-snooze-all-title">
        <h3 id="settings-snooze-all-title">Snooze everything</h3>
        <p className="muted small settings-hint">A break from all notifications; incidents still appear in Upstream.</p>
        <SnoozeControl vendorId={null} subject="all notifications" />
      </div>
    </section>
  );
}

function EnabledToggle({ enabled: applied }: { enabled: boolean }): ReactNode {
  const client = useEngine((s) => s.client);
  const { outcome, run } = useOutcome();
  const [enabled, choose, forget] = useDraft(applied);
  return (
    <div className="settings-card settings-master">
      <label className="settings-check settings-switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={enabled}
          onChange={(e) => {
            const on = e.target.checked;
            if (!client) return;
            choose(on);
            void run(() => client.settings.set({ notificationsEnabled: on }), on ? 'Notifications on' : 'Notifications off').then((r) => r && !r.ok && forget());
          }}
        />
        <span>
          <strong>Show desktop notifications</strong>
          <span className="muted small block">{enabled ? 'On: Upstream pops up a notification when a vendor reports a problem.' : 'Off: nothing pops up. Incidents still appear in Upstream.'}</span>
        </span>
      </label>
      <OutcomeNote outcome={outcome} />
    </div>
  );
}

function DefaultThreshold(): ReactNode {
  const client = useEngine((s) => s.client);
  const settings = useEngine((s) => s.settings);
  const { outcome, run } = useOutcome();
  const { rules } = rulesOf(settings, null);
  const [threshold, choose, forget] = useDraft(rules.threshold);
  const save = (next: SeverityThreshold): void => {
    if (!client) return;
    choose(next);
    void run(() => client.rules.set({ vendorId: null, rules: { ...rules, threshold: next } })).then((r) => r && !r.ok && forget());
  };
  return (
    <div className="settings-control-row">
      <ThresholdChoice name="settings-default-threshold" legend="Notify me about" value={threshold} onChange={save} />
      {threshold === 'muted' ? (
        <p className="muted small">Muted by default: only vendors with their own rules notify you. <button type="button" className="button small" onClick={() => save('all')}>Unmute</button></p>
      ) : null}
      <OutcomeNote outcome={outcome} />
    </div>
  );
}

function QuietHours({ quiet: applied }: { quiet: Settings['notifications']['quietHours'] }): ReactNode {
  const client = useEngine((s) => s.client);
  const { outcome, run, show } = useOutcome();
  const [quiet, choose, forget] = useDraft(applied);
  const [start, setStart] = useState(quiet.start);
  const [end, setEnd] = useState(quiet.end);
  // The engine's settings win whenever they change (saved here, or elsewhere).
  useEffect(() => setStart(quiet.start), [quiet.start]);
  useEffect(() => setEnd(quiet.end), [quiet.end]);
  const save = (next: { enabled: boolean; start: string; end: string }): void => {
    if (!client) return;
    if (!TIME.test(next.start) || !TIME.test(next.end)) {
      show({ state: 'error', text: 'Enter both times as hours and minutes, like 22:00.' });
      return;
    }
    if (next.enabled === quiet.enabled && next.start === quiet.start && next.end === quiet.end) return;
    choose(next);
    void run(() => client.settings.set({ quietHours: next }), next.enabled ? `Quiet from ${next.start} to ${next.end}` : 'Quiet hours off').then((r) => {
      if (r && !r.ok) {
        forget();
        setStart(applied.start);
        setEnd(applied.end);
      }
    });
  };
  const commit = (): void => save({ enabled: quiet.enabled, start, end });
  return (
    <div className="settings-card" role="group" aria-labelledby="settings-quiet-title">
      <h3 id="settings-quiet-title">Quiet hours</h3>
      <label className="settings-check">
        <input type="checkbox" role="switch" checked={quiet.enabled} onChange={(e) => save({ enabled: e.target.checked, start, end })} />
        <span>Hold notifications during quiet hours</span>
      </label>
      <div className="settings-times">
        <label className="field">
          <span>From</span>
          <input className="input" type="time" value={start} disabled={!quiet.enabled} onChange={(e) => setStart(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
        </label>
        <label className="field">
          <span>To</span>
          <input className="input" type="time" value={end} disabled={!quiet.enabled} onChange={(e) => setEnd(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
        </label>
        <OutcomeNote outcome={outcome} />
      </div>
      <p className="muted small settings-hint">
        Times on this computer's clock ({userTimeZone()}). A window like 22:00 to 07:00 runs over midnight.
      </p>
    </div>
  );
}
