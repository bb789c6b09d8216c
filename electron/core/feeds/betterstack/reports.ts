import type { FeedWarning, Impact, Incident, IncidentUpdate, Maintenance, MaintenanceStatus } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString } from '../common/json.ts';
import { slugify } from '../common/snapshot.ts';
import { enumReader, isoTimeReader, warn } from '../common/warnings.ts';

/**
 * Better Stack status reports (incidents and maintenances) and their status updates, from the
 * JSON:API `included[]` of `<page>/index.json` [D: "Status page reports API response params" and
 * "JSON API status" on betterstack.com/docs]:
 * - a report names its updates in `relationships.status_updates.data[{id, type: "status_update"}]`
 *   ("contains only its id"); the updates themselves are separate `included[]` resources. So an
 *   update belongs to the report that links it. Its own `status_report_id` attribute is only read
 *   for a report that carries no relationship block at all;
 * - an update's `affected_resources[].status` is `resolved`, `degraded`, `downtime` or
 *   `maintenance` [D: create-report docs]; the update that sets every resource `resolved` is the
 *   one that resolved the report, and its `published_at` is the report's resolution time;
 * - a report's `aggregate_state` is the platform's own verdict on it (Operational, Maintenance,
 *   Downtime or Degraded [D], lower-cased here): an open report's impact follows it; once the
 *   report is over it reads Operational, and the impact is the worst state its updates set.
 * A linked update the document does not include, or an included update no report links, is a
 * warning naming it: nothing is dropped silently.
 */

export interface Included {
  item: Record<string, unknown>;
  path: string;
}

/** Impact of a state word: the level it maps to (adapter.ts) read back as an incident impact. */
const IMPACTS: Readonly<Record<string, Impact>> = { downtime: 'critical', degraded: 'minor', maintenance: 'none', operational: 'none', resolved: 'none' };
const IMPACT_RANK: readonly Impact[] = ['none', 'minor', 'major', 'critical'];

interface Update {
  id: string | null;
  message: string;
  at: string;
  /** Lower-cased `affected_resources[].status` words. */
  states: string[];
}

export interface Reports {
  incidents: Incident[];
  maintenances: Maintenance[];
}

/** Every status report of the document, each with the updates it links. */
export function readReports(included: readonly Included[], componentNames: ReadonlyMap<string, string>, fetchedAt: string, warnings: FeedWarning[]): Reports {
  const time = isoTimeReader(warnings);
  const state = enumReader(warnings, 'report state', (word) => word.toLowerCase());
  const updates = new Map<string, Included>();
  for (const x of included) if (x.item.type === 'status_update') updates.set(asString(x.item.id) ?? x.path, x);
  const claimed = new Set<string>();
  const out: Reports = { incidents: [], maintenances: [] };

  for (const { item, path } of included) {
    if (item.type !== 'status_report') continue;
    const a = asRecord(item.attributes) ?? {};
    const title = asString(a.title);
    if (!title) {
      warn(warnings, 'unreadable_item', 'A status report without a title was skipped.', path);
      continue;
    }
    const id = asString(item.id) ?? slugify(title);
    const timeline = linkedUpdates(item, id, path, updates, claimed, warnings)
      .map((u) => readUpdate(u, time, warnings))
      .filter((u): u is Update => u !== undefined)
      .sort((x, y) => x.at.localeCompare(y.at));
    const startsAt = time(a.starts_at, `${path}.attributes.starts_at`) ?? timeline[0]?.at ?? fetchedAt;
    const endsAt = time(a.ends_at, `${path}.attributes.ends_at`);
    const components = asArray(a.affected_resources)
      .map((r) => componentNames.get(asString(asRecord(r)?.status_page_resource_id) ?? ''))
      .filter((n): n is string => n !== undefined);
    const aggregate = a.aggregate_state === undefined || a.aggregate_state === null ? undefined : state(IMPACTS, a.aggregate_state, `${path}.attributes.aggregate_state`);
    const word = String(asString(a.aggregate_state) ?? '').toLowerCase();
    const base = { id, title, startsAt, endsAt, components, timeline };
    if (String(a.report_type).toLowerCase() === 'maintenance') out.maintenances.push(maintenanceOf(base, fetchedAt));
    else out.incidents.push(incidentOf(base, word, aggregate, fetchedAt));
  }
  for (const [id, { path }] of updates) {
    if (!claimed.has(id)) warn(warnings, 'orphan_update', `Status update ${id} is linked from no status report and was not shown.`, path);
  }
  return out;
}

