import type { Component, Incident, Maintenance, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { deriveLevel, slugify, sortSnapshot } from '../common/snapshot.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { IncidentioReader } from './shared.ts';

/**
 * incident.io's documented widget API (`/api/v1/summary`). The page owner must enable it; it
 * lists only ongoing incidents and maintenances, with the components they touch, so the
 * component list is exactly those (the page's full list is not in this document) [D].
 */
export const incidentioWidgetAdapter: FeedAdapter = {
  id: 'incidentio-widget',
  platform: 'incidentio',
  parse: (docs, ctx) => parseIncidentio(docs, ctx, 'widget'),
};

/**
 * The JSON the incident.io page itself loads (`/proxy/<host>`): the same incidents inside
 * `summary`, plus the page's full component list and its group `structure`. Undocumented, read
 * from public clients [C], so every field is optional and drift becomes warnings.
 */
export const incidentioProxyAdapter: FeedAdapter = {
  id: 'incidentio-proxy',
  platform: 'incidentio',
  parse: (docs, ctx) => parseIncidentio(docs, ctx, 'proxy'),
};

/** Widget: top-level `ongoing_incidents`/`in_progress_maintenances` (Statuspage has neither). */
function isWidget(root: Record<string, unknown>): boolean {
  return Array.isArray(root.ongoing_incidents) || Array.isArray(root.in_progress_maintenances);
}

/** Proxy: a `summary` object holding `structure` or `ongoing_incidents`. */
function isProxy(root: Record<string, unknown>): boolean {
  const summary = asRecord(root.summary);
  return !!summary && (asRecord(summary.structure) !== undefined || Array.isArray(summary.ongoing_incidents));
}

function parseIncidentio(docs: FeedDocuments, ctx: ParseContext, surface: 'widget' | 'proxy'): ParseResult {
  const read = readJson(docs.main, `incident.io ${surface}`);
  if (!read.ok) return read;
  const root = asRecord(read.value);
  const body = root && (surface === 'widget' ? (isWidget(root) ? root : undefined) : isProxy(root) ? asRecord(root.summary) : undefined);
  if (!body) {
    const expected = surface === 'widget' ? 'ongoing_incidents' : 'summary.structure';
    return { ok: false, error: { kind: 'wrong_format', message: `Not an incident.io ${surface} document (no ${expected}).` } };
  }
  const reader = new IncidentioReader(ctx.fetchedAt);
  const incidents: Incident[] = [];
  asArray(body.ongoing_incidents).forEach((raw, i) => {
    const incident = reader.incident(raw, `ongoing_incidents[${i}]`);
    if (incident) incidents.push(incident);
  });
  const maintenances: Maintenance[] = [];
  asArray(body.in_progress_maintenances).forEach((raw, i) => {
    const m = reader.maintenance(raw, `in_progress_maintenances[${i}]`, 'in_progress');
    if (m) maintenances.push(m);
  });
  asArray(body.scheduled_maintenances).forEach((raw, i) => {
    const m = reader.maintenance(raw, `scheduled_maintenances[${i}]`, 'scheduled');
    if (m) maintenances.push(m);
  });

  const components = surface === 'proxy' ? proxyComponents(body, reader) : [...reader.affected.values()];
  const level = deriveLevel(components, incidents, maintenances);
  const pageUrl = asString(body.page_url) ?? asString(body.public_url) ?? ctx.sourceUrl;
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'incidentio', format: `incidentio-${surface}`, fetchedAt: ctx.fetchedAt },
      page: { name: asString(body.page_title) ?? asString(body.name) ?? pageUrl, url: pageUrl },
      status: { level, description: STATUS_LABELS[level] },
      components,
      incidents,
      maintenances,
      warnings: reader.warnings,
    }),
  };
}

/**
 * The proxy's full component list, in page order: `structure.items[]` is either
 * `{group:{name, components:[{component_id, name, hidden}]}}` or `{component:{...}}`. Status
 * comes from `affected_components[{component_id, status}]` when the page lists them, else from
 * the incidents that touch the component, else operational (the page shows green) [C, inferred].
 */
function proxyComponents(summary: Record<string, unknown>, reader: IncidentioReader): Component[] {
  const names = new Map<string, string>();
  for (const raw of asArray(summary.components)) {
    const c = asRecord(raw);
    const id = asString(c?.id);
    const name = asString(c?.name);
    if (id && name) names.set(id, name);
  }
  const statusById = new Map<string, StatusLevel>();
  asArray(summary.affected_components).forEach((raw, i) => {
    const c = asRecord(raw);
    const id = asString(c?.component_id) ?? asString(c?.id);
    const level = reader.level(c?.status ?? c?.current_status, `affected_components[${i}].status`);
    if (id && level) statusById.set(id, level);
  });
  const out: Component[] = [];
  const seen = new Set<string>();
  const add = (raw: unknown, group: string | null, path: string): void => {
    const c = asRecord(raw);
    if (!c || c.hidden === true) return;
    const id = asString(c.component_id) ?? asString(c.id);
    const name = asString(c.name) ?? (id ? names.get(id) : undefined);
    if (!name) {
      reader.warnings.push({ code: 'unreadable_item', message: 'A component without a name was skipped.', path });
      return;
    }
    const key = id ?? slugify(name);
    if (seen.has(key)) return;
    seen.add(key);
    const status = statusById.get(key) ?? reader.affected.get(key)?.status ?? 'operational';
    out.push({ id: key, name, group, status });
  };
  const structure = asRecord(summary.structure);
  asArray(structure?.items).forEach((raw, i) => {
    const item = asRecord(raw);
    const group = asRecord(item?.group);
    if (group) {
      const groupName = asString(group.name) ?? null;
      if (group.hidden === true) return;
      asArray(group.components).forEach((c, j) => add(c, groupName, `structure.items[${i}].group.components[${j}]`));
    } else if (item?.component !== undefined) {
      add(item.component, null, `structure.items[${i}].component`);
    }
  });
  // Components named only in incidents (not in the structure) still count.
  for (const c of reader.affected.values()) if (!seen.has(c.id)) out.push(c);
  return out;
}
