import type { EventKind } from './event.ts';

/** Minimum impact that notifies: `major` means major and critical; `muted` never notifies. */
export const SEVERITY_THRESHOLDS = ['all', 'major', 'critical', 'muted'] as const;
export type SeverityThreshold = (typeof SEVERITY_THRESHOLDS)[number];

/** Per-vendor notification rules; a vendor without its own uses the defaults. */
export interface VendorRules {
  threshold: SeverityThreshold;
  /** Only events touching these components notify; empty means all components. */
  components: string[];
  /** Only these event kinds notify; empty means all kinds. */
  kinds: EventKind[];
}

/** Local wall-clock window ("22:00" to "07:00" spans midnight) during which nothing pops up. */
export interface QuietHours {
  enabled: boolean;
  start: string;
  end: string;
}

/** Silence one vendor (or all, when vendorId is null) until an instant. */
export interface Snooze {
  vendorId: string | null;
  until: string;
}

export interface NotificationSettings {
  enabled: boolean;
  defaults: VendorRules;
  perVendor: Record<string, VendorRules>;
  quietHours: QuietHours;
  snoozes: Snooze[];
}
