import type { Impact, NotificationSettings, SeverityThreshold, Snapshot, VendorEvent, VendorRules } from '../../../shared/model/index.ts';

/** Why an event did not notify. */
export type SuppressReason =
  | 'disabled'
  | 'snoozed'
  | 'muted'
  | 'kind_filter'
  | 'component_filter'
  | 'below_threshold'
  /** First run / catch-up: the event is over (resolved, completed, recovered); the app shows it. */
  | 'old_news'
  /** Quiet hours during first run / catch-up: nothing is held, the app shows the state. */
  | 'quiet_hours';

const IMPACT_RANK: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 };

/** Does an impact clear a threshold? `all` lets `none` through; `muted` lets nothing through. */
export function meetsThreshold(impact: Impact, threshold: SeverityThreshold): boolean {
  switch (threshold) {
    case 'all': return true;
    case 'major': return IMPACT_RANK[impact] >= IMPACT_RANK.major;
    case 'critical': return impact === 'critical';
    case 'muted': return false;
  }
}

/** Names (or ids) of the components an event is about; empty when the feed does not say. */
export type ComponentsOf = (event: VendorEvent) => readonly string[];

/**
 * Build `componentsOf` from each vendor's known snapshot (KnownState.snapshot, so incidents that
 * slid out of the feed still resolve): an incident's or maintenance's affected components, or
 * the component (name, id and group) a component event is about. Given a function, snapshots are
 * asked for only when an event needs one (a component filter is set).
 */
export function componentsFromSnapshots(snapshots: Record<string, Snapshot> | ((vendorId: string) => Snapshot | undefined)): ComponentsOf {
  const snapshotOf = typeof snapshots === 'function' ? snapshots : (id: string): Snapshot | undefined => snapshots[id];
  return (event) => {
    if (event.subjectId === null) return [];
    const snapshot = snapshotOf(event.vendorId);
    if (!snapshot || event.subjectId === null) return [];
    if (event.kind === 'component.status_changed') {
      const c = snapshot.components.find((x) => x.id === event.subjectId);
      return c ? [c.name, c.id, ...(c.group === null ? [] : [c.group])] : [];
    }
    if (event.kind.startsWith('maintenance.')) return snapshot.maintenances.find((m) => m.id === event.subjectId)?.components ?? [];
    return snapshot.incidents.find((i) => i.id === event.subjectId)?.components ?? [];
  };
}

function fold(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * The component filter. Vendor-level events (unreachable/recovered) always pass: they concern
 * every component. When the feed names the affected components (Statuspage JSON), they must
 * intersect the filter. When it names none (Atom/RSS feeds never do), the filter is matched
 * against the title instead ("Incident with Actions" for a filter on "Actions"): dropping every
 * feed incident would silently mute the vendor.
 */
export function touchesComponents(event: VendorEvent, wanted: readonly string[], componentsOf: ComponentsOf | undefined): boolean {
  if (wanted.length === 0 || event.subjectId === null) return true;
  const filter = wanted.map(fold).filter((w) => w !== '');
  if (filter.length === 0) return true;
  const touched = (componentsOf?.(event) ?? []).map(fold);
  if (touched.length > 0) return touched.some((t) => filter.includes(t));
  const title = fold(event.title);
  return filter.some((w) => title.includes(w));
}

/** The rules that apply to a vendor: its own, else the defaults. */
export function rulesFor(settings: NotificationSettings, vendorId: string): VendorRules {
  return settings.perVendor[vendorId] ?? settings.defaults;
}

/** First reason this event must not notify, or undefined when it may. */
export function suppressionOf(event: VendorEvent, settings: NotificationSettings, now: string, componentsOf: ComponentsOf | undefined): SuppressReason | undefined {
  if (!settings.enabled) return 'disabled';
  const nowMs = Date.parse(now);
  if (settings.snoozes.some((s) => (s.vendorId === null || s.vendorId === event.vendorId) && Date.parse(s.until) > nowMs)) return 'snoozed';
  const rules = rulesFor(settings, event.vendorId);
  if (rules.threshold === 'muted') return 'muted';
  if (rules.kinds.length > 0 && !rules.kinds.includes(event.kind)) return 'kind_filter';
  if (!touchesComponents(event, rules.components, componentsOf)) return 'component_filter';
  if (!meetsThreshold(event.impact, rules.threshold)) return 'below_threshold';
  return undefined;
}