/** The updates a report links (relationships), else the ones naming it (`status_report_id`). */
function linkedUpdates(report: Record<string, unknown>, reportId: string, path: string, updates: ReadonlyMap<string, Included>, claimed: Set<string>, warnings: FeedWarning[]): Included[] {
  const relation = asRecord(asRecord(report.relationships)?.status_updates);
  const linked: Included[] = [];
  if (relation && Array.isArray(relation.data)) {
    for (const [i, ref] of relation.data.entries()) {
      const id = asString(asRecord(ref)?.id);
      const update = id === undefined ? undefined : updates.get(id);
      if (!update || id === undefined) {
        warn(warnings, 'missing_update', `Status report ${reportId} links status update ${id ?? '(no id)'}, which the document does not include.`, `${path}.relationships.status_updates.data[${i}]`);
        continue;
      }
      claimed.add(id);
      linked.push(update);
    }
    return linked;
  }
  for (const [id, update] of updates) {
    if (claimed.has(id) || asString(asRecord(update.item.attributes)?.status_report_id) !== reportId) continue;
    claimed.add(id);
    linked.push(update);
  }
  return linked;
}

function readUpdate({ item, path }: Included, time: (value: unknown, path: string) => string | undefined, warnings: FeedWarning[]): Update | undefined {
  const a = asRecord(item.attributes) ?? {};
  const at = time(a.published_at, `${path}.attributes.published_at`);
  if (!at) {
    const id = asString(item.id);
    warn(warnings, 'missing_field', `${id ? `Status update ${id}` : 'A status update'} has no readable published_at and was not shown.`, path);
    return undefined;
  }
  const states = asArray(a.affected_resources).map((r) => String(asString(asRecord(r)?.status) ?? '').toLowerCase());
  return { id: asString(item.id) ?? null, message: asString(a.message) ?? '', at, states };
}

interface ReportBase {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string | undefined;
  components: string[];
  timeline: Update[];
}

const resolves = (u: Update): boolean => u.states.length > 0 && u.states.every((s) => s === 'resolved');

function incidentOf(r: ReportBase, word: string, aggregate: Impact | undefined, fetchedAt: string): Incident {
  const { timeline } = r;
  // The resolving update: the first of the run of all-resolved updates that ends the timeline.
  let from = timeline.length;
  while (from > 0 && resolves(timeline[from - 1]!)) from--;
  const resolving = timeline[from];
  const over = word === 'operational' || word === 'resolved' || (r.endsAt !== undefined && r.endsAt <= fetchedAt);
  const closed = resolving !== undefined || over;
  const worstSeen = worst(timeline.flatMap((u) => u.states).map((s) => IMPACTS[s] ?? 'none'));
  // Open: the platform's current verdict. Over: it reads "operational", so the worst it reached.
  const impact = !closed && aggregate !== undefined && aggregate !== 'none' ? aggregate : worstSeen === 'none' ? 'minor' : worstSeen;
  const updates: IncidentUpdate[] = timeline.map((u, i) => {
    const done = (resolving !== undefined && i >= from) || (closed && resolving === undefined && i === timeline.length - 1);
    return { id: u.id, status: done ? 'resolved' : 'investigating', label: done ? 'Resolved' : labelOf(u.states), body: u.message, at: u.at };
  });
  return {
    id: r.id, title: r.title, url: null, impact, status: closed ? 'resolved' : 'investigating', startedAt: r.startsAt,
    resolvedAt: closed ? (resolving?.at ?? r.endsAt ?? timeline.at(-1)?.at ?? r.startsAt) : null,
    components: r.components, updates, postmortem: null,
  };
}

/**
 * Maintenance phase from the window, judged at fetch time (inferred: the page shows "upcoming"
 * before `starts_at` and "completed" after `ends_at`).
 */
function maintenanceOf(r: ReportBase, fetchedAt: string): Maintenance {
  const phase = (at: string): MaintenanceStatus => (at < r.startsAt ? 'scheduled' : r.endsAt && at >= r.endsAt ? 'completed' : 'in_progress');
  const LABELS: Record<MaintenanceStatus, string> = { scheduled: 'Scheduled', in_progress: 'In progress', verifying: 'Verifying', completed: 'Completed' };
  return {
    id: r.id, title: r.title, url: null, status: phase(fetchedAt), scheduledFor: r.startsAt, scheduledUntil: r.endsAt ?? null, components: r.components,
    updates: r.timeline.map((u) => ({ id: u.id, status: phase(u.at), label: LABELS[phase(u.at)], body: u.message, at: u.at })),
  };
}

/** "Downtime" / "Degraded": the worst state an update sets, as the page words it. */
function labelOf(states: string[]): string {
  if (states.includes('downtime')) return 'Downtime';
  if (states.includes('degraded')) return 'Degraded';
  return 'Update';
}

function worst(impacts: Impact[]): Impact {
  return impacts.reduce<Impact>((acc, x) => (IMPACT_RANK.indexOf(x) > IMPACT_RANK.indexOf(acc) ? x : acc), 'none');
}
