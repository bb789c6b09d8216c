import type { Impact, IncidentStatus, MaintenanceStatus } from '../../../shared/model/index.ts';

/**
 * The demo's story, written as data: what each fictional vendor posts and when. Every instant is
 * an offset in milliseconds from the demo's start (negative for the past), so the same start
 * always yields the same documents, and `timeline.ts` is the only code that turns a script into
 * Statuspage JSON.
 */

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Offset of an instant `days`, `hours` and `minutes` before the start. */
export function ago(days: number, hours = 0, minutes = 0): number {
  return -(days * DAY + hours * HOUR + minutes * MINUTE);
}

/** A component status as Statuspage writes it. */
export type ComponentState = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';

export interface ScriptComponent {
  /** Key the script uses to name it; the Statuspage id is derived from it. */
  key: string;
  name: string;
  description: string | null;
  /** Key of the group it sits in, if any. */
  group?: string;
}

export interface ScriptGroup {
  key: string;
  name: string;
  description: string | null;
}

export interface ScriptIncidentUpdate {
  /** Milliseconds after the incident opened. */
  after: number;
  status: IncidentStatus;
  body: string;
  /** Statuses this update sets, by component key; the incident's components are the union. */
  components: Readonly<Record<string, ComponentState>>;
}

export interface ScriptIncident {
  /** Unique within the vendor; ids are derived from it. */
  key: string;
  name: string;
  impact: Impact;
  /** Offset from the start when the first update is posted. */
  openedAt: number;
  /** Oldest first; the first one opens the incident. */
  updates: readonly ScriptIncidentUpdate[];
  /** Published `after` ms after opening: sets `postmortem_body` (markdown or plain text). */
  postmortem?: { after: number; body: string };
  /** Runs while the demo runs: its future offsets shrink with `speed`. */
  live?: boolean;
}

export interface ScriptMaintenanceUpdate {
  /** Offset from the start. */
  at: number;
  status: MaintenanceStatus;
  body: string;
}

export interface ScriptMaintenance {
  key: string;
  name: string;
  scheduledFor: number;
  scheduledUntil: number;
  /** Component keys; they show `under_maintenance` while it is in progress. */
  components: readonly string[];
  /** Oldest first; the first one announces it. */
  updates: readonly ScriptMaintenanceUpdate[];
  live?: boolean;
}

/** One fictional vendor's whole script. */
export interface VendorScript {
  /** Path segment under the demo server, and the vendor id the app watches. */
  id: string;
  name: string;
  groups: readonly ScriptGroup[];
  /** In page order; members of a group are ordered within it. */
  components: readonly ScriptComponent[];
  incidents: readonly ScriptIncident[];
  maintenances: readonly ScriptMaintenance[];
}
