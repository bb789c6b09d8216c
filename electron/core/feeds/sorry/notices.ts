import type {
  FeedWarning, Impact, Incident, IncidentStatus, Maintenance, MaintenanceStatus, TimelineUpdate,
} from '../../../../shared/model/index.ts';
import { htmlToText } from '../common/html.ts';
import { asArray, asRecord, asString } from '../common/json.ts';
import { slugify } from '../common/snapshot.ts';
import { isoTimeReader } from '../common/warnings.ts';

/** Unplanned (and general) notice states [D]; `recovering` is Sorry's word for monitoring. */
const INCIDENT_STATES: Readonly<Record<string, IncidentStatus>> = {
  investigating: 'investigating', identified: 'identified', recovering: 'monitoring', resolved: 'resolved', false_alarm: 'resolved',
};
/** Planned notice states [D]; a cancelled maintenance is over without having run. */
const MAINTENANCE_STATES: Readonly<Record<string, MaintenanceStatus>> = {
  scheduled: 'scheduled', underway: 'in_progress', complete: 'completed', cancelled: 'completed',
};
const LABELS: Readonly<Record<string, string>> = {
  investigating: 'Investigating', identified: 'Identified', recovering: 'Recovering', resolved: 'Resolved', false_alarm: 'False alarm',
  scheduled: 'Scheduled', underway: 'Underway', complete: 'Complete', cancelled: 'Cancelled',
};

export type SorryNotice = { kind: 'incident'; value: Incident } | { kind: 'maintenance'; value: Maintenance };

/**
 * One notice. Updates carry text and a time [D] but no state of their own (an update's `state`
 * is read when present [inferred]): every update but the last keeps the opening state and the last
 * one carries the notice's current state, so a resolved notice's timeline ends resolved without
 * claiming earlier updates were.
 */
export function readNotice(raw: unknown, path: string, warnings: FeedWarning[], fetchedAt: string): SorryNotice | undefined {
  const n = asRecord(raw);
  const title = asString(n?.subject);
  if (!n || !title) {
    warnings.push({ code: 'unreadable_item', message: 'A notice without a subject was skipped.', path });
    return undefined;
  }
  const time = isoTimeReader(warnings);
  const id = asString(n.id) ?? slugify(title);
  const word = asString(n.state)?.toLowerCase();
  const planned = asString(n.type) === 'planned';
  const table: Readonly<Record<string, IncidentStatus | MaintenanceStatus>> = planned ? MAINTENANCE_STATES : INCIDENT_STATES;
  const status = word === undefined ? undefined : table[word];
  if (!status) warnings.push({ code: 'unknown_status', message: `Unknown notice state ${JSON.stringify(n.state)}.`, path: `${path}.state` });
  const began = time(n.began_at, `${path}.began_at`);
  const ended = time(n.ended_at, `${path}.ended_at`);
  const components = asArray(n.components).map((c) => asString(asRecord(c)?.name)).filter((x): x is string => x !== undefined);
  const url = asString(n.link) ?? null;
  const raws = asArray(n.updates).map((u, i) => ({ u: asRecord(u), i })).filter((x) => {
    if (x.u && time(x.u.created_at, `${path}.updates[${x.i}].created_at`)) return true;
    warnings.push({ code: 'unreadable_item', message: 'An update without a time was skipped.', path: `${path}.updates[${x.i}]` });
    return false;
  });
  const sorted = raws.map(({ u, i }) => ({ u: u ?? {}, i, at: time(u?.created_at, '') ?? '' })).sort((a, b) => a.at.localeCompare(b.at));
  const opening = planned ? 'scheduled' : 'investigating';
  const updates = sorted.map(({ u, at }, k) => {
    const own = asString(u.state)?.toLowerCase();
    const named = own ?? (k === sorted.length - 1 ? word : undefined);
    const stateWord = named ?? opening;
    const body = asString(u.content) ?? '';
    // An update that names no state is labelled "Update", as Statuspage labels one that changes nothing.
    return { id: asString(u.id) ?? null, status: table[stateWord] ?? status ?? table[opening], label: (named && LABELS[named]) || 'Update', body: /<[a-z][\s\S]*>/i.test(body) ? htmlToText(body) : body.trim(), at };
  });
  const synopsis = asString(n.synopsis);
  if (updates.length === 0 && synopsis !== undefined) {
    // Listed without its updates: the synopsis is what the page shows for it.
    const at = time(n.updated_at, `${path}.updated_at`) ?? began ?? fetchedAt;
    updates.push({ id: null, status: status ?? table[opening], label: LABELS[word ?? ''] ?? 'Update', body: synopsis.trim(), at });
  }
  if (planned) {
    const scheduledFor = began ?? time(n.begins_at, `${path}.begins_at`) ?? updates[0]?.at ?? fetchedAt;
    return {
      kind: 'maintenance',
      value: {
        id, title, url, status: (status as MaintenanceStatus | undefined) ?? 'scheduled', scheduledFor,
        scheduledUntil: ended ?? time(n.ends_at, `${path}.ends_at`) ?? null, components, updates: updates as TimelineUpdate<MaintenanceStatus>[],
      },
    };
  }
  const incidentStatus = (status as IncidentStatus | undefined) ?? 'investigating';
  // Sorry has no impact field: an unplanned notice is a disruption of unstated size, a general one news.
  const impact: Impact = asString(n.type) === 'general' ? 'none' : 'minor';
  return {
    kind: 'incident',
    value: {
      id, title, url, impact, status: incidentStatus,
      startedAt: began ?? updates[0]?.at ?? time(n.created_at, `${path}.created_at`) ?? fetchedAt,
      resolvedAt: incidentStatus === 'resolved' ? (ended ?? updates.at(-1)?.at ?? fetchedAt) : null,
      components, updates: updates as TimelineUpdate<IncidentStatus>[], postmortem: null,
    },
  };
}
