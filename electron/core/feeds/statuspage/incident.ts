import type {
  FeedWarning, Impact, Incident, IncidentStatus, Maintenance, MaintenanceStatus, TimelineUpdate,
} from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString } from '../common/json.ts';
import { isoToUtc } from '../common/time.ts';
import { tidyText } from '../common/html.ts';
import { warn } from '../common/warnings.ts';
import { IMPACTS, INCIDENT_STATUS_SET, MAINTENANCE_STATUS_SET, updateLabel } from './enums.ts';

/**
 * One Statuspage incident or maintenance object → the model. Used for summary.json,
 * incidents.json, scheduled-maintenances.json and the single-incident document alike.
 *
 * Quirks handled [F unless noted]: `incident_updates` arrive newest first; `display_at` is the
 * time the page shows (it differs from `created_at` on 147 of 438 GitHub updates — backfills);
 * times carry the page's local offset; `tweet_id` may be a number above 2^53 (we never read it,
 * so the precision JSON.parse loses cannot matter); the 2016 placeholder affected component
 * `{"name":"No components were affected by this update."}` has no `code` and is not a component.
 */

/** A timeline item as both incidents and maintenances have it, before splitting by kind. */
interface RawUpdate { id: string | null; status: string; body: string; at: string; components: string[] }

/** True when the object is a maintenance rather than an incident (incidents.json may mix them [K]). */
export function isMaintenanceObject(raw: Record<string, unknown>): boolean {
  const status = asString(raw['status']);
  if (status !== undefined && MAINTENANCE_STATUS_SET.has(status)) return true;
  return raw['scheduled_for'] !== undefined && raw['scheduled_for'] !== null && !INCIDENT_STATUS_SET.has(status ?? '');
}

/**
 * Parse a Statuspage incident object (`incident` of /api/v2/incidents/<id>.json or an item of
 * `incidents[]`). Returns undefined (with a warning) only when it has no id.
 */
export function parseStatuspageIncident(raw: unknown, path: string, warnings: FeedWarning[], pageUrl?: string): Incident | undefined {
  const obj = asRecord(raw);
  const id = asString(obj?.['id']);
  if (!obj || id === undefined) {
    warn(warnings, 'missing_field', 'An incident without an id was skipped.', path);
    return undefined;
  }
  const rawUpdates = readUpdates(obj, path, warnings);
  const updates: TimelineUpdate<IncidentStatus>[] = [];
  let previous: IncidentStatus | undefined;
  for (const u of rawUpdates) {
    let status: IncidentStatus;
    if (INCIDENT_STATUS_SET.has(u.status)) status = u.status as IncidentStatus;
    else {
      warn(warnings, 'unknown_status', `Unknown incident update status "${u.status}".`, `${path}.incident_updates`);
      status = previous ?? 'investigating';
    }
    updates.push({ id: u.id, status, label: updateLabel(status, previous), body: u.body, at: u.at });
    previous = status;
  }
  const statusText = asString(obj['status']);
  let status: IncidentStatus = previous ?? 'investigating';
  if (statusText !== undefined && INCIDENT_STATUS_SET.has(statusText)) status = statusText as IncidentStatus;
  else if (statusText !== undefined) warn(warnings, 'unknown_status', `Unknown incident status "${statusText}".`, `${path}.status`);
  const impact = readImpact(obj, path, warnings);
  const startedAt = readTime(obj, 'started_at', path, warnings) ?? readTime(obj, 'created_at', path, warnings) ?? updates[0]?.at;
  if (startedAt === undefined) {
    warn(warnings, 'missing_field', `Incident "${id}" has no start time and was skipped.`, path);
    return undefined;
  }
  const closed = status === 'resolved' || status === 'postmortem';
  const resolvedAt = readTime(obj, 'resolved_at', path, warnings)
    ?? (closed ? updates.findLast((u) => u.status === 'resolved')?.at ?? null : null);
  const postmortemBody = asString(obj['postmortem_body']);
  const postmortem = postmortemBody !== undefined ? tidyText(postmortemBody) : updates.findLast((u) => u.status === 'postmortem')?.body ?? null;
  return {
    id,
    title: asString(obj['name']) ?? '(untitled incident)',
    url: incidentUrl(obj, id, pageUrl),
    impact,
    status,
    startedAt,
    resolvedAt,
    components: componentNames(obj, rawUpdates),
    updates,
    postmortem,
  };
}

