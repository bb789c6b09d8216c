import type { ReactNode } from 'react';
import { THEMES } from '../../../shared/contract/settings.ts';
import { useEngine } from '../../stores/engine.ts';
import { OutcomeNote, useDraft, useOutcome } from './outcome.tsx';

type Theme = (typeof THEMES)[number];

const THEME_CHOICES: Record<Theme, { label: string; hint: string }> = {
  system: { label: 'System', hint: 'Follow this computer’s light or dark setting' },
  light: { label: 'Light', hint: 'Always light' },
  dark: { label: 'Dark', hint: 'Always dark' },
};

/**
 * The theme. The engine saves it and sends the settings back; the app applies `ui.theme` from the
 * store, so the whole page switches as soon as the engine has it (and every other window too).
 */
export function AppearanceSection({ theme: applied }: { theme: Theme }): ReactNode {
  const client = useEngine((s) => s.client);
  const { outcome, run } = useOutcome();
  const [theme, setDraft, forget] = useDraft(applied);
  const choose = (next: Theme): void => {
    if (!client) return;
    setDraft(next);
    void run(() => client.settings.set({ theme: next }), `${THEME_CHOICES[next].label} theme`).then((r) => r && !r.ok && forget());
  };
  return (
    <section className="settings-section" aria-labelledby="settings-appearance-title">
      <header className="settings-section-head">
        <h2 id="settings-appearance-title">Appearance</h2>
        <p className="muted">How Upstream looks in this window, the tray popover and the browser.</p>
      </header>
      <div className="settings-card">
        <fieldset className="settings-fieldset">
          <legend><h3>Theme</h3></legend>
          <div className="settings-themes">
            {THEMES.map((value) => (
              <label key={value} className={`settings-theme${theme === value ? ' chosen' : ''}`}>
                <input type="radio" name="settings-theme" value={value} checked={theme === value} onChange={() => choose(value)} />
                <span className={`settings-swatch settings-swatch-${value}`} aria-hidden="true">
                  <span className="settings-swatch-bar" />
                  <span className="settings-swatch-line" />
                  <span className="settings-swatch-line short" />
                </span>
                <span className="settings-theme-label">{THEME_CHOICES[value].label}</span>
                <span className="muted small">{THEME_CHOICES[value].hint}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <OutcomeNote outcome={outcome} />
      </div>
    </section>
  );
}
