import type { Channel, ParsedRequestOf, ResponseOf } from '../../../shared/contract/api.ts';
import type { Notice } from '../../../shared/contract/events.ts';
import { fail, ok, type ApiResult } from '../../../shared/contract/result.ts';
import type { Settings, WatchedVendor } from '../../../shared/contract/settings.ts';
import type { EngineState, VendorView } from '../../../shared/contract/vendors.ts';
import { linksIn, normaliseLink } from '../../../shared/model/index.ts';
import { summariseKnown, type KnownSummary } from '../changes/known-view.ts';
import type { HistoryStore, VendorRow } from '../history/store.ts';
import type { FetchFn } from '../polling/http.ts';
import type { SettingsStore } from '../settings/index.ts';
import { vendorView } from './vendor-view.ts';

/** What the handlers need from the root: its stores, and the running loop when there is one. */
export interface HandlerDeps {
  settings: SettingsStore;
  history: HistoryStore;
  http: FetchFn;
  now: () => string;
  /** The overall state as the root tracks it (connectivity, worst level, progress). */
  state: () => EngineState;
  notices: () => Notice[];
  /** Queue polls now: how many were queued, or null when nothing is polling (a one-shot CLI command). */
  refresh: (vendorId?: string) => number | null;
}

/** One handler per channel; `tsc` fails when a channel of the contract has none. */
export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ApiResult<ResponseOf<C>>> };

/**
 * The engine's API, implemented once for every face: the CLI calls it in-process, the headless
 * server and the Electron IPC bridge expose it over their transports (through `dispatch`, which
 * validates). Handlers return values, never throw. Settings changes only write the settings: the
 * root hears of every change (from here, another process or a hand edit) and re-aligns the loop.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  // Detection, the catalogue and the calendar are imported by the calls that use them: a process
  // that only polls (`daemon --once`) never loads them, nor every feed adapter detection imports.
  const { settings, history } = deps;
  const views = (): VendorView[] => {
    const rows = new Map(history.vendors().map((r) => [r.id, r]));
    return settings.current.watchlist.map((v) => viewOf(deps, v, rows.get(v.id)));
  };
  const save = (mutate: (s: Settings) => void): Promise<ApiResult<Settings>> => settings.update(mutate);
  return {
    'engine.state': async () => ok(deps.state()),
    'vendors.list': async () => ok(views()),
    'incidents.list': async (q) => ok(history.listIncidents(q)),
    'incidents.get': async ({ vendorId, incidentId }) => {
      const record = history.getIncident(vendorId, incidentId);
      return record ? ok(record) : fail('not_found', `No incident ${incidentId} at ${vendorId}.`);
    },
    'maintenances.list': async (q) => ok(history.listMaintenances(q)),
    'maintenances.ics': async (q) => {
      const records = history.listMaintenances(q);
      return ok({ filename: `upstream-maintenance${q.vendorId ? `-${q.vendorId}` : ''}.ics`, text: (await import('../calendar/ics.ts')).maintenancesToIcs(records, { now: deps.now() }) });
    },
    'events.recent': async (q) => ok(history.recentEvents(q)),
    'history.search': async (q) => ok(history.search(q)),
    'history.stats': async (q) => ok(history.stats(q, deps.now())),
    'postmortems.list': async (q) => ok(history.listPostmortems(q)),
    'catalog.search': async ({ query, limit }) => ok((await import('../catalog/index.ts')).searchCatalog(query, limit)),
    'settings.get': async () => ok(settings.settings),
    'notices.list': async () => ok(deps.notices()),
    'watchlist.export': async () => ok(settings.exportWatchlist()),
    'vendors.detect': async ({ idOrUrl, timeoutSeconds }) => {
      const timeoutMs = (timeoutSeconds ?? 10) * 1000;
      const http: FetchFn = (url, opts) => deps.http(url, { totalTimeoutMs: timeoutMs, connectTimeoutMs: Math.min(timeoutMs, 5_000), ...opts });
      const { previewVendor } = await import('../vendors/preview.ts');
      const read = await previewVendor(idOrUrl, http, Math.min(timeoutMs, 5_000));
      if (!read.ok) return fail('detect_failed', read.message);
      return ok({ source: read.source, platform: read.source.platform, snapshot: read.snapshot });
    },
    'vendors.add': async ({ idOrUrl, intervalSeconds }) => {
      const { resolveVendorSource } = await import('../vendors/source-from-url.ts');
      const found = await resolveVendorSource(idOrUrl, deps.http);
      if (!found.ok) return fail('detect_failed', `${found.url}: ${found.message}`);
      const added = await settings.addVendor(found.source);
      if (!added.ok || intervalSeconds === undefined) return added;
      return configure(settings, { vendorId: added.value.id, intervalSeconds });
    },
    'vendors.remove': async ({ vendorId }) => settings.removeVendor(vendorId),
    'vendors.configure': async (request) => configure(settings, request),
    'vendors.refresh': async ({ vendorId }) => {
      if (vendorId && !settings.current.watchlist.some((v) => v.id === vendorId)) return fail('not_found', `"${vendorId}" is not on the watchlist.`);
      const queued = deps.refresh(vendorId);
      return queued === null ? fail('unavailable', 'Nothing is polling: start `upstream daemon` (or the app) to refresh.') : ok({ queued });
    },
    'rules.set': async ({ vendorId, rules }) => save((s) => {
      if (vendorId === null) s.notifications.defaults = rules;
      else s.notifications.perVendor[vendorId] = rules;
    }),
    'notifications.snooze': async ({ vendorId, minutes }) => {
      const now = Date.parse(deps.now());
      const until = new Date(now + minutes * 60_000).toISOString();
      return save((s) => {
        // One snooze per target: a new one replaces it; 0 minutes lifts it. Expired ones are dropped.
        s.notifications.snoozes = s.notifications.snoozes.filter((z) => z.vendorId !== vendorId && Date.parse(z.until) > now);
        if (minutes > 0) s.notifications.snoozes.push({ vendorId, until });
      });
    },
    'settings.set': async (patch) => save((s) => {
      if (patch.theme !== undefined) s.ui = { ...s.ui, theme: patch.theme };
      if (patch.notificationsEnabled !== undefined) s.notifications.enabled = patch.notificationsEnabled;
      if (patch.quietHours !== undefined) s.notifications.quietHours = patch.quietHours;
      if (patch.retentionDays !== undefined) s.history.retentionDays = patch.retentionDays;
    }),
    'watchlist.import': async ({ text }) => settings.importWatchlist(text),
    'links.open': async (request) => resolveLink(deps, request),
  };
}

/**
 * The stored URL a link request names: the vendor's page (or one of its maintenances' pages), the
 * incident's page, or one of the links in the incident's stored texts (found by exact match after
 * normalisation). Anything else is refused, however plausible it looks: only what Upstream itself
 * stored may be opened.
 */
