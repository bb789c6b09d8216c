import type { Impact } from './incident.ts';
import type { StatusLevel } from './status.ts';

export const EVENT_KINDS = [
  'incident.opened',
  'incident.updated',
  'incident.resolved',
  'incident.reopened',
  'incident.postmortem',
  'component.status_changed',
  'maintenance.scheduled',
  'maintenance.started',
  'maintenance.verifying',
  'maintenance.completed',
  'vendor.unreachable',
  'vendor.recovered',
] as const;

/** What changed at a vendor, in the user's words. */
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * One change noticed between two snapshots. The id is deterministic (vendor, kind, subject and
 * update id or content hash) so storing it twice is a no-op and a restart re-emits nothing.
 */
export interface VendorEvent {
  id: string;
  kind: EventKind;
  vendorId: string;
  /** Incident, maintenance or component id; null for vendor-level events. */
  subjectId: string | null;
  /** When it happened according to the vendor (update time), else when we noticed. */
  at: string;
  /** When Upstream noticed it. */
  detectedAt: string;
  /** One line for a notification title, e.g. "GitHub: Incident with Actions". */
  title: string;
  /** One or two sentences for a notification body. */
  body: string;
  /** Severity for notification rules; component and vendor events map their level onto it. */
  impact: Impact;
  /** Status level the event implies for the vendor or component. */
  level: StatusLevel;
  url: string | null;
}
