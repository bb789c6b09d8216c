import type {
  Component, FeedWarning, Impact, Incident, IncidentUpdate, Maintenance, Snapshot,
} from '../../../../shared/model/index.ts';
import { STATUS_LABELS } from '../../../../shared/model/index.ts';
import { hostOf } from '../common/host.ts';
import { asArray, asNumber, asRecord, asString } from '../common/json.ts';
import { deriveLevel, slugify, sortSnapshot } from '../common/snapshot.ts';
import type { ParseContext } from '../types.ts';
import type { CachetClock } from './clock.ts';
import { CACHET_COMPONENT_LEVELS, CACHET_INCIDENT_STATUSES, CACHET_SCHEDULE_STATUSES } from './levels.ts';

/**
 * A Cachet object flattened to 2.x field names. The 3.x reader lifts `attributes`, turns
 * `{human,value}` into `value` and resolves relationships, so one builder serves both versions.
 */
export type CachetItem = Record<string, unknown>;

/** The documents of one poll, already lifted to 2.x shape; optional ones are empty when absent. */
export interface CachetInput {
  format: 'cachet-v2' | 'cachet-v3';
  components: CachetItem[];
  groups: CachetItem[];
  incidents: CachetItem[];
  schedules: CachetItem[];
  clock: CachetClock;
  warnings: FeedWarning[];
}

/** Impact of an incident from its linked component (Cachet incidents carry no impact). */
const IMPACT_BY_LEVEL: Readonly<Record<string, Impact>> = { major_outage: 'critical', partial_outage: 'major', degraded: 'minor' };

/**
 * One snapshot from either Cachet version. Cachet has no page-level status, so the level is the
 * worst component raised by open incidents (deriveLevel), as the Cachet page itself colours it.
 */
