import type {
  Component, FeedWarning, Impact, Incident, IncidentStatus, IncidentUpdate, Maintenance, MaintenanceStatus, StatusLevel,
} from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import { hostOf } from '../common/host.ts';
import { asArray, asNumber, asRecord, asString, readJson } from '../common/json.ts';
import { slugify, sortSnapshot } from '../common/snapshot.ts';
import { isoTimeReader } from '../common/warnings.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';

/**
 * status.io's public status API (`https://api.status.io/1.0/status/<page_id>`). The top level
 * (`status_overall`, `status[]` with `containers[]`) is confirmed by a real Docker capture;
 * the `incidents[]` and `maintenance.active/upcoming[]` item fields are inferred from public
 * clients (feed-formats.md §5) and read defensively.
 *
 * Listing: active. The status document carries only what is ongoing (open incidents, active and
 * upcoming maintenance), so an incident that leaves it is over (see changes/active-listing.ts).
 */
export const statusioAdapter: FeedAdapter = { id: 'statusio', platform: 'statusio', parse: parseStatusio };

/** status.io's numeric codes [C: stts]. 600 "Security Event" is treated as an outage. */
const LEVELS: Readonly<Record<number, StatusLevel>> = {
  100: 'operational', 200: 'maintenance', 300: 'degraded', 400: 'partial_outage', 500: 'major_outage', 600: 'major_outage',
};
const IMPACTS: Readonly<Record<number, Impact>> = { 100: 'none', 200: 'none', 300: 'minor', 400: 'major', 500: 'critical', 600: 'critical' };
/** Message `state`: 100 investigating, 200 identified, 300 monitoring [C]; 400 resolved [K, inferred]. */
const STATES: Readonly<Record<number, { status: IncidentStatus; label: string }>> = {
  100: { status: 'investigating', label: 'Investigating' },
  200: { status: 'identified', label: 'Identified' },
  300: { status: 'monitoring', label: 'Monitoring' },
  400: { status: 'resolved', label: 'Resolved' },
};

