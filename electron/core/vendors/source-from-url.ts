import type { VendorSource } from '../../../shared/model/index.ts';
import { findCatalogEntry } from '../catalog/index.ts';
import { slugify } from '../feeds/common/snapshot.ts';
import { detect, type DetectOptions, type Detection } from '../feeds/detect.ts';
import { normaliseInput } from '../feeds/detect/direct.ts';
import type { FetchFn } from '../polling/http.ts';

export type ResolvedSource =
  | { ok: true; source: VendorSource; detection: Detection | null }
  /** `url` is what failed (the normalised URL, or the input when it is not one); `message` says why. */
  | { ok: false; url: string; message: string; tried: string[] };

/**
 * A catalogue id/name, or any status-page URL → the VendorSource to watch. Catalogue entries win
 * (their endpoints are known good); a URL not in the catalogue is detected, and named after what
 * the page calls itself.
 */
export async function resolveVendorSource(input: string, http: FetchFn, opts: DetectOptions = {}): Promise<ResolvedSource> {
  const entry = findCatalogEntry(input);
  if (entry) return { ok: true, source: { id: entry.id, name: entry.name, url: entry.url, platform: entry.platform, adapter: entry.adapter, base: entry.base }, detection: null };
  const url = normaliseInput(input);
  if (!url) return { ok: false, url: input, message: 'not a URL and not a vendor in the catalogue', tried: [] };
  const found = await detect(url.href, http, opts);
  if (!found.ok) return { ok: false, url: found.error.url, message: found.error.message, tried: found.error.tried.map((t) => t.url) };
  const d = found.value;
  const name = d.snapshot.page.name.trim() || url.host;
  return {
    ok: true,
    source: { id: slugify(`${url.host}${url.pathname === '/' ? '' : url.pathname}`), name, url: url.href, platform: d.platform, adapter: d.adapterId, base: d.base },
    detection: d,
  };
}