export function buildCachetSnapshot(input: CachetInput, ctx: ParseContext): Snapshot {
  const { clock, warnings } = input;
  const groupNames = new Map<string, string>();
  for (const g of input.groups) {
    const id = asString(g.id);
    const name = asString(g.name);
    if (id && name) groupNames.set(id, name);
  }
  const components: Component[] = [];
  const componentById = new Map<string, Component>();
  input.components.forEach((c, i) => {
    const path = `components[${i}]`;
    const name = asString(c.name);
    if (!name) {
      warnings.push({ code: 'unreadable_item', message: 'A component without a name was skipped.', path });
      return;
    }
    // Disabled components are hidden on the public page.
    if (c.enabled === false || c.enabled === 0) return;
    const code = asNumber(c.status);
    const status = code === undefined ? undefined : CACHET_COMPONENT_LEVELS[code];
    if (!status) warnings.push({ code: 'unknown_status', message: `Unknown component status ${JSON.stringify(c.status)}.`, path: `${path}.status` });
    const groupId = asString(c.group_id) ?? asString(c.component_group_id);
    const component: Component = {
      id: asString(c.id) ?? slugify(name),
      name,
      group: groupId && groupId !== '0' ? (groupNames.get(groupId) ?? null) : null,
      status: status ?? 'unknown',
    };
    components.push(component);
    componentById.set(component.id, component);
  });
  const componentNames = (item: CachetItem): string[] => {
    const ids = [asString(item.component_id), ...asArray(item.components).map((c) => asString(asRecord(c)?.id) ?? asString(c))];
    return [...new Set(ids.flatMap((id) => (id && componentById.has(id) ? [componentById.get(id)?.name ?? id] : [])))];
  };

  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  input.incidents.forEach((item, i) => {
    const path = `incidents[${i}]`;
    const title = asString(item.name);
    if (!title) {
      warnings.push({ code: 'unreadable_item', message: 'An incident without a name was skipped.', path });
      return;
    }
    if (item.visible === false || item.visible === 0) return;
    const id = asString(item.id) ?? slugify(title);
    const code = asNumber(item.status);
    const occurred = clock.read(item.occurred_at ?? item.scheduled_at ?? item.created_at, `${path}.occurred_at`) ?? ctx.fetchedAt;
    const body = asString(item.message) ?? '';
    if (code === 0) {
      // Before 2.4 a maintenance was an incident with status 0 and no end; once its start has
      // passed the page no longer lists it as upcoming, so it reads as completed.
      const scheduledFor = clock.read(item.scheduled_at, `${path}.scheduled_at`) ?? occurred;
      const status = scheduledFor > ctx.fetchedAt ? 'scheduled' : 'completed';
      maintenances.push({ id, title, url: asString(item.permalink) ?? null, status, scheduledFor, scheduledUntil: null, components: componentNames(item),
        updates: [{ id: null, status, label: asString(item.human_status) ?? 'Scheduled', body, at: clock.read(item.created_at, `${path}.created_at`) ?? scheduledFor }] });
      return;
    }
    const known = code === undefined ? undefined : CACHET_INCIDENT_STATUSES[code];
    if (!known) warnings.push({ code: 'unknown_status', message: `Unknown incident status ${JSON.stringify(item.status)}.`, path: `${path}.status` });
    const status = known?.status ?? 'investigating';
    const later: IncidentUpdate[] = [];
    asArray(item.updates).forEach((rawUpdate, j) => {
      const u = asRecord(rawUpdate);
      const uCode = asNumber(u?.status);
      const uKnown = uCode === undefined ? undefined : CACHET_INCIDENT_STATUSES[uCode];
      const at = clock.read(u?.created_at, `${path}.updates[${j}].created_at`);
      if (!u || !uKnown || !at) {
        warnings.push({ code: 'unreadable_item', message: 'An incident update without a status or time was skipped.', path: `${path}.updates[${j}]` });
        return;
      }
      later.push({ id: asString(u.id) ?? null, status: uKnown.status, label: asString(u.human_status) ?? uKnown.label, body: asString(u.message) ?? '', at });
    });
    // The incident's own message is the first entry. Cachet overwrites the incident status with
    // each update, so the opening status is only known when there are no updates (inferred).
    const opening: IncidentUpdate = later.length === 0
      ? { id: null, status, label: asString(item.human_status) ?? known?.label ?? 'Update', body, at: occurred }
      : { id: null, status: 'investigating', label: 'Investigating', body, at: occurred };
    const updates = [opening, ...later];
    const names = componentNames(item);
    const worst = names.map((n) => components.find((c) => c.name === n)?.status ?? 'operational');
    const impact = worst.map((l) => IMPACT_BY_LEVEL[l]).find((x) => x !== undefined) ?? 'minor';
    const resolvedAt = status === 'resolved'
      ? ([...later].reverse().find((u) => u.status === 'resolved')?.at ?? clock.read(item.updated_at, `${path}.updated_at`) ?? occurred)
      : null;
    incidents.push({ id, title, url: asString(item.permalink) ?? null, impact, status, startedAt: occurred, resolvedAt, components: names, updates, postmortem: null });
  });

  input.schedules.forEach((item, i) => {
    const path = `schedules[${i}]`;
    const title = asString(item.name);
    if (!title) {
      warnings.push({ code: 'unreadable_item', message: 'A schedule without a name was skipped.', path });
      return;
    }
    const code = asNumber(item.status);
    const known = code === undefined ? undefined : CACHET_SCHEDULE_STATUSES[code];
    if (!known) warnings.push({ code: 'unknown_status', message: `Unknown schedule status ${JSON.stringify(item.status)}.`, path: `${path}.status` });
    const status = known?.status ?? 'scheduled';
    const scheduledFor = clock.read(item.scheduled_at, `${path}.scheduled_at`) ?? ctx.fetchedAt;
    maintenances.push({
      id: asString(item.id) ?? slugify(title), title, url: null, status, scheduledFor,
      scheduledUntil: clock.read(item.completed_at, `${path}.completed_at`) ?? null,
      components: componentNames(item),
      updates: [{ id: null, status, label: asString(item.human_status) ?? known?.label ?? 'Scheduled', body: asString(item.message) ?? '', at: clock.read(item.created_at, `${path}.created_at`) ?? scheduledFor }],
    });
  });

  const level = deriveLevel(components, incidents, maintenances);
  return sortSnapshot({
    source: { url: ctx.sourceUrl, platform: 'cachet', format: input.format, fetchedAt: ctx.fetchedAt },
    // The API carries no page name; the host is what the user recognises.
    page: { name: hostOf(ctx.sourceUrl), url: ctx.sourceUrl },
    status: { level, description: STATUS_LABELS[level] },
    components,
    incidents,
    maintenances,
    warnings,
  });
}
