import type { Incident, Maintenance, Snapshot } from '../../../../shared/model/index.ts';
import { STATUS_LABELS } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString } from '../common/json.ts';
import { deriveLevel, sortSnapshot } from '../common/snapshot.ts';
import type { ParseContext } from '../types.ts';
import { learnComponentNames, structureComponents } from './components.ts';
import { IncidentioReader } from './shared.ts';

export interface IncidentioBody {
  /** The widget document, or the page's `summary` object (proxy JSON or page data). */
  body: Record<string, unknown>;
  /** `widget`: components are those incidents touch; `page`: the full `structure`. */
  surface: 'widget' | 'page';
  format: string;
  /** Past incidents the page lists beside the summary (page data only), with full timelines. */
  history?: readonly unknown[];
  /** Public incident links by incident id (`incident_links[]` of the page data). */
  links?: ReadonlyMap<string, string>;
  /** `active` when the document lists only what is ongoing (widget, proxy): see Snapshot.source.listing. */
  listing?: 'active';
  /** Warnings the caller met before the body (unreadable page data). */
  warnings?: Snapshot['warnings'];
}

/** One incident.io document, whichever surface it came from, → a snapshot. */
export function incidentioSnapshot(input: IncidentioBody, ctx: ParseContext): Snapshot {
  const { body } = input;
  const reader = new IncidentioReader(ctx.fetchedAt);
  if (input.warnings) reader.warnings.push(...input.warnings);
  learnComponentNames(body, reader);
  const incidents: Incident[] = [];
  const seen = new Set<string>();
  const addIncident = (incident: Incident | undefined): void => {
    if (!incident || seen.has(incident.id)) return;
    seen.add(incident.id);
    incidents.push({ ...incident, url: incident.url ?? input.links?.get(incident.id) ?? null });
  };
  const maintenances: Maintenance[] = [];
  asArray(body.ongoing_incidents).forEach((raw, i) => addIncident(reader.incident(raw, `ongoing_incidents[${i}]`)));
  asArray(body.in_progress_maintenances).forEach((raw, i) => {
    const m = reader.maintenance(raw, `in_progress_maintenances[${i}]`, 'in_progress');
    if (m) maintenances.push(m);
  });
  asArray(body.scheduled_maintenances).forEach((raw, i) => {
    const m = reader.maintenance(raw, `scheduled_maintenances[${i}]`, 'scheduled');
    if (m) maintenances.push(m);
  });
  (input.history ?? []).forEach((raw, i) => {
    const item = asRecord(raw);
    const path = `incidents[${i}]`;
    if (item?.type === 'maintenance' || String(item?.status ?? '').startsWith('maintenance_')) {
      const id = asString(item?.id);
      if (id && maintenances.some((m) => m.id === id)) return;
      const m = reader.maintenance(raw, path, 'completed');
      if (m) maintenances.push(m);
      return;
    }
    // The ongoing ones are also in this list, already read from the summary.
    if (asString(item?.id) !== undefined && seen.has(asString(item?.id) ?? '')) return;
    addIncident(reader.incident(raw, path, asString(item?.status) === 'resolved'));
  });

  const components = input.surface === 'page' ? structureComponents(body, reader) : [...reader.affected.values()];
  const level = deriveLevel(components, incidents, maintenances);
  const pageUrl = asString(body.page_url) ?? asString(body.public_url) ?? ctx.sourceUrl;
  return sortSnapshot({
    source: { url: ctx.sourceUrl, platform: 'incidentio', format: input.format, fetchedAt: ctx.fetchedAt, ...(input.listing ? { listing: input.listing } : {}) },
    page: { name: asString(body.page_title) ?? asString(body.name) ?? pageUrl, url: pageUrl },
    status: { level, description: STATUS_LABELS[level] },
    components,
    incidents,
    maintenances,
    warnings: reader.warnings,
  });
}
