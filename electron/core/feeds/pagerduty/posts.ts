import type {
  FeedWarning, Impact, Incident, IncidentStatus, IncidentUpdate, Maintenance, MaintenanceStatus,
} from '../../../../shared/model/index.ts';
import { htmlToText } from '../common/html.ts';
import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { slugify } from '../common/snapshot.ts';
import { isoTimeReader, warn } from '../common/warnings.ts';
import type { FeedDocument } from '../types.ts';

const INCIDENT_STATUSES: Readonly<Record<string, IncidentStatus>> = {
  investigating: 'investigating', identified: 'identified', monitoring: 'monitoring', resolved: 'resolved',
};
const MAINTENANCE_STATUSES: Readonly<Record<string, MaintenanceStatus>> = {
  scheduled: 'scheduled', in_progress: 'in_progress', completed: 'completed',
};
/** Post severities [D]; the older page data's `all_good` and `maintenance` [C: stts]. */
const SEVERITIES: Readonly<Record<string, Impact>> = {
  none: 'none', all_good: 'none', maintenance: 'none', minor: 'minor', major: 'major', critical: 'critical',
};

export interface Posts {
  incidents: Incident[];
  maintenances: Maintenance[];
  /** Impact names on services of posts still open, with where they were read. */
  impacts: { serviceId: string; impact: string; path: string }[];
}

/**
 * `/api/posts` with names from `/api/post_enums`. The REST API's status and severity ids are their
 * names (`{"id": "identified"}` [D]); a hosted page may use opaque ids instead [C], hence the enum
 * table, and an id missing from it is used as its own name.
 */
export function readPosts(postsDoc: FeedDocument | undefined, enumsDoc: FeedDocument | undefined, warnings: FeedWarning[], fetchedAt: string): Posts {
  const out: Posts = { incidents: [], maintenances: [], impacts: [] };
  if (!postsDoc) return out;
  const read = readJson(postsDoc, 'PagerDuty posts');
  const list = read.ok ? asRecord(read.value)?.posts : undefined;
  if (!read.ok || !Array.isArray(list)) {
    warn(warnings, 'optional_document', `Posts were not read: ${read.ok ? 'no posts list' : read.error.message}`, 'posts');
    return out;
  }
  const names = enumNames(enumsDoc, warnings);
  const nameOf = (id: unknown): string | undefined => {
    const key = asString(id);
    return key === undefined ? undefined : (names.get(key) ?? key).toLowerCase();
  };
  const time = isoTimeReader(warnings);
  list.forEach((raw, i) => {
    const path = `posts[${i}]`;
    const post = asRecord(raw);
    const title = asString(post?.title);
    if (!post || !title) {
      warn(warnings, 'unreadable_item', 'A post without a title was skipped.', path);
      return;
    }
    const id = asString(post.id) ?? slugify(title);
    const latest = asRecord(post.latest_update) ?? {};
    const statusName = nameOf(latest.status_id) ?? nameOf(post.status_id);
    const at = time(latest.reported_at, `${path}.latest_update.reported_at`) ?? time(post.first_update_at, `${path}.first_update_at`) ?? fetchedAt;
    const start = time(post.starts_at, `${path}.starts_at`) ?? time(post.first_update_at, `${path}.first_update_at`) ?? at;
    const end = time(post.ends_at, `${path}.ends_at`);
    const services = asArray(latest.impacts).map((x) => asRecord(x) ?? {});
    const serviceIds = services.map((s) => asString(s.service_id)).filter((s): s is string => s !== undefined);
    const body = htmlToText(asString(latest.message) ?? '');
    if (asString(post.post_type) === 'maintenance') {
      const status = (statusName && MAINTENANCE_STATUSES[statusName]) || undefined;
      if (!status) warn(warnings, 'unknown_status', `Unknown maintenance status ${JSON.stringify(statusName)}.`, `${path}.latest_update.status_id`);
      const s = status ?? 'scheduled';
      out.maintenances.push({ id, title, url: null, status: s, scheduledFor: start, scheduledUntil: end ?? null, components: serviceIds, updates: [{ id: null, status: s, label: label(statusName ?? s), body, at }] });
      if (s === 'in_progress') for (const sid of serviceIds) out.impacts.push({ serviceId: sid, impact: 'maintenance', path: `${path}.latest_update.impacts` });
      return;
    }
    const status = (statusName && INCIDENT_STATUSES[statusName]) || undefined;
    if (!status) warn(warnings, 'unknown_status', `Unknown incident status ${JSON.stringify(statusName)}.`, `${path}.latest_update.status_id`);
    const severity = nameOf(latest.severity_id) ?? nameOf(post.severity_id);
    const impact = severity === undefined ? undefined : SEVERITIES[severity];
    if (severity !== undefined && !impact) warn(warnings, 'unknown_status', `Unknown severity ${JSON.stringify(severity)}.`, `${path}.latest_update.severity_id`);
    const s = status ?? 'investigating';
    const updates: IncidentUpdate[] = [{ id: null, status: s, label: label(statusName ?? s), body, at }];
    out.incidents.push({ id, title, url: null, impact: impact ?? 'minor', status: s, startedAt: start, resolvedAt: s === 'resolved' ? (end ?? at) : null, components: serviceIds, updates, postmortem: null });
    if (s !== 'resolved') {
      services.forEach((svc, k) => {
        const sid = asString(svc.service_id);
        const name = nameOf(svc.severity_id) ?? nameOf(svc.impact);
        if (sid && name) out.impacts.push({ serviceId: sid, impact: name, path: `${path}.latest_update.impacts[${k}]` });
      });
    }
  });
  return out;
}