/** Parse a Statuspage scheduled maintenance (same object shape, plus `scheduled_for/_until`). */
export function parseStatuspageMaintenance(raw: unknown, path: string, warnings: FeedWarning[], pageUrl?: string): Maintenance | undefined {
  const obj = asRecord(raw);
  const id = asString(obj?.['id']);
  if (!obj || id === undefined) {
    warn(warnings, 'missing_field', 'A maintenance without an id was skipped.', path);
    return undefined;
  }
  const rawUpdates = readUpdates(obj, path, warnings);
  const updates: TimelineUpdate<MaintenanceStatus>[] = [];
  let previous: MaintenanceStatus | undefined;
  for (const u of rawUpdates) {
    let status: MaintenanceStatus;
    if (MAINTENANCE_STATUS_SET.has(u.status)) status = u.status as MaintenanceStatus;
    else {
      warn(warnings, 'unknown_status', `Unknown maintenance update status "${u.status}".`, `${path}.incident_updates`);
      status = previous ?? 'scheduled';
    }
    updates.push({ id: u.id, status, label: updateLabel(status, previous), body: u.body, at: u.at });
    previous = status;
  }
  const statusText = asString(obj['status']);
  let status: MaintenanceStatus = previous ?? 'scheduled';
  if (statusText !== undefined && MAINTENANCE_STATUS_SET.has(statusText)) status = statusText as MaintenanceStatus;
  else if (statusText !== undefined) warn(warnings, 'unknown_status', `Unknown maintenance status "${statusText}".`, `${path}.status`);
  const scheduledFor = readTime(obj, 'scheduled_for', path, warnings) ?? readTime(obj, 'started_at', path, warnings)
    ?? readTime(obj, 'created_at', path, warnings) ?? updates[0]?.at;
  if (scheduledFor === undefined) {
    warn(warnings, 'missing_field', `Maintenance "${id}" has no scheduled time and was skipped.`, path);
    return undefined;
  }
  return {
    id,
    title: asString(obj['name']) ?? '(untitled maintenance)',
    url: incidentUrl(obj, id, pageUrl),
    status,
    scheduledFor,
    scheduledUntil: readTime(obj, 'scheduled_until', path, warnings) ?? null,
    components: componentNames(obj, rawUpdates),
    updates,
  };
}

/** Updates oldest first. The API lists them newest first; reversing keeps same-instant order. */
function readUpdates(obj: Record<string, unknown>, path: string, warnings: FeedWarning[]): RawUpdate[] {
  const list = asArray(obj['incident_updates']);
  const out: RawUpdate[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const upath = `${path}.incident_updates[${i}]`;
    const u = asRecord(list[i]);
    if (!u) {
      warn(warnings, 'bad_update', 'An incident update is not an object and was skipped.', upath);
      continue;
    }
    const at = readTime(u, 'display_at', upath, warnings) ?? readTime(u, 'created_at', upath, warnings);
    if (at === undefined) {
      warn(warnings, 'missing_field', 'An update without a readable time was skipped.', upath);
      continue;
    }
    const components: string[] = [];
    for (const c of asArray(u['affected_components'])) {
      const rec = asRecord(c);
      const name = asString(rec?.['name']);
      // The 2016 placeholder has a name but no code: it says "nothing", so it is not a component.
      if (rec && name !== undefined && asString(rec['code']) !== undefined) components.push(name);
    }
    out.push({ id: asString(u['id']) ?? null, status: asString(u['status']) ?? '', body: tidyText(asString(u['body']) ?? ''), at, components });
  }
  // Stable sort: equal instants keep API order reversed, which is their true order.
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A present-but-unreadable time warns; an absent (or null) one is simply undefined. */
function readTime(obj: Record<string, unknown>, key: string, path: string, warnings: FeedWarning[]): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null || value === '') return undefined;
  const utc = isoToUtc(value);
  if (utc === undefined) warn(warnings, 'bad_date', `Unreadable ${key} ${JSON.stringify(value)}.`, `${path}.${key}`);
  return utc;
}

function readImpact(obj: Record<string, unknown>, path: string, warnings: FeedWarning[]): Impact {
  const text = asString(obj['impact']);
  if (text === undefined) return 'minor';
  const impact = IMPACTS[text];
  if (impact === undefined) warn(warnings, 'unknown_impact', `Unknown impact "${text}".`, `${path}.impact`);
  return impact ?? 'minor';
}

/** Names from the incident's components plus any named in its updates, first seen first. */
function componentNames(obj: Record<string, unknown>, updates: RawUpdate[]): string[] {
  const names = new Set<string>();
  for (const c of asArray(obj['components'])) {
    const name = asString(asRecord(c)?.['name']);
    if (name !== undefined) names.add(name);
  }
  for (const u of updates) for (const name of u.components) names.add(name);
  return [...names];
}

/** The page's own incident URL when we know the page; the `stspg.io` shortlink otherwise. */
function incidentUrl(obj: Record<string, unknown>, id: string, pageUrl: string | undefined): string | null {
  if (pageUrl !== undefined && /^https?:\/\//.test(pageUrl)) return `${pageUrl.replace(/\/+$/, '')}/incidents/${id}`;
  return asString(obj['shortlink']) ?? null;
}
