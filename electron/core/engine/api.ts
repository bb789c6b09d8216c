import { API, type Channel, type ParsedRequestOf, type ResponseOf } from '../../../shared/contract/api.ts';
import { fail, ok, type ApiResult } from '../../../shared/contract/result.ts';
import type { Settings, WatchedVendor } from '../../../shared/contract/settings.ts';
import type { VendorView } from '../../../shared/contract/vendors.ts';
import { worstOf } from '../../../shared/model/index.ts';
import { searchCatalog } from '../catalog/index.ts';
import type { HistoryStore, VendorRow } from '../history/store.ts';
import type { FetchFn } from '../polling/http.ts';
import type { SettingsStore } from '../settings/index.ts';
import { resolveVendorSource } from '../vendors/source-from-url.ts';
import type { Engine } from './engine.ts';
import { vendorView } from './vendor-view.ts';

export interface ApiDeps {
  settings: SettingsStore;
  history: HistoryStore;
  /** Absent for one-shot CLI commands: `vendors.refresh` then answers `unavailable`. */
  engine?: Engine;
  http: FetchFn;
  now: () => string;
}

export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ApiResult<ResponseOf<C>>> };

/**
 * The engine's API, implemented once for every face: the CLI calls it in-process, the headless
 * server and the Electron IPC bridge expose it over their transports (through `callApi`, which
 * validates). Handlers return values, never throw.
 */
export function createApi(deps: ApiDeps): Handlers {
  const { settings, history } = deps;
  const views = () => {
    const rows = new Map(history.vendors().map((r) => [r.id, r]));
    return settings.listVendors().map((v) => viewFrom(deps, v, rows.get(v.id)));
  };
  const saveRules = (mutate: (s: Settings) => void) => settings.update(mutate);
  return {
    'engine.state': async () => {
      // From the vendor rows alone (level is stored per poll): cheap enough to answer after every poll.
      const watched = new Set(settings.listVendors().map((v) => v.id));
      const rows = history.vendors().filter((r) => watched.has(r.id));
      return ok({
        connectivity: deps.engine?.state ?? 'online',
        worst: worstOf(rows.flatMap((r) => (r.level && r.level !== 'unknown' ? [r.level] : []))),
        vendorCount: watched.size,
        lastCycleAt: rows.reduce<string | null>((max, r) => (r.lastPollAt && (!max || r.lastPollAt > max) ? r.lastPollAt : max), null),
        progress: null,
      });
    },
    'vendors.list': async () => ok(views()),
    'incidents.list': async (q) => ok(history.listIncidents(q)),
    'incidents.get': async ({ vendorId, incidentId }) => {
      const record = history.getIncident(vendorId, incidentId);
      return record ? ok(record) : fail('not_found', `No incident ${incidentId} at ${vendorId}.`);
    },
    'maintenances.list': async (q) => ok(history.listMaintenances(q)),
    'events.recent': async (q) => ok(history.recentEvents(q)),
    'history.search': async (q) => ok(history.search(q)),
    'history.stats': async (q) => ok(history.stats(q, deps.now())),
    'catalog.search': async ({ query, limit }) => ok(searchCatalog(query, limit)),
    'settings.get': async () => ok(settings.settings),
    'vendors.detect': async ({ url }) => {
      const found = await resolveVendorSource(url, deps.http);
      if (!found.ok) return fail('detect_failed', found.message);
      if (!found.detection) return fail('detect_failed', `"${url}" is a catalogue vendor; add it by id.`);
      return ok({ source: found.source, platform: found.source.platform, snapshot: found.detection.snapshot });
    },
    'vendors.add': async ({ idOrUrl, intervalSeconds }) => {
      const found = await resolveVendorSource(idOrUrl, deps.http);
      if (!found.ok) return fail('detect_failed', found.message);
      const added = await settings.addVendor(found.source);
      if (!added.ok) return added;
      if (intervalSeconds !== undefined) {
        const saved = await settings.update((s) => {
          const v = s.watchlist.find((w) => w.id === added.value.id);
          if (v) v.intervalSeconds = intervalSeconds;
        });
        if (!saved.ok) return saved;
      }
      deps.engine?.syncWatchlist();
      return ok(settings.listVendors().find((v) => v.id === added.value.id)!);
    },
    'vendors.remove': async ({ vendorId }) => {
      const removed = await settings.removeVendor(vendorId);
      if (removed.ok) deps.engine?.syncWatchlist();
      return removed;
    },
    'vendors.refresh': async ({ vendorId }) => {
      if (!deps.engine) return fail('unavailable', 'Nothing is polling: start `upstream daemon` (or the app) to refresh.');
      if (vendorId && !settings.listVendors().some((v) => v.id === vendorId)) return fail('not_found', `"${vendorId}" is not on the watchlist.`);
      return ok({ queued: deps.engine.refresh(vendorId) });
    },
    'rules.set': async ({ vendorId, rules }) => saveRules((s) => {
      if (vendorId === null) s.notifications.defaults = rules;
      else s.notifications.perVendor[vendorId] = rules;
    }),
    'notifications.snooze': async ({ vendorId, minutes }) => {
      const until = new Date(Date.parse(deps.now()) + minutes * 60_000).toISOString();
      return saveRules((s) => {
        // One snooze per target: a new one replaces it; 0 minutes lifts it.
        s.notifications.snoozes = s.notifications.snoozes.filter((z) => z.vendorId !== vendorId && Date.parse(z.until) > Date.parse(deps.now()));
        if (minutes > 0) s.notifications.snoozes.push({ vendorId, until });
      });
    },
  };
}

/** One watched vendor's view (the stream sends it after each poll without rebuilding them all). */
export function vendorViewOf(deps: ApiDeps, vendorId: string): VendorView | undefined {
  const vendor = deps.settings.listVendors().find((v) => v.id === vendorId);
  return vendor ? viewFrom(deps, vendor, deps.history.vendor(vendorId)) : undefined;
}

function viewFrom(deps: ApiDeps, vendor: WatchedVendor, row: VendorRow | undefined): VendorView {
  const dayAgo = new Date(Date.parse(deps.now()) - 86_400_000).toISOString();
  return vendorView(vendor, row, deps.history.loadVendorState(vendor.id).known, deps.history.retriesSince(vendor.id, dayAgo));
}

/**
 * Validate an untrusted request for a channel, run its handler, and validate the answer: the one
 * door every transport goes through. Unknown channels and malformed payloads are values, not throws.
 */
export async function callApi(api: Handlers, channel: string, payload: unknown): Promise<ApiResult<unknown>> {
  if (!Object.hasOwn(API, channel)) return fail('invalid_request', `Unknown channel "${channel}".`);
  const c = channel as Channel;
  const parsed = API[c].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('invalid_request', `${channel}: ${issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : 'invalid request'}`);
  }
  try {
    const handler = api[c] as (request: unknown) => Promise<ApiResult<unknown>>;
    const result = await handler(parsed.data);
    if (result.ok) {
      const checked = API[c].response.safeParse(result.value);
      if (!checked.success) return fail('internal', `${channel}: the answer did not match the contract (${checked.error.issues[0]?.path.join('.')}).`);
      return { ok: true, value: checked.data };
    }
    return result;
  } catch (err) {
    return fail('internal', `${channel}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
