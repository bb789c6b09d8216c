import { useSyncExternalStore } from 'react';

/**
 * Every screen has an address in the hash, so a notification click (or a bookmark, or the tray
 * menu) lands on it: `#/vendor/<id>/incident/<id>` is the deep link to an incident.
 */
export type Route =
  | { name: 'overview' }
  | { name: 'popover' }
  | { name: 'vendor'; vendorId: string }
  | { name: 'incident'; vendorId: string; incidentId: string }
  | { name: 'history'; params: URLSearchParams }
  | { name: 'calendar'; params: URLSearchParams }
  | { name: 'postmortems'; params: URLSearchParams }
  | { name: 'settings'; params: URLSearchParams }
  | { name: 'not_found'; path: string };

/** The hash → a route. Unknown addresses are a route too, so the app can say so. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const [first, second, third, fourth] = parts;
  if (parts.length === 0) return { name: 'overview' };
  if (first === 'popover' && parts.length === 1) return { name: 'popover' };
  if (first === 'vendor' && second && parts.length === 2) return { name: 'vendor', vendorId: second };
  if (first === 'vendor' && second && third === 'incident' && fourth && parts.length === 4) return { name: 'incident', vendorId: second, incidentId: fourth };
  if ((first === 'history' || first === 'calendar' || first === 'postmortems' || first === 'settings') && parts.length === 1) return { name: first, params };
  return { name: 'not_found', path };
}

const enc = encodeURIComponent;

/** A route's address, for links (`href={hrefOf(...)}`). */
export const hrefs = {
  overview: () => '#/',
  vendor: (vendorId: string) => `#/vendor/${enc(vendorId)}`,
  incident: (vendorId: string, incidentId: string) => `#/vendor/${enc(vendorId)}/incident/${enc(incidentId)}`,
  history: (params?: Record<string, string>) => `#/history${query(params)}`,
  calendar: (params?: Record<string, string>) => `#/calendar${query(params)}`,
  postmortems: (params?: Record<string, string>) => `#/postmortems${query(params)}`,
  settings: (params?: Record<string, string>) => `#/settings${query(params)}`,
};

function query(params?: Record<string, string>): string {
  const entries = Object.entries(params ?? {}).filter(([, v]) => v !== '');
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/** Change a view's query parameters without adding a history entry per keystroke. */
export function replaceParams(base: string, params: Record<string, string>): void {
  const next = `${base}${query(params)}`;
  if (window.location.hash !== next) window.history.replaceState(null, '', next);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
