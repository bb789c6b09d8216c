import type {
  Component, FeedWarning, Impact, Incident, Maintenance, MaintenanceStatus, StatusLevel,
} from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { slugify, sortSnapshot } from '../common/snapshot.ts';
import { enumReader, isoTimeReader } from '../common/warnings.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';

/**
 * Better Stack (formerly Better Uptime) status pages: `<page>/index.json`, a JSON:API document
 * whose `included[]` holds sections, resources (components), status reports (incidents and
 * maintenances) and their status updates [D: betterstack.com/docs "JSON API status" and the
 * status-report API reference; no raw capture exists].
 */
export const betterstackAdapter: FeedAdapter = { id: 'betterstack', platform: 'betterstack', parse: parseBetterstack };

/**
 * Resource/page states [D]. `not_monitored` marks a resource whose state is set by hand
 * through reports [C]; with no report open it shows green, so it reads as operational.
 * The report docs capitalise these (`Downtime`), hence the lower-casing before lookup.
 */
const LEVELS: Readonly<Record<string, StatusLevel>> = {
  operational: 'operational', not_monitored: 'operational', resolved: 'operational',
  maintenance: 'maintenance', degraded: 'degraded', downtime: 'major_outage',
};
const IMPACTS: Readonly<Record<string, Impact>> = { downtime: 'critical', degraded: 'minor', maintenance: 'none', operational: 'none', resolved: 'none' };

