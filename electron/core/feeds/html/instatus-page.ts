import type { Incident, Maintenance, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import { hostOf } from '../common/host.ts';
import { asArray, asRecord, asString } from '../common/json.ts';
import { deriveLevel, sortSnapshot } from '../common/snapshot.ts';
import { INSTATUS_PAGE_LEVELS } from '../instatus/levels.ts';
import { localized } from '../instatus/localized.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { embeddedRoots, findObjects, readEmbeddedPage } from './embedded.ts';
import { InstatusPageReader } from './instatus-items.ts';

/**
 * An Instatus status page read from the HTML a browser gets, for pages whose `/summary.json` is
 * missing or refused. Instatus renders with Next.js and embeds its page props: in `__NEXT_DATA__`
 * on older pages, in flight data (`self.__next_f.push`) since the app-router rewrite; both carry
 * one object with `site` (name, `status`, `mainStatus`, `components`), `activeIncidents`,
 * `activeMaintenances` (with their `updates`), `dailyGroupedNotices` (recent notices with their
 * updates) and `notices` (the uptime bars' incidents, without updates) [F: wherebystatus.com in
 * 2023 and 2026, ../shared/fixtures/instatus/html]. Undocumented: every field is optional.
 *
 * Listing kind: HISTORY (the default). Resolved notices stay on the page for its uptime window.
 */
export const instatusHtmlAdapter: FeedAdapter = { id: 'instatus-html', platform: 'instatus', parse: parseInstatusPage };

/** The page-props object: a `site` record beside `activeIncidents` (or `notices`). */
function isPageProps(o: Record<string, unknown>): boolean {
  return asRecord(o.site) !== undefined && (Array.isArray(o.activeIncidents) || asRecord(o.notices) !== undefined);
}

function parseInstatusPage(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readEmbeddedPage(docs.main, 'Instatus status');
  if (!read.ok) return read;
  const { page } = read;
  const props = findObjects(embeddedRoots(page), isPageProps)[0];
  const site = asRecord(props?.site);
  if (!props || !site) return { ok: false, error: { kind: 'wrong_format', message: 'No Instatus page data (`site` with `activeIncidents`) in this HTML page.' } };

  const pageUrl = siteUrl(site) ?? ctx.sourceUrl;
  const reader = new InstatusPageReader(ctx.fetchedAt, pageUrl, page.warnings);
  const siteComponents = asArray(site.components);
  const listed = siteComponents.length > 0 ? siteComponents : asArray(asRecord(props.components)?.components);
  const components = reader.components(listed, siteComponents.length > 0 ? 'site.components' : 'components.components');

  const incidents = new Map<string, Incident>();
  const maintenances = new Map<string, Maintenance>();
  const take = (raw: unknown, path: string): void => {
    const item = reader.item(raw, path);
    if (!item) return;
    const known = item.kind === 'incident' ? incidents.get(item.value.id) : maintenances.get(item.value.id);
    // The same notice appears in several lists; keep the reading with the longest timeline.
    if (known && known.updates.length >= item.value.updates.length) return;
    if (item.kind === 'incident') incidents.set(item.value.id, item.value);
    else maintenances.set(item.value.id, item.value);
  };
  asArray(props.activeIncidents).forEach((raw, i) => take(raw, `activeIncidents[${i}]`));
  asArray(props.activeMaintenances).forEach((raw, i) => take(raw, `activeMaintenances[${i}]`));
  asArray(props.dailyGroupedNotices).forEach((day, d) => {
    asArray(asRecord(day)?.notices).forEach((raw, i) => take(raw, `dailyGroupedNotices[${d}].notices[${i}]`));
  });
  for (const [id, raw] of Object.entries(asRecord(props.notices) ?? {})) take(raw, `notices.${id}`);

  const incidentList = [...incidents.values()];
  const maintenanceList = [...maintenances.values()];
  const derived = deriveLevel(components, incidentList, maintenanceList);
  const level = worstOf([derived, ...pageLevels(site, reader)]);
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'instatus', format: 'instatus-html', fetchedAt: ctx.fetchedAt },
      page: { name: localized(site.name) ?? page.scripts.title ?? hostOf(ctx.sourceUrl), url: pageUrl },
      status: { level, description: STATUS_LABELS[level] },
      components,
      incidents: incidentList,
      maintenances: maintenanceList,
      warnings: reader.warnings,
    }),
  };
}

/** The page's public address: its custom domain, else its instatus.com subdomain. */
function siteUrl(site: Record<string, unknown>): string | undefined {
  const domain = asString(site.customDomain);
  if (domain && /^[\w.-]+$/.test(domain)) return `https://${domain}`;
  const sub = asString(site.subdomain);
  return sub && /^[\w-]+$/.test(sub) ? `https://${sub}.instatus.com` : undefined;
}

/**
 * `site.status` is the documented trio (UP, HASISSUES, UNDERMAINTENANCE); `site.mainStatus` is a
 * finer word, compound on real pages (`SOMEDEGRADEDPERFORMANCE` on Whereby's, 2023): a quantifier
 * before a component status word. Both floor the level; components and incidents raise it.
 */
function pageLevels(site: Record<string, unknown>, reader: InstatusPageReader): StatusLevel[] {
  const out: StatusLevel[] = [];
  const status = reader.pageLevel(site.status, 'site.status');
  if (status) out.push(status);
  const main = asString(site.mainStatus);
  if (main !== undefined) {
    const word = main.toUpperCase();
    const known = INSTATUS_PAGE_LEVELS[word] ?? INSTATUS_PAGE_LEVELS[word.replace(/^(SOME|MANY|ALL|MOST|PARTIAL)(?=[A-Z])/, '')];
    if (known) out.push(known);
    else reader.warnings.push({ code: 'unknown_status', message: `Unknown page status ${JSON.stringify(main)}.`, path: 'site.mainStatus' });
  }
  return out;
}
