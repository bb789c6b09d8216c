import { jitterMs, statuspageId } from './ids.ts';
import type { ComponentState, ScriptIncident, ScriptMaintenance, VendorScript } from './script.ts';
import { DAY } from './script.ts';
import type {
  DemoDocuments, StatuspageAffectedComponent, StatuspageComponent, StatuspageIncident, StatuspageIndicator, StatuspagePage, StatuspageUpdate,
} from './statuspage-types.ts';

/**
 * One vendor's script at one instant → the three Statuspage documents it serves. Nothing here
 * reads the clock: `clock` says when "now" is, so the same inputs always give the same bytes.
 */

export interface DemoClock {
  /** Epoch ms the demo started; every script offset is relative to it. */
  startedAt: number;
  /** Epoch ms of the instant to render. */
  now: number;
  /** How much faster than real time the live story runs (1 = as written). */
  speed: number;
}

/** A script update placed on the clock: only those at or before `now` are served. */
interface Posted<U> { update: U; at: number; index: number }

const CLOSED = new Set(['resolved', 'postmortem', 'completed']);
const INDICATOR_RANK: Record<StatuspageIndicator, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };
const COMPONENT_INDICATOR: Record<ComponentState, StatuspageIndicator> = {
  operational: 'none', under_maintenance: 'maintenance', degraded_performance: 'minor', partial_outage: 'major', major_outage: 'critical',
};
/** The words Statuspage pages print for each indicator. */
const INDICATOR_WORDS: Record<StatuspageIndicator, string> = {
  none: 'All Systems Operational',
  maintenance: 'Service Under Maintenance',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};

const iso = (ms: number): string => new Date(Math.round(ms)).toISOString();

/**
 * The documents `script` serves at `clock.now` from `base`. Ids of incidents and updates derive
 * from the start instant, so each demo run is its own world (a home reused across runs gets new
 * incidents rather than old ones rewritten); component and page ids are fixed.
 */
