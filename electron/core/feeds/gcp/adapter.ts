import type { Component, FeedWarning, Impact, Incident, IncidentUpdate, StatusLevel } from '../../../../shared/model/index.ts';
import { isIncidentClosed, rankOf, STATUS_LABELS } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { deriveLevel, slugify, sortSnapshot } from '../common/snapshot.ts';
import { isoTimeReader } from '../common/warnings.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { cleanGcpText, isIncidentReport } from './text.ts';

/**
 * Google Cloud's `status.cloud.google.com/incidents.json`: every incident, open and closed,
 * newest first, each with its updates newest first [F]. GCP publishes no component list, so
 * the only components are the products open incidents affect, and a page with nothing open is
 * operational. The file is multi-megabyte: the poller's conditional GET keeps that cheap.
 */
export const gcpAdapter: FeedAdapter = { id: 'gcp', platform: 'gcp', parse: parseGcp };

const IMPACTS: Readonly<Record<string, Impact>> = { SERVICE_INFORMATION: 'minor', SERVICE_DISRUPTION: 'major', SERVICE_OUTAGE: 'critical' };
/** `severity` backs up a missing `status_impact` [F: low|medium|high]. */
const SEVERITIES: Readonly<Record<string, Impact>> = { low: 'minor', medium: 'major', high: 'critical' };
const UPDATE_LABELS: Readonly<Record<string, string>> = {
  SERVICE_INFORMATION: 'Service information', SERVICE_DISRUPTION: 'Service disruption', SERVICE_OUTAGE: 'Service outage', AVAILABLE: 'Available',
};
const PRODUCT_LEVELS: Readonly<Record<Impact, StatusLevel>> = { minor: 'degraded', major: 'partial_outage', critical: 'major_outage', none: 'operational' };

/** Discriminating check: a non-empty array whose first item has GCP's `begin` and `updates`/`most_recent_update`. */
function isGcp(value: unknown): value is unknown[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const first = asRecord(value[0]);
  return !!first && typeof first.begin === 'string' && (Array.isArray(first.updates) || asRecord(first.most_recent_update) !== undefined);
}

function parseGcp(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs.main, 'Google Cloud incidents.json');
  if (!read.ok) return read;
  if (!isGcp(read.value)) {
    return { ok: false, error: { kind: 'wrong_format', message: 'Not Google Cloud incidents.json (expected an array of incidents with "begin").' } };
  }
  const warnings: FeedWarning[] = [];
  const time = isoTimeReader(warnings);
  const base = docs.main?.url ?? ctx.sourceUrl;
  const incidents: Incident[] = [];
  const products = new Map<string, Component>();

  read.value.forEach((raw, i) => {
    const path = `[${i}]`;
    const item = asRecord(raw);
    const title = asString(item?.external_desc)?.trim() ?? asString(item?.service_name);
    if (!item || !title) {
      warnings.push({ code: 'unreadable_item', message: 'An incident without a description was skipped.', path });
      return;
    }
    const impactWord = asString(item.status_impact);
    const impact = (impactWord ? IMPACTS[impactWord] : undefined) ?? SEVERITIES[asString(item.severity) ?? ''];
    if (!impact && (impactWord !== undefined || item.severity !== undefined)) {
      warnings.push({ code: 'unknown_status', message: `Unknown impact ${JSON.stringify(impactWord ?? item.severity)}.`, path: `${path}.status_impact` });
    }
    const begin = time(item.begin, `${path}.begin`);
    const end = time(item.end, `${path}.end`);
    let postmortem: string | null = null;
    const updates: IncidentUpdate[] = [];
    asArray(item.updates).forEach((u, j) => {
      const update = asRecord(u);
      const at = time(update?.when ?? update?.created, `${path}.updates[${j}].when`);
      if (!update || !at) return;
      const word = asString(update.status) ?? '';
      const body = cleanGcpText(asString(update.text) ?? '');
      const report = isIncidentReport(body);
      if (report && postmortem === null) postmortem = body; // newest first: the latest report wins
      if (word && !UPDATE_LABELS[word]) warnings.push({ code: 'unknown_status', message: `Unknown update status ${JSON.stringify(word)}.`, path: `${path}.updates[${j}].status` });
      updates.push({ id: null, status: report ? 'postmortem' : word === 'AVAILABLE' ? 'resolved' : 'investigating', label: report ? 'Incident Report' : (UPDATE_LABELS[word] ?? 'Update'), body, at });
    });
    const status = end ? (postmortem !== null ? 'postmortem' : 'resolved') : 'investigating';
    const components = asArray(item.affected_products).flatMap((p) => {
      const product = asRecord(p);
      const name = asString(product?.title) ?? asString(product?.current_title);
      return name ? [{ id: asString(product?.id) ?? slugify(name), name }] : [];
    });
    const incident: Incident = {
      id: asString(item.id) ?? slugify(title),
      title,
      url: resolveUrl(asString(item.uri), base),
      impact: impact ?? 'minor',
      status,
      startedAt: begin ?? updates.at(-1)?.at ?? ctx.fetchedAt,
      resolvedAt: end ?? null,
      components: components.map((c) => c.name),
      updates,
      postmortem,
    };
    incidents.push(incident);
    if (!isIncidentClosed(status)) {
      for (const c of components) {
        const level = PRODUCT_LEVELS[incident.impact];
        const prev = products.get(c.id);
        if (!prev || rankOf(level) > rankOf(prev.status)) products.set(c.id, { id: c.id, name: c.name, group: null, status: level });
      }
    }
  });

  const components = [...products.values()].sort((a, b) => a.name.localeCompare(b.name));
  const level = deriveLevel(components, incidents, []);
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'gcp', format: 'gcp', fetchedAt: ctx.fetchedAt },
      page: { name: 'Google Cloud', url: resolveUrl('/', base) ?? 'https://status.cloud.google.com/' },
      status: { level, description: STATUS_LABELS[level] },
      components,
      incidents,
      maintenances: [],
      warnings,
    }),
  };
}

/** `uri` is relative (`incidents/<id>`); resolve it against the document's URL. */
function resolveUrl(uri: string | undefined, base: string): string | null {
  if (!uri) return null;
  try {
    return new URL(uri, base).toString();
  } catch {
    return null;
  }
}
