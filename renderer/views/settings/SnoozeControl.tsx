import type { ReactNode } from 'react';
import { useNow } from '../../components/Time.tsx';
import { useEngine } from '../../stores/engine.ts';
import { OutcomeNote, useOutcome } from './outcome.tsx';
import { activeSnooze, SNOOZE_CHOICES, untilWords } from './prefs.ts';

/**
 * Snooze one vendor's notifications (or all of them, vendorId null) for a while, or lift it.
 * What is in force comes from the settings the engine applied, not from what was clicked.
 */
export function SnoozeControl({ vendorId, subject }: { vendorId: string | null; subject: string }): ReactNode {
  const client = useEngine((s) => s.client);
  const settings = useEngine((s) => s.settings);
  const now = useNow(15_000);
  const { outcome, run } = useOutcome();
  const until = activeSnooze(settings, vendorId, now);
  const snooze = (minutes: number, done: string): void => {
    if (!client) return;
    void run(() => client.notifications.snooze({ vendorId, minutes }), done);
  };
  return (
    <div className="settings-snooze" role="group" aria-label={`Snooze ${subject}`}>
      <span className="field-label">Snooze notifications</span>
      <div className="settings-snooze-row">
        {until ? (
          <>
            <span className="settings-snoozed"><span className="settings-snooze-mark" aria-hidden="true">⏸</span> Snoozed until {untilWords(until, now)}</span>
            <button type="button" className="button small" onClick={() => snooze(0, 'Resumed')}>Resume</button>
          </>
        ) : SNOOZE_CHOICES.map((choice) => (
          <button key={choice.label} type="button" className="button small" onClick={() => snooze(choice.minutes(Date.now()), 'Snoozed')}>
            {choice.label}
          </button>
        ))}
        <OutcomeNote outcome={outcome} />
      </div>
    </div>
  );
}
