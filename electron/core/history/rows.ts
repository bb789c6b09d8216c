import type { Incident, IncidentUpdate, Maintenance, VendorEvent } from '../../../shared/model/index.ts';

/** Row shapes as node:sqlite returns them, and their conversion to model values. */
export interface EventRow {
  id: string; vendor_id: string; kind: string; subject_id: string | null; at: string; detected_at: string;
  title: string; body: string; impact: string; level: string; url: string | null;
}

export function eventFromRow(r: EventRow): VendorEvent {
  return {
    id: r.id, kind: r.kind as VendorEvent['kind'], vendorId: r.vendor_id, subjectId: r.subject_id, at: r.at,
    detectedAt: r.detected_at, title: r.title, body: r.body, impact: r.impact as VendorEvent['impact'],
    level: r.level as VendorEvent['level'], url: r.url,
  };
}

export interface IncidentRow {
  vendor_id: string; vendor_name: string; id: string; title: string; url: string | null; impact: string; status: string;
  started_at: string; resolved_at: string | null; components: string; postmortem: string | null;
  first_seen_at: string; last_seen_at: string; no_longer_reported: number;
  /** When the vendor's first incident was seen: its first successful read. */
  vendor_first_read_at?: string;
}

export interface UpdateRow { key: string; update_id: string | null; status: string; label: string; body: string; at: string }

export function incidentFromRows(r: IncidentRow, updates: UpdateRow[]): Incident {
  return {
    id: r.id, title: r.title, url: r.url, impact: r.impact as Incident['impact'], status: r.status as Incident['status'],
    startedAt: r.started_at, resolvedAt: r.resolved_at, components: parseList(r.components),
    updates: updates.map((u): IncidentUpdate => ({
      id: u.update_id, status: u.status as IncidentUpdate['status'], label: u.label, body: u.body, at: u.at,
    })),
    postmortem: r.postmortem,
  };
}

export interface MaintenanceRow {
  vendor_id: string; vendor_name: string; id: string; title: string; url: string | null; status: string;
  scheduled_for: string; scheduled_until: string | null; components: string; updates: string;
}

export function maintenanceFromRow(r: MaintenanceRow): Maintenance {
  return {
    id: r.id, title: r.title, url: r.url, status: r.status as Maintenance['status'], scheduledFor: r.scheduled_for,
    scheduledUntil: r.scheduled_until, components: parseList(r.components), updates: JSON.parse(r.updates) as Maintenance['updates'],
  };
}

function parseList(text: string): string[] {
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