export function renderVendor(script: VendorScript, clock: DemoClock, base: string): DemoDocuments {
  const seed = `${clock.startedAt}:${script.id}`;
  const pageId = statuspageId(`page:${script.id}`);
  const componentId = (key: string): string => statuspageId(`component:${script.id}:${key}`);
  /**
   * Live items run `speed` times faster from the start on, so a test or a screenshot can replay
   * five minutes in seconds while the timestamps stay in the past of the wall clock.
   */
  const instant = (offset: number, live: boolean | undefined): number =>
    clock.startedAt + (live && offset > 0 ? offset / clock.speed : offset);

  // Only what has been posted by now is served; the rest of the script does not exist yet.
  const incidents = script.incidents.map((incident) => {
    const jitter = jitterMs(`${seed}:${incident.key}`);
    const posted = incident.updates
      .map((update, index) => ({ update, index, at: instant(incident.openedAt + update.after + jitter, incident.live) }))
      .filter((p) => p.at <= clock.now);
    const pm = incident.postmortem;
    const postmortemAt = pm ? instant(incident.openedAt + pm.after + jitter, incident.live) : null;
    return { incident, posted, postmortemAt: postmortemAt !== null && postmortemAt <= clock.now ? postmortemAt : null };
  }).filter((i) => i.posted.length > 0);

  const maintenances = script.maintenances.map((maintenance) => {
    const jitter = jitterMs(`${seed}:${maintenance.key}`);
    const posted = maintenance.updates
      .map((update, index) => ({ update, index, at: instant(update.at + jitter, maintenance.live) }))
      .filter((p) => p.at <= clock.now);
    return { maintenance, posted };
  }).filter((m) => m.posted.length > 0);

  // Component statuses now: the latest posted update that names a component sets it.
  const changes: { at: number; key: string; state: ComponentState }[] = [];
  for (const { posted } of incidents) for (const p of posted) for (const [key, state] of Object.entries(p.update.components)) changes.push({ at: p.at, key, state });
  for (const { maintenance, posted } of maintenances) {
    for (const p of posted) {
      const state = maintenanceState(p.update.status);
      if (state) for (const key of maintenance.components) changes.push({ at: p.at, key, state });
    }
  }
  changes.sort((a, b) => a.at - b.at);
  const createdAt = clock.startedAt - 900 * DAY;
  const current = new Map<string, { state: ComponentState; at: number }>();
  for (const change of changes) current.set(change.key, { state: change.state, at: change.at });

  const components = renderComponents(script, pageId, componentId, (key) => current.get(key) ?? { state: 'operational', at: createdAt }, createdAt);
  const componentByKey = new Map(script.components.map((c) => [c.key, components.find((o) => o.id === componentId(c.key))!]));
  const updateId = (itemKey: string, index: number): string => statuspageId(`${seed}:update:${itemKey}:${index}`);
  const shortlink = (id: string): string => `${originOf(base)}/s/${id}`;

  const incidentObjects = incidents.map(({ incident, posted, postmortemAt }) => {
    const id = statuspageId(`${seed}:incident:${incident.key}`);
    const updates = incidentUpdates(incident, posted, id, updateId, componentByKey);
    const last = posted.at(-1)!;
    const firstAt = (status: string): string | null => {
      const p = posted.find((u) => u.update.status === status);
      return p ? iso(p.at) : null;
    };
    const object: StatuspageIncident = {
      id,
      name: incident.name,
      status: last.update.status,
      created_at: iso(posted[0]!.at),
      updated_at: iso(Math.max(last.at, postmortemAt ?? 0)),
      monitoring_at: firstAt('monitoring'),
      resolved_at: firstAt('resolved'),
      impact: incident.impact,
      shortlink: shortlink(id),
      started_at: iso(posted[0]!.at),
      page_id: pageId,
      incident_updates: updates,
      components: keysOf(posted.map((p) => Object.keys(p.update.components))).map((k) => componentByKey.get(k)!),
      reminder_intervals: null,
      postmortem_body: postmortemAt !== null ? incident.postmortem!.body : null,
      postmortem_body_last_updated_at: postmortemAt !== null ? iso(postmortemAt) : null,
      postmortem_published_at: postmortemAt !== null ? iso(postmortemAt) : null,
    };
    return object;
  }).sort((a, b) => b.created_at.localeCompare(a.created_at));

  const maintenanceObjects = maintenances.map(({ maintenance, posted }) => {
    const id = statuspageId(`${seed}:maintenance:${maintenance.key}`);
    const last = posted.at(-1)!;
    const object: StatuspageIncident = {
      id,
      name: maintenance.name,
      status: last.update.status,
      created_at: iso(posted[0]!.at),
      updated_at: iso(last.at),
      monitoring_at: null,
      resolved_at: last.update.status === 'completed' ? iso(last.at) : null,
      impact: 'maintenance',
      shortlink: shortlink(id),
      started_at: iso(posted[0]!.at),
      page_id: pageId,
      incident_updates: maintenanceUpdates(maintenance, posted, id, updateId, componentByKey),
      components: maintenance.components.map((k) => componentByKey.get(k)!),
      reminder_intervals: null,
      scheduled_for: iso(instant(maintenance.scheduledFor, maintenance.live)),
      scheduled_until: iso(instant(maintenance.scheduledUntil, maintenance.live)),
      scheduled_remind_prior: true,
      scheduled_reminded_at: null,
      scheduled_auto_in_progress: true,
      scheduled_auto_completed: true,
    };
    return object;
  }).sort((a, b) => (b.scheduled_for ?? '').localeCompare(a.scheduled_for ?? ''));

  const allInstants = [...incidents.flatMap((i) => [...i.posted.map((p) => p.at), i.postmortemAt ?? 0]), ...maintenances.flatMap((m) => m.posted.map((p) => p.at))];
  const page: StatuspagePage = { id: pageId, name: script.name, url: base, time_zone: 'Etc/UTC', updated_at: iso(Math.max(createdAt, ...allInstants)) };
  const indicator = indicatorOf(components, maintenanceObjects);
  return {
    summary: {
      page,
      components,
      incidents: incidentObjects.filter((i) => !CLOSED.has(i.status)),
      scheduled_maintenances: maintenanceObjects.filter((m) => !CLOSED.has(m.status)).reverse(),
      status: { indicator, description: INDICATOR_WORDS[indicator] },
    },
    incidents: { page, incidents: incidentObjects },
    maintenances: { page, scheduled_maintenances: maintenanceObjects },
  };
}

/** What a maintenance update does to its components: under maintenance while it runs. */
function maintenanceState(status: string): ComponentState | null {
  if (status === 'in_progress' || status === 'verifying') return 'under_maintenance';
  if (status === 'completed') return 'operational';
  return null;
}

