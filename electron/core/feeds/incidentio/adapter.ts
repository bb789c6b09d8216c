import { asRecord, readJson } from '../common/json.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { incidentioSnapshot } from './snapshot.ts';

/**
 * incident.io's documented widget API (`/api/v1/summary`). The page owner must enable it; it
 * lists only ongoing incidents and maintenances, with the components they touch, so the
 * component list is exactly those (the page's full list is not in this document) [D].
 * Listing kind: ACTIVE — a resolved incident leaves the document, so leaving it means it is over.
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
 * Listing kind: ACTIVE (`ongoing_incidents` only), as for the widget.
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

/** The page's `summary` object: it holds `structure` or `ongoing_incidents` (proxy JSON and page data alike). */
export function isPageSummary(value: unknown): value is Record<string, unknown> {
  const summary = asRecord(value);
  return !!summary && (asRecord(summary.structure) !== undefined || Array.isArray(summary.ongoing_incidents));
}

function parseIncidentio(docs: FeedDocuments, ctx: ParseContext, surface: 'widget' | 'proxy'): ParseResult {
  const read = readJson(docs.main, `incident.io ${surface}`);
  if (!read.ok) return read;
  const root = asRecord(read.value);
  const body = root && (surface === 'widget' ? (isWidget(root) ? root : undefined) : isPageSummary(root.summary) ? asRecord(root.summary) : undefined);
  if (!body) {
    const expected = surface === 'widget' ? 'ongoing_incidents' : 'summary.structure';
    return { ok: false, error: { kind: 'wrong_format', message: `Not an incident.io ${surface} document (no ${expected}).` } };
  }
  // Both list only what is ongoing: an incident that leaves them is over (listing kind: ACTIVE).
  const snapshot = incidentioSnapshot({ body, surface: surface === 'widget' ? 'widget' : 'page', format: `incidentio-${surface}`, listing: 'active' }, ctx);
  return { ok: true, snapshot };
}
