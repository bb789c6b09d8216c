import type { ApiResult } from '../../../shared/contract/result.ts';
import { fail, ok } from '../../../shared/contract/result.ts';
import type { Settings, WatchedVendor, WatchlistExport } from '../../../shared/contract/settings.ts';
import {
  DEFAULT_INTERVAL_SECONDS, WATCHLIST_EXPORT_FORMAT, watchlistExportSchema, watchlistExportVendorSchema,
} from '../../../shared/contract/settings.ts';
import type { VendorSource } from '../../../shared/model/index.ts';
import { findCatalogEntry } from '../catalog/index.ts';
import { isAdapterId } from '../feeds/endpoints.ts';

/** What an import did: who was added, and for each entry left out, why. */
export interface ImportReport {
  added: string[];
  skipped: { entry: string; reason: string }[];
}

const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * Why a vendor cannot be watched by this version, or undefined. Beyond the schema: the adapter
 * must be one we have, and both URLs must be http(s), because `url` is opened in the user's
 * browser and `base` is fetched; a file from elsewhere must not smuggle in another scheme.
 */
export function vendorProblem(v: Pick<VendorSource, 'adapter' | 'url' | 'base'>): string | undefined {
  if (!isAdapterId(v.adapter)) return `unknown adapter "${v.adapter}"`;
  if (!isWebUrl(v.url)) return `status page URL is not http(s): ${v.url}`;
  if (!isWebUrl(v.base)) return `feed base URL is not http(s): ${v.base}`;
  return undefined;
}

/** A watchlist entry for a source; only VendorSource's fields are kept (a CatalogEntry carries more). */
export function toWatched(source: VendorSource, addedAt: string, options: Partial<Pick<WatchedVendor, 'intervalSeconds' | 'components'>> = {}): WatchedVendor {
  const { id, name, url, platform, adapter, base } = source;
  return {
    id, name, url, platform, adapter, base,
    intervalSeconds: options.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
    components: options.components ?? [],
    addedAt,
  };
}

/** Resolves a catalogue id/name, or takes a detected source as is. */
export function resolveSource(idOrSource: string | VendorSource): ApiResult<VendorSource> {
  if (typeof idOrSource !== 'string') return ok(idOrSource);
  const entry = findCatalogEntry(idOrSource);
  return entry ? ok(entry) : fail('not_found', `No vendor "${idOrSource}" in the catalogue. Paste its status page URL to detect it.`);
}

/** Settings with the vendor added at the end; a vendor already watched (same id) is a conflict, not a duplicate. */
export function addToWatchlist(settings: Settings, source: VendorSource, addedAt: string): ApiResult<Settings> {
  if (settings.watchlist.some((v) => v.id === source.id)) return fail('conflict', `${source.name} is already on the watchlist.`);
  const problem = vendorProblem(source);
  if (problem) return fail('invalid_request', `${source.name} cannot be watched: ${problem}.`);
  return ok({ ...settings, watchlist: [...settings.watchlist, toWatched(source, addedAt)] });
}

export function removeFromWatchlist(settings: Settings, id: string): ApiResult<Settings> {
  if (!settings.watchlist.some((v) => v.id === id)) return fail('not_found', `"${id}" is not on the watchlist.`);
  return ok({ ...settings, watchlist: settings.watchlist.filter((v) => v.id !== id) });
}

/** The shareable file: `{ format: 'upstream-watchlist', version: 1, vendors: [...] }`, without local dates. */
export function exportWatchlist(settings: Settings): WatchlistExport {
  return {
    format: WATCHLIST_EXPORT_FORMAT,
    version: 1,
    vendors: settings.watchlist.map(({ addedAt: _addedAt, ...vendor }) => vendor),
  };
}

/**
 * Merges an exported watchlist into the settings. The envelope must be right (or nothing changes
 * and the error says what the file is); then each entry stands alone: a catalogue id string or a
 * vendor object, skipped with a reason when invalid, unknown or already watched.
 */
export function importWatchlist(settings: Settings, text: string, addedAt: string): ApiResult<{ settings: Settings; report: ImportReport }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('invalid_request', `This is not a watchlist file: it is not JSON (${(error as Error).message}).`);
  }
  const envelope = watchlistExportSchema.safeParse(raw);
  if (!envelope.success) {
    return fail('invalid_request', `This is not a watchlist file: expected {"format": "${WATCHLIST_EXPORT_FORMAT}", "version": 1, "vendors": [...]}.`);
  }
  const report: ImportReport = { added: [], skipped: [] };
  const watchlist = [...settings.watchlist];
  const ids = new Set(watchlist.map((v) => v.id));
  envelope.data.vendors.forEach((item, i) => {
    const entry = describe(item, i);
    const candidate = readImportEntry(item);
    if (!candidate.ok) {
      report.skipped.push({ entry, reason: candidate.error.message });
      return;
    }
    const vendor = candidate.value;
    if (ids.has(vendor.id)) {
      report.skipped.push({ entry, reason: 'already on the watchlist' });
      return;
    }
    ids.add(vendor.id);
    watchlist.push({ ...vendor, addedAt });
    report.added.push(vendor.id);
  });
  return ok({ settings: { ...settings, watchlist }, report });
}

function describe(item: unknown, i: number): string {
  if (typeof item === 'string') return item;
  const r = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  return typeof r.name === 'string' ? r.name : typeof r.id === 'string' ? r.id : `entry ${i + 1}`;
}

function readImportEntry(item: unknown): ApiResult<Omit<WatchedVendor, 'addedAt'>> {
  if (typeof item === 'string') {
    const source = resolveSource(item);
    if (!source.ok) return source;
    const { addedAt: _addedAt, ...vendor } = toWatched(source.value, '');
    return ok(vendor);
  }
  const parsed = watchlistExportVendorSchema.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('invalid_request', issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'invalid entry');
  }
  const problem = vendorProblem(parsed.data);
  return problem ? fail('invalid_request', problem) : ok(parsed.data);
}