/** Components in page order: each group object first, then its members (positions within it). */
function renderComponents(
  script: VendorScript, pageId: string, componentId: (key: string) => string,
  stateOf: (key: string) => { state: ComponentState; at: number }, createdAt: number,
): StatuspageComponent[] {
  const out: StatuspageComponent[] = [];
  let position = 0;
  const memberPositions = new Map<string, number>();
  for (const c of script.components) {
    const group = c.group === undefined ? undefined : script.groups.find((g) => g.key === c.group);
    if (group && !memberPositions.has(group.key)) {
      const members = script.components.filter((m) => m.group === group.key);
      const states = members.map((m) => stateOf(m.key));
      const status = worstState(states.map((s) => s.state));
      out.push(componentObject(componentId(group.key), group.name, status, createdAt, Math.max(...states.map((s) => s.at)), ++position, group.description, null, pageId,
        members.map((m) => componentId(m.key))));
      memberPositions.set(group.key, 0);
    }
    const { state, at } = stateOf(c.key);
    const memberPosition = group ? memberPositions.get(group.key)! + 1 : 0;
    if (group) memberPositions.set(group.key, memberPosition);
    out.push(componentObject(componentId(c.key), c.name, state, createdAt, at, group ? memberPosition : ++position, c.description,
      group ? componentId(group.key) : null, pageId, null));
  }
  return out;
}

/** Field order as Statuspage sends it; `members` makes it a group. */
function componentObject(
  id: string, name: string, status: ComponentState, createdAt: number, updatedAt: number, position: number, description: string | null,
  groupId: string | null, pageId: string, members: string[] | null,
): StatuspageComponent {
  return {
    id, name, status, created_at: iso(createdAt), updated_at: iso(updatedAt), position, description, showcase: false, start_date: null,
    group_id: groupId, page_id: pageId, group: members !== null, only_show_if_degraded: false, ...(members ? { components: members } : {}),
  };
}

function worstState(states: ComponentState[]): ComponentState {
  const order: ComponentState[] = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
  return states.reduce<ComponentState>((w, s) => (order.indexOf(s) > order.indexOf(w) ? s : w), 'operational');
}

/** The summary's verdict: the worst component, else "maintenance" while a window runs. */
function indicatorOf(components: StatuspageComponent[], maintenances: StatuspageIncident[]): StatuspageIndicator {
  let worst: StatuspageIndicator = 'none';
  for (const c of components) {
    const level = COMPONENT_INDICATOR[c.status];
    if (INDICATOR_RANK[level] > INDICATOR_RANK[worst]) worst = level;
  }
  if (worst === 'none' && maintenances.some((m) => m.status === 'in_progress' || m.status === 'verifying')) return 'maintenance';
  return worst;
}

/** Keys in first-seen order. */
function keysOf(lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

type UpdateId = (itemKey: string, index: number) => string;

/**
 * Updates newest first. Each lists every component the incident has touched so far with its
 * status before and after, as Statuspage does.
 */
function incidentUpdates(
  incident: ScriptIncident, posted: Posted<ScriptIncident['updates'][number]>[], id: string, updateId: UpdateId,
  componentByKey: Map<string, StatuspageComponent>,
): StatuspageUpdate[] {
  const states = new Map<string, ComponentState>();
  return posted.map((p) => {
    const affected: StatuspageAffectedComponent[] = [];
    for (const key of Object.keys(p.update.components)) if (!states.has(key)) states.set(key, 'operational');
    for (const [key, old] of states) {
      const next = p.update.components[key] ?? old;
      affected.push({ code: componentByKey.get(key)!.id, name: componentByKey.get(key)!.name, old_status: old, new_status: next });
      states.set(key, next);
    }
    return updateObject(updateId(incident.key, p.index), id, p.update.status, p.update.body, p.at, affected, true);
  }).reverse();
}

function maintenanceUpdates(
  maintenance: ScriptMaintenance, posted: Posted<ScriptMaintenance['updates'][number]>[], id: string, updateId: UpdateId,
  componentByKey: Map<string, StatuspageComponent>,
): StatuspageUpdate[] {
  let old: ComponentState = 'operational';
  return posted.map((p) => {
    const next = maintenanceState(p.update.status) ?? old;
    const affected = maintenance.components.map((key) => ({ code: componentByKey.get(key)!.id, name: componentByKey.get(key)!.name, old_status: old, new_status: next }));
    old = next;
    return updateObject(updateId(maintenance.key, p.index), id, p.update.status, p.update.body, p.at, affected, p.index === 0);
  }).reverse();
}

function updateObject(
  id: string, incidentId: string, status: StatuspageUpdate['status'], body: string, at: number, affected: StatuspageAffectedComponent[], notify: boolean,
): StatuspageUpdate {
  return {
    id, status, body, incident_id: incidentId, created_at: iso(at), updated_at: iso(at), display_at: iso(at),
    affected_components: affected, deliver_notifications: notify, custom_tweet: null, tweet_id: null,
  };
}

function originOf(base: string): string {
  return new URL(base).origin;
}
