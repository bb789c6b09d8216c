import type { Incident, Maintenance } from '../../../../shared/model/index.ts';
import { asArray, asNumber, asRecord, asString } from '../common/json.ts';
import { slugify } from '../common/snapshot.ts';
import { warn } from '../common/warnings.ts';
import type { FeedWarning } from '../../../../shared/model/index.ts';
import { INSTATUS_IMPACTS, INSTATUS_INCIDENT_STATUSES, INSTATUS_LABELS, INSTATUS_MAINTENANCE_STATUSES } from './levels.ts';
import { localized } from './localized.ts';
import type { InstatusReader } from './words.ts';

/**
 * The open incidents and maintenances of a summary (`activeIncidents[]`, `activeMaintenances[]`).
 * The summary carries no timeline, so each item gets one update holding its current status at
 * `updatedAt`: when the vendor moves it on, that update changes and the diff notices. Items in
 * the documented example have no `id` [D]; the last segment of their `url` (`/incident/<cuid>`,
 * the id the history feed links to) stands in, then the name.
 */
export function readActiveIncidents(root: Record<string, unknown>, read: InstatusReader, fetchedAt: string, warnings: FeedWarning[]): Incident[] {
  const incidents: Incident[] = [];
  asArray(root.activeIncidents).forEach((raw, i) => {
    const path = `activeIncidents[${i}]`;
    const item = asRecord(raw);
    const title = localized(item?.name);
    if (!item || !title) return void warn(warnings, 'unreadable_item', `An incident without a name was skipped (${path}).`, path);
    const subject = `Incident "${title}"`;
    const started = read.time(item.started, subject, `${path}.started`);
    const at = read.time(item.updatedAt, subject, `${path}.updatedAt`) ?? started ?? fetchedAt;
    const status = read.word(INSTATUS_INCIDENT_STATUSES, item.status, 'status', subject, `${path}.status`) ?? 'investigating';
    incidents.push({
      id: itemId(item, title),
      title,
      url: asString(item.url) ?? null,
      impact: read.word(INSTATUS_IMPACTS, item.impact, 'impact', subject, `${path}.impact`) ?? 'minor',
      status,
      startedAt: started ?? at,
      resolvedAt: status === 'resolved' ? at : null,
      components: componentNames(item),
      updates: [{ id: null, status, label: labelOf(item.status), body: '', at }],
      postmortem: null,
    });
  });
  return incidents;
}

/** See {@link readActiveIncidents}; `duration` is minutes, a string on some pages and a number on others. */
export function readActiveMaintenances(root: Record<string, unknown>, read: InstatusReader, fetchedAt: string, warnings: FeedWarning[]): Maintenance[] {
  const maintenances: Maintenance[] = [];
  asArray(root.activeMaintenances).forEach((raw, i) => {
    const path = `activeMaintenances[${i}]`;
    const item = asRecord(raw);
    const title = localized(item?.name);
    if (!item || !title) return void warn(warnings, 'unreadable_item', `A maintenance without a name was skipped (${path}).`, path);
    const subject = `Maintenance "${title}"`;
    const start = read.time(item.start, subject, `${path}.start`);
    const updated = read.time(item.updatedAt, subject, `${path}.updatedAt`);
    const status = read.word(INSTATUS_MAINTENANCE_STATUSES, item.status, 'status', subject, `${path}.status`) ?? 'scheduled';
    const rawMinutes = item.duration === undefined || item.duration === null ? undefined : asNumber(item.duration);
    // A window longer than a year is a typo or garbage, and would overflow Date.
    const minutes = rawMinutes !== undefined && rawMinutes >= 0 && rawMinutes <= 525_600 ? rawMinutes : undefined;
    if (item.duration !== undefined && item.duration !== null && minutes === undefined) {
      warn(warnings, 'bad_value', `${subject}: unreadable duration ${JSON.stringify(item.duration)}.`, `${path}.duration`);
    }
    const scheduledFor = start ?? updated ?? fetchedAt;
    maintenances.push({
      id: itemId(item, title),
      title,
      url: asString(item.url) ?? null,
      status,
      scheduledFor,
      scheduledUntil: minutes === undefined ? null : new Date(Date.parse(scheduledFor) + minutes * 60_000).toISOString(),
      components: componentNames(item),
      updates: [{ id: null, status, label: labelOf(item.status), body: '', at: updated ?? scheduledFor }],
    });
  });
  return maintenances;
}

function itemId(item: Record<string, unknown>, title: string): string {
  const id = asString(item.id);
  if (id) return id;
  const url = asString(item.url);
  const last = url?.split(/[?#]/)[0]?.split('/').filter((s) => s !== '').at(-1);
  return last && !/^https?:$/.test(last) && !last.includes('.') ? last : slugify(title);
}

/** Names of the components an item lists, when the page sends them (`components[]` of objects or names). */
function componentNames(item: Record<string, unknown>): string[] {
  return asArray(item.components).map((c) => localized(asRecord(c)?.name) ?? localized(c)).filter((c): c is string => c !== undefined);
}

function labelOf(word: unknown): string {
  return INSTATUS_LABELS[String(word).trim().toUpperCase()] ?? 'Update';
}
