import type {
  Component, FeedWarning, Impact, Incident, IncidentStatus, Maintenance, MaintenanceStatus, StatusLevel,
} from '../../../../shared/model/index.ts';
import { rankOf } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString } from '../common/json.ts';
import { slugify } from '../common/snapshot.ts';
import { enumReader, isoTimeReader } from '../common/warnings.ts';

/**
 * incident.io's words for component health. Note `full_outage` where Statuspage says
 * `major_outage` [D: widget API docs]; `under_maintenance` appears on the page proxy [C].
 */
export const INCIDENTIO_LEVELS: Readonly<Record<string, StatusLevel>> = {
  operational: 'operational',
  under_maintenance: 'maintenance',
  degraded_performance: 'degraded',
  partial_outage: 'partial_outage',
  full_outage: 'major_outage',
};

/** `current_worst_impact` uses the component words; mapped so deriveLevel gives the same level back. */
export const INCIDENTIO_IMPACTS: Readonly<Record<string, Impact>> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  full_outage: 'critical',
};

const INCIDENT_STATUSES: Readonly<Record<string, IncidentStatus>> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
};

const MAINTENANCE_STATUSES: Readonly<Record<string, MaintenanceStatus>> = {
  maintenance_scheduled: 'scheduled',
  maintenance_in_progress: 'in_progress',
  // Inferred: the docs list only the two live states; a finished one may linger in a cache.
  maintenance_complete: 'completed',
};

/** Warnings plus the field readers both incident.io surfaces share. */
export class IncidentioReader {
  readonly warnings: FeedWarning[] = [];
  /** Components met in incidents, by id, worst status kept. */
  readonly affected = new Map<string, Component>();
  readonly fetchedAt: string;

  constructor(fetchedAt: string) {
    this.fetchedAt = fetchedAt;
  }

  readonly time = isoTimeReader(this.warnings);
  private readonly componentStatus = enumReader(this.warnings, 'component status');

  level(value: unknown, path: string): StatusLevel | undefined {
    return this.componentStatus(INCIDENTIO_LEVELS, value, path);
  }

  /** Remember a component from an incident's `affected_components`, keeping its worst status. */
  noteAffected(raw: unknown, path: string, override?: StatusLevel): string | undefined {
    const item = asRecord(raw);
    const name = asString(item?.name);
    if (!item || !name) return undefined;
    const id = asString(item.id) ?? asString(item.component_id) ?? slugify(name);
    const status = override ?? this.level(item.current_status ?? item.status, `${path}.current_status`) ?? 'unknown';
    const previous = this.affected.get(id);
    if (!previous || rankOf(status) > rankOf(previous.status)) {
      this.affected.set(id, { id, name, group: asString(item.group_name) ?? previous?.group ?? null, status });
    }
    return name;
  }

  /**
   * One incident. Only the latest update exists on the public surfaces, so the timeline is that
   * one entry (`last_update_at`, `last_update_message`); earlier ones are rebuilt by diffing polls.
   */
  incident(raw: unknown, path: string): Incident | undefined {
    const item = asRecord(raw);
    const title = asString(item?.name) ?? asString(item?.title);
    if (!item || !title) {
      this.warnings.push({ code: 'unreadable_item', message: 'An incident without a name was skipped.', path });
      return undefined;
    }
    const statusWord = asString(item.status);
    const status = statusWord === undefined ? 'investigating' : INCIDENT_STATUSES[statusWord];
    if (!status) this.warnings.push({ code: 'unknown_status', message: `Unknown incident status ${JSON.stringify(item.status)}.`, path: `${path}.status` });
    const impactWord = asString(item.current_worst_impact);
    const impact = impactWord === undefined ? undefined : INCIDENTIO_IMPACTS[impactWord];
    if (impactWord !== undefined && !impact) this.warnings.push({ code: 'unknown_status', message: `Unknown impact ${JSON.stringify(impactWord)}.`, path: `${path}.current_worst_impact` });
    const at = this.time(item.last_update_at, `${path}.last_update_at`) ?? this.fetchedAt;
    const startedAt = this.time(item.started_at ?? item.published_at, `${path}.started_at`) ?? at;
    const components = asArray(item.affected_components)
      .map((c, i) => this.noteAffected(c, `${path}.affected_components[${i}]`))
      .filter((n): n is string => n !== undefined);
    const finalStatus = status ?? 'investigating';
    return {
      id: asString(item.id) ?? slugify(title),
      title,
      url: asString(item.url) ?? null,
      impact: impact ?? 'minor',
      status: finalStatus,
      startedAt,
      resolvedAt: finalStatus === 'resolved' ? at : null,
      components,
      updates: [{ id: null, status: finalStatus, label: capitalise(statusWord ?? 'investigating'), body: asString(item.last_update_message) ?? '', at }],
      postmortem: null,
    };
  }

  maintenance(raw: unknown, path: string, fallback: MaintenanceStatus): Maintenance | undefined {
    const item = asRecord(raw);
    const title = asString(item?.name) ?? asString(item?.title);
    if (!item || !title) {
      this.warnings.push({ code: 'unreadable_item', message: 'A maintenance without a name was skipped.', path });
      return undefined;
    }
    const statusWord = asString(item.status);
    const status = statusWord === undefined ? fallback : MAINTENANCE_STATUSES[statusWord];
    if (!status) this.warnings.push({ code: 'unknown_status', message: `Unknown maintenance status ${JSON.stringify(item.status)}.`, path: `${path}.status` });
    const finalStatus = status ?? fallback;
    // In-progress items say started_at/scheduled_end_at, upcoming ones starts_at/ends_at [D].
    const start = this.time(item.started_at ?? item.starts_at, `${path}.starts_at`);
    const end = this.time(item.scheduled_end_at ?? item.ends_at, `${path}.ends_at`);
    const at = this.time(item.last_update_at, `${path}.last_update_at`) ?? start ?? this.fetchedAt;
    const override = finalStatus === 'in_progress' ? 'maintenance' : undefined;
    const components = asArray(item.affected_components)
      .map((c, i) => (override ? this.noteAffected(c, `${path}.affected_components[${i}]`, override) : asString(asRecord(c)?.name)))
      .filter((n): n is string => n !== undefined);
    return {
      id: asString(item.id) ?? slugify(title),
      title,
      url: asString(item.url) ?? null,
      status: finalStatus,
      scheduledFor: start ?? at,
      scheduledUntil: end ?? null,
      components,
      updates: [{ id: null, status: finalStatus, label: capitalise((statusWord ?? '').replace(/^maintenance_/, '') || 'scheduled'), body: asString(item.last_update_message) ?? '', at }],
    };
  }
}

function capitalise(word: string): string {
  const spaced = word.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