function parseStatusio(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs.main, 'status.io status');
  if (!read.ok) return read;
  const result = asRecord(asRecord(read.value)?.result);
  // Discriminating check: `result.status_overall` beside a `result.status[]` list.
  if (!result || !asRecord(result.status_overall) || !Array.isArray(result.status)) {
    return { ok: false, error: { kind: 'wrong_format', message: 'Not a status.io status document (no result.status_overall).' } };
  }
  const warnings: FeedWarning[] = [];
  const level = (code: unknown, path: string): StatusLevel => {
    const n = asNumber(code);
    const found = n === undefined ? undefined : LEVELS[n];
    if (!found) warnings.push({ code: 'unknown_status', message: `Unknown status_code ${JSON.stringify(code)}.`, path });
    return found ?? 'unknown';
  };
  const time = isoTimeReader(warnings);

  // A component's real state is per (component × container); the worst container is the
  // component's state. Containers are shared across components, so they are not components.
  const components: Component[] = [];
  result.status.forEach((raw, i) => {
    const item = asRecord(raw);
    const name = asString(item?.name);
    if (!item || !name) {
      warnings.push({ code: 'unreadable_item', message: 'A component without a name was skipped.', path: `status[${i}]` });
      return;
    }
    const containers = asArray(item.containers);
    const levels = containers.length > 0
      ? containers.map((c, j) => level(asRecord(c)?.status_code, `status[${i}].containers[${j}].status_code`))
      : [level(item.status_code, `status[${i}].status_code`)];
    components.push({ id: asString(item.id) ?? slugify(name), name, group: null, status: worstOf(levels) });
  });
  const nameOf = (raw: unknown): string | undefined => asString(asRecord(raw)?.name) ?? asString(raw);
  const componentNames = (item: Record<string, unknown>): string[] => {
    const named = asArray(item.components_affected).map(nameOf).filter((n): n is string => n !== undefined);
    // Affected entries may be bare ids; show the component's name when we know it.
    return [...new Set(named.map((n) => components.find((c) => c.id === n)?.name ?? n))];
  };

  const incidents: Incident[] = [];
  asArray(result.incidents).forEach((raw, i) => {
    const path = `incidents[${i}]`;
    const item = asRecord(raw);
    const title = asString(item?.name);
    if (!item || !title) {
      warnings.push({ code: 'unreadable_item', message: 'An incident without a name was skipped.', path });
      return;
    }
    let worstImpact: Impact = 'minor';
    const updates: IncidentUpdate[] = [];
    asArray(item.messages).forEach((m, j) => {
      const msg = asRecord(m);
      const at = time(msg?.datetime, `${path}.messages[${j}].datetime`);
      const state = asNumber(msg?.state);
      const known = state === undefined ? undefined : STATES[state];
      if (msg?.state !== undefined && !known) warnings.push({ code: 'unknown_status', message: `Unknown message state ${JSON.stringify(msg.state)}.`, path: `${path}.messages[${j}].state` });
      const impact = IMPACTS[asNumber(msg?.status) ?? 0];
      if (impact && rankImpact(impact) > rankImpact(worstImpact)) worstImpact = impact;
      if (!msg || !at) return;
      updates.push({ id: asString(msg._id) ?? null, status: known?.status ?? 'investigating', label: known?.label ?? 'Update', body: asString(msg.details) ?? '', at });
    });
    updates.sort((a, b) => a.at.localeCompare(b.at));
    const last = updates.at(-1);
    const startedAt = time(item.datetime_open, `${path}.datetime_open`) ?? updates[0]?.at ?? ctx.fetchedAt;
    const status = last?.status ?? 'investigating';
    incidents.push({
      id: asString(item._id) ?? asString(item.id) ?? slugify(title), title, url: null, impact: worstImpact, status, startedAt,
      resolvedAt: status === 'resolved' ? (last?.at ?? null) : null, components: componentNames(item), updates, postmortem: null,
    });
  });

  const maintenances: Maintenance[] = [];
  const maintenance = asRecord(result.maintenance) ?? {};
  for (const [key, status] of [['active', 'in_progress'], ['upcoming', 'scheduled']] as const) {
    asArray(maintenance[key]).forEach((raw, i) => {
      const path = `maintenance.${key}[${i}]`;
      const item = asRecord(raw);
      const title = asString(item?.name);
      if (!item || !title) {
        warnings.push({ code: 'unreadable_item', message: 'A maintenance without a name was skipped.', path });
        return;
      }
      const start = time(item.datetime_planned_start, `${path}.datetime_planned_start`) ?? ctx.fetchedAt;
      const updates = asArray(item.messages).flatMap((m, j) => {
        const msg = asRecord(m);
        const at = time(msg?.datetime, `${path}.messages[${j}].datetime`);
        return msg && at ? [{ id: asString(msg._id) ?? null, status: status as MaintenanceStatus, label: key === 'active' ? 'In progress' : 'Scheduled', body: asString(msg.details) ?? '', at }] : [];
      });
      maintenances.push({
        id: asString(item._id) ?? asString(item.id) ?? slugify(title), title, url: null, status, scheduledFor: start,
        scheduledUntil: time(item.datetime_planned_end, `${path}.datetime_planned_end`) ?? null, components: componentNames(item), updates,
      });
    });
  }

  const overall = asRecord(result.status_overall) ?? {};
  const statedLevel = level(overall.status_code, 'status_overall.status_code');
  const overallLevel = worstOf([statedLevel, ...components.map((c) => c.status)]);
  // The vendor's own words, unless a component is worse than the page admits.
  const description = overallLevel === statedLevel ? (asString(overall.status) ?? STATUS_LABELS[overallLevel]) : STATUS_LABELS[overallLevel];
  const pageUrl = ctx.sourceUrl;
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'statusio', format: 'statusio', fetchedAt: ctx.fetchedAt, listing: 'active' },
      // The API names no page; the watched URL is the user's own label for it.
      page: { name: hostOf(pageUrl), url: pageUrl },
      status: { level: overallLevel, description },
      components,
      incidents,
      maintenances,
      warnings,
    }),
  };
}

const IMPACT_RANK: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 };
function rankImpact(impact: Impact): number {
  return IMPACT_RANK[impact];
}
