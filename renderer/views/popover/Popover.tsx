import type { MouseEvent, ReactNode } from 'react';
import { STATUS_LABELS } from '../../../shared/model/index.ts';
import { hrefs } from '../../app/routes.ts';
import { Icon } from '../../components/Icons.tsx';
import { StatusDot } from '../../components/Status.tsx';
import { Time } from '../../components/Time.tsx';
import { useEngine } from '../../stores/engine.ts';
import { Overview } from '../overview/Overview.tsx';

/**
 * The tray popover (about 360 × 520): the overall state and last check, the overview in compact
 * form, and Refresh / Open Upstream. The desktop shell loads this route in its popover window.
 */
export function Popover(): ReactNode {
  const state = useEngine((s) => s.state);
  const refresh = useEngine((s) => s.client?.vendors.refresh);
  const worst = state?.worst ?? 'unknown';
  const offline = state?.connectivity === 'offline';
  // The popover is a small window beside the tray: what a person opens from it (an incident, a
  // vendor) opens in the main window, which the desktop shell shows when asked for a new window.
  const openOutside = (event: MouseEvent<HTMLDivElement>): void => {
    const anchor = (event.target as Element).closest?.('a[href^="#/"]');
    if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank') return;
    event.preventDefault();
    window.open(anchor.href, '_blank', 'noopener');
  };
  return (
    <div className="popover" onClick={openOutside}>
      <header className="popover-head">
        <span className="overall-line">
          {offline ? <><Icon name="offline" /> You are offline</> : <><StatusDot level={worst} /> {worst === 'operational' ? 'All systems operational' : STATUS_LABELS[worst]}</>}
        </span>
        <span className="muted small">{state?.lastCycleAt ? <>Checked <Time iso={state.lastCycleAt} mode="relative" /></> : 'Not checked yet'}</span>
      </header>
      <main className="popover-body" aria-label="Vendors">
        <Overview compact />
      </main>
      <footer className="popover-foot">
        <button type="button" className="button small" onClick={() => void refresh?.({})}><Icon name="refresh" /> Refresh</button>
        <a className="button small primary" href={hrefs.overview()} target="_blank" rel="noopener">Open Upstream</a>
      </footer>
    </div>
  );
}
