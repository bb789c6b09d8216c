import { useEffect, useRef, type ReactNode } from 'react';
import { STATUS_LABELS } from '../../shared/model/index.ts';
import { Icon, type IconName } from '../components/Icons.tsx';
import { StatusDot } from '../components/Status.tsx';
import { Banner } from '../components/States.tsx';
import { Time } from '../components/Time.tsx';
import { useEngine } from '../stores/engine.ts';
import { hrefs, type Route } from './routes.ts';

const NAV: { name: Route['name']; label: string; icon: IconName; href: string }[] = [
  { name: 'overview', label: 'Overview', icon: 'overview', href: hrefs.overview() },
  { name: 'history', label: 'History', icon: 'history', href: hrefs.history() },
  { name: 'calendar', label: 'Maintenance', icon: 'calendar', href: hrefs.calendar() },
  { name: 'postmortems', label: 'Postmortems', icon: 'postmortems', href: hrefs.postmortems() },
  { name: 'settings', label: 'Settings', icon: 'settings', href: hrefs.settings() },
];

/** Which sidebar entry a route belongs to (an incident page belongs to the overview). */
function section(route: Route): Route['name'] {
  return route.name === 'vendor' || route.name === 'incident' ? 'overview' : route.name;
}

/** The full window: sidebar, the app-wide banners, and the current view. */
export function Shell({ route, title, children }: { route: Route; title: string; children: ReactNode }): ReactNode {
  const main = useRef<HTMLElement>(null);
  const path = route.name === 'incident' ? `${route.vendorId}/${route.incidentId}` : route.name === 'vendor' ? route.vendorId : route.name;
  useEffect(() => {
    document.title = title ? `${title} · Upstream` : 'Upstream';
  }, [title]);
  useEffect(() => {
    // A new view: move focus to it, as a page load would, so a screen reader announces it.
    main.current?.focus({ preventScroll: true });
    main.current?.scrollTo?.(0, 0);
  }, [path]);
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <Sidebar current={section(route)} />
      <main id="main" className="main" ref={main} tabIndex={-1} aria-label={title}>
        <AppBanners />
        {children}
      </main>
    </div>
  );
}

function Sidebar({ current }: { current: Route['name'] }): ReactNode {
  const state = useEngine((s) => s.state);
  const refresh = useEngine((s) => s.client?.vendors.refresh);
  const worst = state?.worst ?? 'unknown';
  const offline = state?.connectivity === 'offline';
  return (
    <nav className="sidebar" aria-label="Upstream">
      <div className="sidebar-inner">
        <div className="brand">
          <img src="./favicon.svg" alt="" width="24" height="24" />
          <span>Upstream</span>
        </div>
        <div className="overall" aria-live="polite">
          {offline ? (
            <span className="overall-line"><Icon name="offline" /> You are offline</span>
          ) : state?.vendorCount === 0 ? (
            <span className="overall-line">No vendors watched yet</span>
          ) : (
            <span className="overall-line"><StatusDot level={worst} /> {worst === 'operational' ? 'All systems operational' : STATUS_LABELS[worst]}</span>
          )}
          <span className="muted small">
            {state?.progress ? `Checking ${state.progress.done} of ${state.progress.total}…` : state?.lastCycleAt ? <>Checked <Time iso={state.lastCycleAt} mode="relative" /></> : 'Not checked yet'}
          </span>
        </div>
        <ul className="nav">
          {NAV.map((item) => (
            <li key={item.name}>
              <a href={item.href} aria-current={current === item.name ? 'page' : undefined}>
                <Icon name={item.icon} /> {item.label}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <button type="button" className="button small ghost" onClick={() => void refresh?.({})} disabled={!refresh}>
            <Icon name="refresh" /> Refresh all
          </button>
        </div>
      </div>
    </nav>
  );
}

/** Things true of the whole app: offline, the link to the engine lost, settings problems. */
function AppBanners(): ReactNode {
  const connected = useEngine((s) => s.connected);
  const offline = useEngine((s) => s.state?.connectivity === 'offline');
  const paused = useEngine((s) => s.state?.connectivity === 'paused');
  const notices = useEngine((s) => s.notices);
  const loadError = useEngine((s) => s.loadError);
  return (
    <div className="banners">
      {!connected ? <Banner tone="error">Lost the connection to Upstream. Reconnecting… (is <code>upstream serve</code> still running?)</Banner> : null}
      {offline ? <Banner tone="warning">You are offline. Vendors show their last known status; nothing is reported down because of your connection.</Banner> : null}
      {paused ? <Banner tone="info">Checking is paused while the computer sleeps.</Banner> : null}
      {loadError ? <Banner tone="error">Some data could not be loaded: {loadError}</Banner> : null}
      {notices.filter((n) => n.level !== 'info').slice(0, 2).map((n) => <Banner key={n.id} tone={n.level === 'error' ? 'error' : 'warning'}>{n.message}</Banner>)}
    </div>
  );
}