function parseBetterstack(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs.main, 'Better Stack index.json');
  if (!read.ok) return read;
  const root = asRecord(read.value);
  const data = asRecord(root?.data);
  const attrs = asRecord(data?.attributes);
  // Discriminating check: a JSON:API primary resource of type `status_page`.
  if (!root || !data || data.type !== 'status_page' || !attrs) {
    return { ok: false, error: { kind: 'wrong_format', message: 'Not a Better Stack index.json (no data.type "status_page").' } };
  }
  const warnings: FeedWarning[] = [];
  const time = isoTimeReader(warnings);
  const state = enumReader(warnings, 'state', (word) => word.toLowerCase());
  const level = (value: unknown, path: string): StatusLevel | undefined => state(LEVELS, value, path);

  const included = asArray(root.included).map((x, i) => ({ item: asRecord(x), path: `included[${i}]` }));
  const ofType = (type: string) => included.filter((x): x is { item: Record<string, unknown>; path: string } => x.item?.type === type);
  const sections = new Map<string, string>();
  for (const { item } of ofType('status_page_section')) {
    const id = asString(item.id);
    const name = asString(asRecord(item.attributes)?.name);
    if (id && name) sections.set(id, name);
  }
  const components: Component[] = [];
  for (const { item, path } of ofType('status_page_resource')) {
    const a = asRecord(item.attributes) ?? {};
    const name = asString(a.public_name) ?? asString(a.name);
    if (!name) {
      warnings.push({ code: 'unreadable_item', message: 'A resource without a public name was skipped.', path });
      continue;
    }
    const sectionId = asString(a.status_page_section_id);
    components.push({
      id: asString(item.id) ?? slugify(name), name, group: sectionId ? (sections.get(sectionId) ?? null) : null,
      status: level(a.status, `${path}.attributes.status`) ?? 'unknown',
    });
  }
  const nameOf = new Map(components.map((c) => [c.id, c.name]));

  const updatesByReport = new Map<string, { message: string; at: string; states: string[]; id: string | null }[]>();
  for (const { item, path } of ofType('status_update')) {
    const a = asRecord(item.attributes) ?? {};
    const reportId = asString(a.status_report_id);
    const at = time(a.published_at, `${path}.attributes.published_at`);
    if (!reportId || !at) continue;
    const states = asArray(a.affected_resources).map((r) => String(asString(asRecord(r)?.status) ?? '').toLowerCase());
    const list = updatesByReport.get(reportId) ?? [];
    list.push({ id: asString(item.id) ?? null, message: asString(a.message) ?? '', at, states });
    updatesByReport.set(reportId, list);
  }

  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  for (const { item, path } of ofType('status_report')) {
    const a = asRecord(item.attributes) ?? {};
    const title = asString(a.title);
    if (!title) {
      warnings.push({ code: 'unreadable_item', message: 'A status report without a title was skipped.', path });
      continue;
    }
    const id = asString(item.id) ?? slugify(title);
    const updates = (updatesByReport.get(id) ?? []).sort((x, y) => x.at.localeCompare(y.at));
    const startsAt = time(a.starts_at, `${path}.attributes.starts_at`) ?? updates[0]?.at ?? ctx.fetchedAt;
    const endsAt = time(a.ends_at, `${path}.attributes.ends_at`);
    const affected = asArray(a.affected_resources).map((r) => nameOf.get(asString(asRecord(r)?.status_page_resource_id) ?? '')).filter((n): n is string => !!n);
    const state = String(asString(a.aggregate_state) ?? '').toLowerCase();
    if (String(a.report_type).toLowerCase() === 'maintenance') {
      // Maintenance phase from the window, judged at fetch time (inferred: the page shows
      // "upcoming" before starts_at and "completed" after ends_at).
      const phase = (at: string): MaintenanceStatus => (at < startsAt ? 'scheduled' : endsAt && at >= endsAt ? 'completed' : 'in_progress');
      const status = phase(ctx.fetchedAt);
      maintenances.push({
        id, title, url: null, status, scheduledFor: startsAt, scheduledUntil: endsAt ?? null, components: affected,
        updates: updates.map((u) => ({ id: u.id, status: phase(u.at), label: phase(u.at) === 'in_progress' ? 'In progress' : phase(u.at) === 'completed' ? 'Completed' : 'Scheduled', body: u.message, at: u.at })),
      });
      continue;
    }
    // An incident is over when its window ended or its last update marks every resource resolved.
    const lastStates = updates.at(-1)?.states ?? [];
    const closed = (endsAt !== undefined && endsAt <= ctx.fetchedAt) || state === 'operational' || state === 'resolved'
      || (lastStates.length > 0 && lastStates.every((s) => s === 'resolved'));
    const impacts = [state, ...updates.flatMap((u) => u.states)].map((s) => IMPACTS[s]).filter((x): x is Impact => !!x);
    const impact: Impact = impacts.includes('critical') ? 'critical' : 'minor';
    incidents.push({
      id, title, url: null, impact, status: closed ? 'resolved' : 'investigating', startedAt: startsAt,
      resolvedAt: closed ? (endsAt ?? updates.at(-1)?.at ?? startsAt) : null, components: affected,
      updates: updates.map((u, i) => {
        const resolved = u.states.length > 0 && u.states.every((s) => s === 'resolved') || (closed && i === updates.length - 1);
        return { id: u.id, status: resolved ? 'resolved' : 'investigating', label: resolved ? 'Resolved' : labelOf(u.states), body: u.message, at: u.at };
      }),
      postmortem: null,
    });
  }

  const pageLevel = level(attrs.aggregate_state, 'data.attributes.aggregate_state') ?? 'unknown';
  const overall = worstOf([pageLevel, ...components.map((c) => c.status)]);
  const domain = asString(attrs.custom_domain);
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'betterstack', format: 'betterstack', fetchedAt: ctx.fetchedAt },
      page: { name: asString(attrs.company_name) ?? ctx.sourceUrl, url: domain ? `https://${domain}` : ctx.sourceUrl },
      status: { level: overall, description: STATUS_LABELS[overall] },
      components,
      incidents,
      maintenances,
      warnings,
    }),
  };
}

/** "Downtime" / "Degraded": the worst state an update sets, as the page words it. */
function labelOf(states: string[]): string {
  if (states.includes('downtime')) return 'Downtime';
  if (states.includes('degraded')) return 'Degraded';
  return 'Update';
}
