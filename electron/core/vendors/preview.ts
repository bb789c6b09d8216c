import type { Snapshot, VendorSource } from '../../../shared/model/index.ts';
import { isAdapterId } from '../feeds/endpoints.ts';
import type { FetchFn } from '../polling/http.ts';
import { readVendor, type ReadFailure } from '../polling/read-vendor.ts';
import { resolveVendorSource } from './source-from-url.ts';

export type Preview = { ok: true; source: VendorSource; snapshot: Snapshot } | { ok: false; message: string };

/**
 * One whole read of a page without watching it: a catalogue id reads its known endpoints, a URL is
 * detected first and then read with every document its platform offers (detection fetched only the
 * primary one, which is reused). What the Settings view's "add by URL" shows before adding, and
 * what `upstream check` prints. A failure's message names the URL and what went wrong, and for a
 * page not found, every URL tried.
 */
export async function previewVendor(idOrUrl: string, http: FetchFn, probeTimeoutMs = 5_000): Promise<Preview> {
  const found = await resolveVendorSource(idOrUrl, http, { probeTimeoutMs });
  if (!found.ok) return { ok: false, message: `${found.url}: ${found.message}` };
  const { source, detection } = found;
  if (!isAdapterId(source.adapter)) return { ok: false, message: `${source.name}: unknown adapter ${source.adapter}` };
  // Detection read only the primary document; the optional ones (history, maintenances) enrich it.
  if (detection && detection.endpoints.length === 1) return { ok: true, source, snapshot: detection.snapshot };
  const read = await readVendor(source.adapter, source.base, {
    fetch: http, sourceUrl: source.url, ...(detection ? { prefetched: detection.documents } : {}),
  });
  if (read.ok && !read.unchanged) return { ok: true, source, snapshot: read.snapshot };
  if (detection) return { ok: true, source, snapshot: detection.snapshot };
  if (read.ok) return { ok: false, message: `${source.base}: the server answered 304 to an unconditional request` };
  return { ok: false, message: `${read.failure.source === 'fetch' ? read.failure.error.url : source.base}: ${failureWords(read.failure)}` };
}

function failureWords(failure: ReadFailure): string {
  return failure.source === 'fetch' ? `${failure.error.kind}: ${failure.error.message}` : `the feed could not be read (${failure.error.kind}): ${failure.error.message}`;
}
