import type { Component, FeedError, FeedWarning, Incident, Maintenance, Snapshot } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { deriveLevel, sortSnapshot } from '../common/snapshot.ts';
import { isoToUtc } from '../common/time.ts';
import { warn } from '../common/warnings.ts';
import { parseStatuspageComponents } from './components.ts';
import { INDICATOR_LEVELS } from './enums.ts';
import { isMaintenanceObject, parseStatuspageIncident, parseStatuspageMaintenance } from './incident.ts';

/** Roles in merge order; see electron/core/feeds/endpoints.ts. */
const ROLES = ['summary', 'incidents', 'maintenances'] as const;

/**
 * Atlassian Statuspage `/api/v2/*` JSON. summary.json alone lists only unresolved incidents, so
 * the history documents are merged in: an incident seen in several documents is kept once, the
 * copy with the later `updated_at` winning (the summary can be fresher than a cached history, or
 * the reverse). Any role accepts any Statuspage shape — `incidents[]`, a single `incident`, or
 * `scheduled_maintenances[]` — because vendors and tests hand us all three. A document that fails
 * becomes a warning while another one is readable; only when none is Statuspage JSON is the
 * answer a FeedError.
 */
export const statuspageJsonAdapter: FeedAdapter = {
  id: 'statuspage-json',
  platform: 'statuspage',
  parse: parseStatuspageJson,
};

interface Dated<T> { item: T; updatedAt: string }

function parseStatuspageJson(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const warnings: FeedWarning[] = [];
  const incidents = new Map<string, Dated<Incident>>();
  const maintenances = new Map<string, Dated<Maintenance>>();
  let components: Component[] | undefined;
  let page: { name: string; url: string } | undefined;
  let indicator: { level: Snapshot['status']['level']; description: string } | undefined;
  let firstError: FeedError | undefined;
  let readable = 0;

  for (const role of ROLES) {
    const doc = docs[role];
    if (!doc) continue;
    const read = readJson(doc, `Statuspage ${role}`);
    const root = read.ok ? asRecord(read.value) : undefined;
    if (!read.ok || !root || !isStatuspageDocument(root)) {
      const error: FeedError = read.ok ? { kind: 'wrong_format', message: `The ${role} document is JSON but not a Statuspage API response.` } : read.error;
      firstError ??= error;
      warn(warnings, `document_${error.kind}`, error.message, role);
      continue;
    }
    readable++;
    const pageRec = asRecord(root['page']);
    const pageUrl = asString(pageRec?.['url']);
    if (!page && pageRec) page = { name: asString(pageRec['name']) ?? 'Statuspage', url: pageUrl ?? ctx.sourceUrl };
    if (root['components'] !== undefined && components === undefined) components = parseStatuspageComponents(root['components'], `${role}.components`, warnings);
    const statusRec = asRecord(root['status']);
    const indicatorText = asString(statusRec?.['indicator']);
    if (indicatorText !== undefined && !indicator) {
      const level = INDICATOR_LEVELS[indicatorText];
      if (level === undefined) warn(warnings, 'unknown_status', `Unknown status indicator "${indicatorText}".`, `${role}.status.indicator`);
      else indicator = { level, description: asString(statusRec?.['description']) ?? STATUS_LABELS[level] };
    }
    const objects: [unknown, string][] = [
      ...asArray(root['incidents']).map((o, i): [unknown, string] => [o, `${role}.incidents[${i}]`]),
      ...asArray(root['scheduled_maintenances']).map((o, i): [unknown, string] => [o, `${role}.scheduled_maintenances[${i}]`]),
      ...(root['incident'] !== undefined ? [[root['incident'], `${role}.incident`] as [unknown, string]] : []),
    ];
    for (const [obj, path] of objects) {
      const rec = asRecord(obj);
      const updatedAt = isoToUtc(rec?.['updated_at']) ?? '';
      if (rec && isMaintenanceObject(rec)) keepLater(maintenances, parseStatuspageMaintenance(rec, path, warnings, pageUrl), updatedAt);
      else keepLater(incidents, parseStatuspageIncident(obj, path, warnings, pageUrl), updatedAt);
    }
  }
  if (readable === 0) {
    return { ok: false, error: firstError ?? { kind: 'empty_body', message: 'No Statuspage document was fetched.' } };
  }
  const snapshot: Snapshot = {
    source: { url: ctx.sourceUrl, platform: 'statuspage', format: 'statuspage-json', fetchedAt: ctx.fetchedAt },
    page: page ?? { name: 'Statuspage', url: ctx.sourceUrl },
    status: { level: 'operational', description: '' },
    components: components ?? [],
    incidents: [...incidents.values()].map((d) => d.item),
    maintenances: [...maintenances.values()].map((d) => d.item),
    warnings,
  };
  // The indicator is the vendor's own verdict; a worse component still shows (a tray that says
  // "degraded" while a component is in partial outage would understate it).
  const derived = deriveLevel(snapshot.components, snapshot.incidents, snapshot.maintenances);
  if (indicator) {
    const level = worstOf([indicator.level, ...snapshot.components.map((c) => c.status)]);
    snapshot.status = { level, description: indicator.description };
  } else snapshot.status = { level: derived, description: STATUS_LABELS[derived] };
  return { ok: true, snapshot: sortSnapshot(snapshot) };
}

/** A Statuspage API body has a `page` object or one of its collections. */
function isStatuspageDocument(root: Record<string, unknown>): boolean {
  if (asRecord(root['page']) && asString(asRecord(root['page'])?.['id']) !== undefined) return true;
  return Array.isArray(root['incidents']) || Array.isArray(root['scheduled_maintenances']) || asRecord(root['incident']) !== undefined;
}

function keepLater<T extends { id: string }>(map: Map<string, Dated<T>>, item: T | undefined, updatedAt: string): void {
  if (!item) return;
  const existing = map.get(item.id);
  if (!existing || updatedAt > existing.updatedAt) map.set(item.id, { item, updatedAt });
}
