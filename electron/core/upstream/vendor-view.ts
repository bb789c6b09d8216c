import type { VendorView } from '../../../shared/contract/vendors.ts';
import type { WatchedVendor } from '../../../shared/contract/settings.ts';
import type { KnownSummary } from '../changes/known-view.ts';
import type { VendorRow } from '../history/store.ts';

/**
 * A watched vendor as the faces show it, from the settings (what to watch), the history row (how
 * the last polls went) and the summary of its last read (what the vendor last said). The vendor's
 * own level is never lowered or raised by our failures: those change `health` and `stale` only.
 */
export function vendorView(vendor: WatchedVendor, row: VendorRow | undefined, summary: KnownSummary | null, retriesLastDay: number): VendorView {
  const health = row?.health ?? 'pending';
  return {
    source: { id: vendor.id, name: vendor.name, url: vendor.url, platform: vendor.platform, adapter: vendor.adapter, base: vendor.base },
    level: summary?.level ?? 'unknown',
    description: summary?.description ?? (row ? 'No successful read yet' : 'Not checked yet'),
    health,
    stale: health !== 'ok' && health !== 'pending',
    lastPollAt: row?.lastPollAt ?? null,
    lastSuccessAt: row?.lastSuccessAt ?? null,
    lastError: row?.lastError ?? null,
    consecutiveFailures: row?.consecutiveFailures ?? 0,
    retriesLastDay,
    intervalSeconds: vendor.intervalSeconds,
    components: summary?.components ?? [],
    activeIncidents: summary?.activeIncidents ?? [],
    maintenances: summary?.maintenances ?? [],
    warnings: summary?.warnings ?? [],
  };
}