function enumNames(doc: FeedDocument | undefined, warnings: FeedWarning[]): Map<string, string> {
  const names = new Map<string, string>();
  if (!doc) return names;
  const read = readJson(doc, 'PagerDuty post enums');
  const list = read.ok ? asRecord(read.value)?.post_enums : undefined;
  if (!Array.isArray(list)) {
    warn(warnings, 'optional_document', `Status names were not read: ${read.ok ? 'no post_enums list' : read.error.message}`, 'enums');
    return names;
  }
  for (const raw of list) {
    const e = asRecord(raw);
    const id = asString(e?.id);
    const name = asString(e?.name);
    if (id && name) names.set(id, name);
  }
  return names;
}

/** The older page data: `summary.open_incidents[{title, updates[{severity}]}]` [C: stts], newest update first. */
export function readV1Incidents(v1: Record<string, unknown> | undefined, warnings: FeedWarning[], fetchedAt: string): Incident[] {
  const time = isoTimeReader(warnings);
  return asArray(v1?.open_incidents).flatMap((raw, i): Incident[] => {
    const item = asRecord(raw);
    const title = asString(item?.title);
    if (!item || !title) {
      warn(warnings, 'unreadable_item', 'An open incident without a title was skipped.', `summary.open_incidents[${i}]`);
      return [];
    }
    const entries = asArray(item.updates).map((u) => asRecord(u) ?? {});
    const severity = asString(entries[0]?.severity);
    const impact = severity === undefined ? undefined : SEVERITIES[severity];
    if (severity !== undefined && !impact) warn(warnings, 'unknown_status', `Unknown severity ${JSON.stringify(severity)}.`, `summary.open_incidents[${i}].updates[0].severity`);
    const updates: IncidentUpdate[] = entries.flatMap((u, k) => {
      const at = time(u.created_at ?? u.reported_at, `summary.open_incidents[${i}].updates[${k}].created_at`);
      return at ? [{ id: asString(u.id) ?? null, status: 'investigating' as const, label: 'Update', body: htmlToText(asString(u.message) ?? asString(u.body) ?? ''), at }] : [];
    });
    const startedAt = updates.map((u) => u.at).sort()[0] ?? fetchedAt;
    return [{ id: asString(item.id) ?? slugify(title), title, url: asString(item.url) ?? null, impact: impact ?? 'minor', status: 'investigating', startedAt, resolvedAt: null, components: [], updates, postmortem: null }];
  });
}

function label(word: string): string {
  const spaced = word.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
