import type { Snapshot, VendorEvent } from '../../../shared/model/index.ts';
import type { Settings } from '../../../shared/contract/settings.ts';
import { planNotifications, componentsFromSnapshots, type PlannedNotification, type PlanMode } from '../changes/rules.ts';
import type { KnownState } from '../changes/known-state.ts';

/** Anything that can pop a notification; resolves false when nothing could be shown. */
export type NotifySink = (n: PlannedNotification) => Promise<boolean>;

export interface DeliveryPorts {
  pending(): VendorEvent[];
  markHandled(ids: string[], how: 'notified' | 'suppressed' | 'failed', at: string): void;
  knownOf(vendorId: string): KnownState | null;
}

export interface DeliveryContext {
  now: string;
  timeZone: string;
  settings: Settings;
  /** Vendors whose pending events come from a first read or a catch-up: summarise, don't replay. */
  modeOf: (vendorId: string) => PlanMode;
}

/**
 * The watchlist's per-vendor component choice ("only these components matter") is a notification
 * filter too: a vendor without rules of its own gets the defaults narrowed to those components.
 */
export function effectiveRules(settings: Settings): Settings['notifications'] {
  const perVendor = { ...settings.notifications.perVendor };
  for (const vendor of settings.watchlist) {
    if (vendor.components.length > 0 && !perVendor[vendor.id]) perVendor[vendor.id] = { ...settings.notifications.defaults, components: vendor.components };
  }
  return { ...settings.notifications, perVendor };
}

/**
 * Plan and show notifications for every event not yet handled, then mark them. History is the
 * source of truth: events are committed before they are shown and marked after, so a crash in
 * between re-offers them on the next start (at-least-once, within milliseconds) and nothing is
 * ever dropped. Held events (quiet hours) stay pending and are planned again next time.
 */
export async function deliverPending(ports: DeliveryPorts, ctx: DeliveryContext, notify: NotifySink): Promise<{ shown: PlannedNotification[]; handled: number }> {
  const pending = ports.pending();
  if (pending.length === 0) return { shown: [], handled: 0 };
  const vendorNames = Object.fromEntries(ctx.settings.watchlist.map((v) => [v.id, v.name]));
  const byMode = new Map<PlanMode, VendorEvent[]>();
  for (const event of pending) {
    const mode = ctx.modeOf(event.vendorId);
    const list = byMode.get(mode);
    if (list) list.push(event);
    else byMode.set(mode, [event]);
  }
  // Known states are read only for events a component filter must place, once per vendor.
  const snapshots = new Map<string, Snapshot | undefined>();
  const snapshotOf = (id: string): Snapshot | undefined => {
    if (!snapshots.has(id)) snapshots.set(id, ports.knownOf(id)?.snapshot);
    return snapshots.get(id);
  };
  const notifications = effectiveRules(ctx.settings);
  const shown: PlannedNotification[] = [];
  let handled = 0;
  for (const [mode, events] of byMode) {
    const plan = planNotifications(events, notifications, {
      now: ctx.now, timeZone: ctx.timeZone, mode, vendorNames, componentsOf: componentsFromSnapshots(snapshotOf),
    });
    const suppressed = Object.keys(plan.suppressed);
    if (suppressed.length) ports.markHandled(suppressed, 'suppressed', ctx.now);
    for (const notification of plan.notifications) {
      // A notification the OS refused (no notification server) is recorded as failed rather than
      // retried on every poll; the events stay in history and in the UI.
      const ok = await notify(notification);
      ports.markHandled(notification.eventIds, ok ? 'notified' : 'failed', ctx.now);
      if (ok) shown.push(notification);
    }
    handled += plan.handled.length;
  }
  return { shown, handled };
}
