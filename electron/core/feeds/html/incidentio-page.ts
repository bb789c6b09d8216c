import { asArray, asRecord, asString } from '../common/json.ts';
import { warn } from '../common/warnings.ts';
import { isPageSummary } from '../incidentio/adapter.ts';
import { incidentioSnapshot } from '../incidentio/snapshot.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { embeddedRoots, findObjects, readEmbeddedPage } from './embedded.ts';

/**
 * An incident.io status page read from the HTML a browser gets, for pages whose widget API is
 * disabled and whose page proxy is refused. The page is a Next.js app: its flight data
 * (`self.__next_f.push`) holds the same `summary` object the proxy serves, a list of recent
 * `incidents` with every update, and `incident_links` with each incident's public link [F:
 * status.aiven.io and linearstatus.com, 2026-03, ../shared/fixtures/incidentio/html]. Nothing
 * here is documented, so every field is optional and a page without a summary is `wrong_format`.
 *
 * Listing kind: HISTORY (the default). Recent resolved incidents stay listed beside the summary.
 */
export const incidentioHtmlAdapter: FeedAdapter = { id: 'incidentio-html', platform: 'incidentio', parse: parseIncidentioPage };

function parseIncidentioPage(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readEmbeddedPage(docs.main, 'incident.io status');
  if (!read.ok) return read;
  const { page } = read;
  const roots = embeddedRoots(page);
  const holders = findObjects(roots, (o) => isPageSummary(o.summary) || (Array.isArray(o.incidents) && 'dataAvailableSinceRaw' in o) || Array.isArray(o.incident_links));
  const summary = holders.map((h) => h.summary).find(isPageSummary);
  if (!summary) {
    return { ok: false, error: { kind: 'wrong_format', message: 'No incident.io page data (a Next.js `summary` with `structure`) in this HTML page.' } };
  }
  const history = holders.flatMap((h) => (Array.isArray(h.incidents) ? h.incidents : []));
  const links = new Map<string, string>();
  for (const h of holders) {
    for (const raw of asArray(h.incident_links)) {
      const link = asRecord(raw);
      const id = asString(link?.id);
      const url = asString(link?.permalink);
      if (id && url) links.set(id, url);
    }
  }
  if (!holders.some((h) => Array.isArray(h.incidents))) {
    warn(page.warnings, 'partial_page_data', 'The page lists no recent incidents beside its summary; only ongoing incidents were read.', 'incidents');
  }
  const snapshot = incidentioSnapshot({ body: summary, surface: 'page', format: 'incidentio-html', history, links, warnings: page.warnings }, ctx);
  return { ok: true, snapshot };
}