function resolveLink(deps: HandlerDeps, request: { vendorId: string; incidentId?: string | undefined; url?: string | undefined }): ApiResult<{ url: string }> {
  const refuse = fail('not_found', 'That link is not in what Upstream stored for this vendor.');
  if (request.incidentId === undefined) {
    const vendor = deps.settings.current.watchlist.find((v) => v.id === request.vendorId);
    const own = vendor ? normaliseLink(vendor.url) : null;
    if (request.url === undefined) return own ? ok({ url: own }) : refuse;
    const wanted = normaliseLink(request.url);
    if (wanted && wanted === own) return ok({ url: wanted });
    // A maintenance's own page, as stored for this vendor.
    const pages = deps.history.listMaintenances({ from: '0000-01-01T00:00:00.000Z', to: '9999-12-31T00:00:00.000Z', vendorId: request.vendorId });
    return wanted && pages.some((m) => m.maintenance.url && normaliseLink(m.maintenance.url) === wanted) ? ok({ url: wanted }) : refuse;
  }
  const record = deps.history.getIncident(request.vendorId, request.incidentId);
  if (!record) return refuse;
  const own = record.incident.url ? normaliseLink(record.incident.url) : null;
  if (request.url === undefined) return own ? ok({ url: own }) : refuse;
  const wanted = normaliseLink(request.url);
  if (!wanted) return refuse;
  const stored = new Set([own, ...record.incident.updates.flatMap((u) => linksIn(u.body)), ...linksIn(record.incident.postmortem ?? '')]);
  return stored.has(wanted) ? ok({ url: wanted }) : refuse;
}

async function configure(settings: SettingsStore, request: { vendorId: string; intervalSeconds?: number | undefined; components?: string[] | undefined }): Promise<ApiResult<WatchedVendor>> {
  const saved = await settings.update((s) => {
    const vendor = s.watchlist.find((v) => v.id === request.vendorId);
    if (!vendor) return fail('not_found', `"${request.vendorId}" is not on the watchlist.`);
    if (request.intervalSeconds !== undefined) vendor.intervalSeconds = request.intervalSeconds;
    if (request.components !== undefined) vendor.components = [...new Set(request.components)];
  });
  if (!saved.ok) return saved;
  return ok(saved.value.watchlist.find((v) => v.id === request.vendorId)!);
}

/** One watched vendor's view, from settings, its history row and the summary of its last read. */
export function viewOf(deps: Pick<HandlerDeps, 'history' | 'now'>, vendor: WatchedVendor, row = deps.history.vendor(vendor.id)): VendorView {
  const dayAgo = new Date(Date.parse(deps.now()) - 86_400_000).toISOString();
  return vendorView(vendor, row, summaryOf(deps.history, vendor.id, row), deps.history.retriesSince(vendor.id, dayAgo));
}

/**
 * The summary stored with the vendor's row; for a row written before summaries were stored, made
 * once from the known state (the next read that changes anything stores it).
 */
export function summaryOf(history: HistoryStore, vendorId: string, row: VendorRow | undefined): KnownSummary | null {
  if (!row) return null;
  if (row.summary) return row.summary;
  const known = history.loadKnown(vendorId);
  return known ? summariseKnown(known) : null;
}
