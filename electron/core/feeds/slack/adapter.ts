import type {
  Component, FeedWarning, Impact, Incident, IncidentUpdate, Maintenance, MaintenanceStatus, StatusLevel,
} from '../../../../shared/model/index.ts';
import { rankOf, STATUS_LABELS } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { deriveLevel, slugify, sortSnapshot } from '../common/snapshot.ts';
import { isoTimeReader } from '../common/warnings.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';

/**
 * Slack's own status API v2.0.0: `current` (required) lists active incidents, `history`
 * (optional) the past ones, both as the same incident objects [D: docs.slack.dev "Slack Status
 * API"]. Dates carry Pacific offsets (`-07:00`). Slack names no component list; the services
 * named by open incidents are the components.
 */
export const slackAdapter: FeedAdapter = { id: 'slack', platform: 'slack', parse: parseSlack };

/** `type` → impact [D values; the ranking is ours: Slack colours outage red, notice blue]. */
const IMPACTS: Readonly<Record<string, Impact>> = { outage: 'critical', incident: 'major', notice: 'minor' };
const SERVICE_LEVELS: Readonly<Record<Impact, StatusLevel>> = { critical: 'major_outage', major: 'partial_outage', minor: 'degraded', none: 'operational' };
const MAINTENANCE_STATUSES: Readonly<Record<string, MaintenanceStatus>> = { scheduled: 'scheduled', active: 'in_progress', completed: 'completed', resolved: 'completed' };

/** Discriminating check: `status` is the string `ok` or `active` (Statuspage's is an object). */
function isCurrent(root: Record<string, unknown> | undefined): root is Record<string, unknown> {
  return !!root && (root.status === 'ok' || root.status === 'active') && (Array.isArray(root.active_incidents) || typeof root.date_updated === 'string');
}

function parseSlack(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs.current, 'Slack current status');
  if (!read.ok) return read;
  const root = asRecord(read.value);
  if (!isCurrent(root)) {
    return { ok: false, error: { kind: 'wrong_format', message: 'Not the Slack status API (status is not "ok" or "active").' } };
  }
  const warnings: FeedWarning[] = [];
  const time = isoTimeReader(warnings);

  const raws: { item: Record<string, unknown>; path: string }[] = [];
  const add = (list: unknown[], prefix: string): void => list.forEach((raw, i) => {
    const item = asRecord(raw);
    if (item) raws.push({ item, path: `${prefix}[${i}]` });
    else warnings.push({ code: 'unreadable_item', message: 'A non-object incident was skipped.', path: `${prefix}[${i}]` });
  });
  add(asArray(root.active_incidents), 'active_incidents');
  if (docs.history) {
    const history = readJson(docs.history, 'Slack history');
    if (history.ok && Array.isArray(history.value)) add(history.value, 'history');
    else warnings.push({ code: 'optional_document', message: `History was not read: ${history.ok ? 'not an array' : history.error.message}`, path: 'history' });
  }

  const seen = new Set<string>();
  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  const services = new Map<string, Component>();
  for (const { item, path } of raws) {
    const title = asString(item.title);
    if (!title) {
      warnings.push({ code: 'unreadable_item', message: 'An incident without a title was skipped.', path });
      continue;
    }
    const id = asString(item.id) ?? slugify(title);
    // `current` comes first, so an incident in both documents keeps its live version.
    if (seen.has(id)) continue;
    seen.add(id);
    const type = asString(item.type) ?? 'incident';
    const statusWord = asString(item.status) ?? 'active';
    const created = time(item.date_created, `${path}.date_created`) ?? ctx.fetchedAt;
    const updated = time(item.date_updated, `${path}.date_updated`) ?? created;
    const names = asArray(item.services).map((s) => asString(s)).filter((s): s is string => s !== undefined);
    const notes = asArray(item.notes).flatMap((n, j) => {
      const note = asRecord(n);
      const at = time(note?.date_created, `${path}.notes[${j}].date_created`);
      return note && at ? [{ at, body: (asString(note.body) ?? '').replace(/\r\n/g, '\n').trim() }] : [];
    }).sort((a, b) => a.at.localeCompare(b.at));

    if (type === 'maintenance') {
      const status = MAINTENANCE_STATUSES[statusWord];
      if (!status) warnings.push({ code: 'unknown_status', message: `Unknown maintenance status ${JSON.stringify(statusWord)}.`, path: `${path}.status` });
      const s = status ?? 'scheduled';
      // Slack gives no maintenance window; the creation date stands in for the start (inferred).
      maintenances.push({ id, title, url: asString(item.url) ?? null, status: s, scheduledFor: created, scheduledUntil: s === 'completed' ? updated : null, components: names,
        updates: notes.map((n) => ({ id: null, status: s, label: 'Update', body: n.body, at: n.at })) });
      if (s === 'in_progress') for (const name of names) noteService(services, name, 'maintenance');
      continue;
    }
    const impact = IMPACTS[type];
    if (!impact) warnings.push({ code: 'unknown_status', message: `Unknown incident type ${JSON.stringify(type)}.`, path: `${path}.type` });
    if (statusWord !== 'active' && statusWord !== 'resolved') warnings.push({ code: 'unknown_status', message: `Unknown incident status ${JSON.stringify(statusWord)}.`, path: `${path}.status` });
    const resolved = statusWord === 'resolved';
    // Notes carry no status; the last note of a resolved incident is its resolution (inferred).
    const updates: IncidentUpdate[] = notes.map((n, j) => {
      const last = resolved && j === notes.length - 1;
      return { id: null, status: last ? 'resolved' : 'investigating', label: last ? 'Resolved' : 'Update', body: n.body, at: n.at };
    });
    const incident: Incident = {
      id, title, url: asString(item.url) ?? null, impact: impact ?? 'major', status: resolved ? 'resolved' : 'investigating',
      startedAt: created, resolvedAt: resolved ? (notes.at(-1)?.at ?? updated) : null, components: names, updates, postmortem: null,
    };
    incidents.push(incident);
    if (!resolved) for (const name of names) noteService(services, name, SERVICE_LEVELS[incident.impact]);
  }

  const components = [...services.values()].sort((a, b) => a.name.localeCompare(b.name));
  const level = deriveLevel(components, incidents, maintenances);
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'slack', format: 'slack', fetchedAt: ctx.fetchedAt },
      page: { name: 'Slack', url: 'https://slack-status.com/' },
      status: { level, description: STATUS_LABELS[level] },
      components,
      incidents,
      maintenances,
      warnings,
    }),
  };
}

function noteService(services: Map<string, Component>, name: string, level: StatusLevel): void {
  const id = slugify(name);
  const prev = services.get(id);
  if (!prev || rankOf(level) > rankOf(prev.status)) services.set(id, { id, name, group: null, status: level });
}
