import type {
  Component, FeedWarning, Impact, Incident, Maintenance, MaintenanceStatus, StatusLevel,
} from '../../../../shared/model/index.ts';
import { rankOf } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString } from '../common/json.ts';
import { slugify } from '../common/snapshot.ts';
import { enumReader, isoTimeReader } from '../common/warnings.ts';
import { capitalise, INCIDENT_STATUSES, readTimeline } from './timeline.ts';

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
  /**
   * Component names by id, from the page's component list: the page's own data names affected
   * components by `component_id` only.
   */
  readonly names = new Map<string, string>();
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
    const ref = asString(item?.id) ?? asString(item?.component_id);
    const name = asString(item?.name) ?? (ref ? this.names.get(ref) : undefined);
    if (!item || !name) return undefined;
    const id = ref ?? slugify(name);
    const status = override ?? this.level(item.current_status ?? item.status, `${path}.current_status`) ?? 'unknown';
    const previous = this.affected.get(id);
    if (!previous || rankOf(status) > rankOf(previous.status)) {
      this.affected.set(id, { id, name, group: asString(item.group_name) ?? previous?.group ?? null, status });
    }
    return name;
  }

  /**
   * One incident. The widget gives only the latest update (`last_update_at`,
   * `last_update_message`), so its timeline is that one entry and earlier ones are rebuilt by
   * diffing polls; the page's own data (proxy, HTML) carries every update in `updates[]`.
   * `past` incidents (the page's history) name their components without setting their status:
   * what they touched then says nothing about now.
   */
  incident(raw: unknown, path: string, past = false): Incident | undefined {
    const item = asRecord(raw);
    const title = asString(item?.name) ?? asString(item?.title);
    if (!item || !title) {
      this.warnings.push({ code: 'unreadable_item', message: 'An incident without a name was skipped.', path });
      return undefined;
    }
    const statusWord = asString(item.status);
    const status = statusWord === undefined ? 'investigating' : INCIDENT_STATUSES[statusWord];
    if (!status) this.warnings.push({ code: 'unknown_status', message: `Unknown incident status ${JSON.stringify(item.status)}.`, path: `${path}.status` });
    const finalStatus = status ?? 'investigating';
    const timeline = readTimeline(item.updates, `${path}.updates`, this.warnings, this.time);
    const at = this.time(item.last_update_at, `${path}.last_update_at`) ?? timeline.at(-1)?.at ?? this.fetchedAt;
    const startedAt = this.time(item.started_at ?? item.published_at, `${path}.started_at`) ?? timeline[0]?.at ?? at;
    const components = asArray(item.affected_components)
      .map((c, i) => (past ? this.nameOf(c) : this.noteAffected(c, `${path}.affected_components[${i}]`)))
      .filter((n): n is string => n !== undefined);
    const updates = timeline.length > 0
      ? timeline
      : [{ id: null, status: finalStatus, label: capitalise(statusWord ?? 'investigating'), body: asString(item.last_update_message) ?? '', at }];
    return {
      id: asString(item.id) ?? slugify(title),
      title,
      url: asString(item.url) ?? asString(item.permalink) ?? null,
      impact: this.impactOf(item, path),
      status: finalStatus,
      startedAt,
      resolvedAt: finalStatus === 'resolved' ? (timeline.findLast((u) => u.status === 'resolved')?.at ?? at) : null,
      components,
      updates,
      postmortem: null,
    };
  }

  /** A component's name from an `affected_components` entry, by name or by id. */
  nameOf(raw: unknown): string | undefined {
    const item = asRecord(raw);
    const ref = asString(item?.id) ?? asString(item?.component_id);
    return asString(item?.name) ?? (ref ? this.names.get(ref) : undefined);
  }

  /**
   * `current_worst_impact` where the widget gives it [D]; otherwise the worst component status the
   * incident ever set (`component_impacts`, `status_summaries`, `affected_components`) [F: page data].
   */
  private impactOf(item: Record<string, unknown>, path: string): Impact {
    const word = asString(item.current_worst_impact);
    if (word !== undefined) {
      const impact = INCIDENTIO_IMPACTS[word];
      if (!impact) this.warnings.push({ code: 'unknown_status', message: `Unknown impact ${JSON.stringify(word)}.`, path: `${path}.current_worst_impact` });
      return impact ?? 'minor';
    }
    const words = [
      ...asArray(item.component_impacts).map((c) => asRecord(c)?.status),
      ...asArray(item.status_summaries).map((c) => asRecord(c)?.worst_component_status),
      ...asArray(item.affected_components).map((c) => asRecord(c)?.status ?? asRecord(c)?.current_status),
    ];
    const ranked = ['none', 'minor', 'major', 'critical'] as const;
    let worst = -1;
    for (const w of words) {
      const impact = typeof w === 'string' ? INCIDENTIO_IMPACTS[w] : undefined;
      if (impact) worst = Math.max(worst, ranked.indexOf(impact));
    }
    return worst < 1 ? 'minor' : ranked[worst] ?? 'minor';
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
