import type { VendorView } from '../../../shared/contract/vendors.ts';
import type { WatchedVendor } from '../../../shared/contract/settings.ts';
import { isIncidentClosed } from '../../../shared/model/index.ts';
import type { VendorRow } from '../history/store.ts';
import type { KnownState } from '../changes/known-state.ts';

/**
 * A watched vendor as the faces show it, from the settings (what to watch), the history row (how
 * the last polls went) and the known state (what the vendor last said). The vendor's own level is
 * never lowered or raised by our failures: those change `health` and `stale` only.
 */
export function vendorView(vendor: WatchedVendor, row: VendorRow | undefined, known: KnownState | null, retriesLastDay: number): VendorView {
  const snapshot = known?.snapshot;
  const health = row?.health ?? 'pending';
  const gone = new Set(known?.noLongerReported ?? []);
  return {
    source: { id: vendor.id, name: vendor.name, url: vendor.url, platform: vendor.platform, adapter: vendor.adapter, base: vendor.base },
    level: snapshot?.status.level ?? 'unknown',
    description: snapshot?.status.description ?? (row ? 'No successful read yet' : 'Not checked yet'),
    health,
    stale: health !== 'ok' && health !== 'pending',
    lastPollAt: row?.lastPollAt ?? null,
    lastSuccessAt: row?.lastSuccessAt ?? null,
    lastError: row?.lastError ?? null,
    consecutiveFailures: row?.consecutiveFailures ?? 0,
    retriesLastDay,
    intervalSeconds: vendor.intervalSeconds,
    components: snapshot?.components ?? [],
    activeIncidents: (snapshot?.incidents ?? []).filter((i) => !isIncidentClosed(i.status) && !gone.has(i.id)),
    maintenances: (snapshot?.maintenances ?? []).filter((m) => m.status !== 'completed'),
    warnings: (snapshot?.warnings ?? []).map((w) => w.message),
  };
}
