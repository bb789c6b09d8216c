import type { Component, FeedError, FeedWarning, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import { decodeBody } from '../common/decode.ts';
import { hostOf } from '../common/host.ts';
import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { deriveLevel, slugify, sortSnapshot } from '../common/snapshot.ts';
import { warn } from '../common/warnings.ts';
import { parseEmbeddedJson } from '../html/embedded.ts';
import { readPageScripts } from '../html/page-scripts.ts';
import type { FeedAdapter, FeedDocument, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { readPosts, readV1Incidents } from './posts.ts';

/**
 * PagerDuty-hosted status pages (`*.trust.pagerduty.com` or a custom domain, e.g.
 * status.pagerduty.com). The page embeds its data as `<script id="data" type="application/json">`
 * and serves the same document at `/api/data`; posts (incidents and maintenances) come from
 * `/api/posts` and the names of their status, severity and impact ids from `/api/post_enums`.
 * These hosts answer every path with the page itself, so `main` is read whether it is the JSON or
 * the page that embeds it.
 *
 * Documented [D: PagerDuty REST API, Status Pages]: post types `incident | maintenance`, statuses
 * (investigating, identified, monitoring, resolved; scheduled, in_progress, completed), severities
 * (none, minor, major, critical), impacts per business service.
 * Inferred from public client code [C: stts, two open-source monitors]: the public documents'
 * shapes — `layout.layout_settings.{name, statusPage.{globalStatusHeadline,
 * globalStatusHeadlineHasError}, business_services[{id, name, displayName, status_page_service_id,
 * Head_ID, grouping_element}]}`, `posts[{id, title, post_type, starts_at, ends_at,
 * latest_update{reported_at, message, status_id, severity_id, impacts[{service_id,
 * severity_id}]}}]`, `post_enums[{id, name, post_type, post_enum_type}]` — and the older
 * `summary.open_incidents[{title, updates[{severity}]}]` page data. Fixtures are hand-written
 * (test/fixtures/pagerduty).
 *
 * Listing kind: HISTORY (the default). A post stays listed with its closing status (resolved, completed).
 */
export const pagerdutyAdapter: FeedAdapter = { id: 'pagerduty', platform: 'pagerduty', parse: parsePagerduty };

/** Impact names on services [C: `outage` seen; the others inferred from the severity ladder]. */
const IMPACT_LEVELS: Readonly<Record<string, StatusLevel>> = {
  outage: 'major_outage', major_outage: 'major_outage', major: 'major_outage', critical: 'major_outage',
  partial_outage: 'partial_outage', partial: 'partial_outage',
  degraded: 'degraded', degraded_performance: 'degraded', minor: 'degraded',
  maintenance: 'maintenance', under_maintenance: 'maintenance',
  operational: 'operational', none: 'operational',
};

/** `main` as JSON, or the page HTML's `<script id="data">`. */
function readData(doc: FeedDocument | undefined): { ok: true; value: unknown } | { ok: false; error: FeedError } {
  if (!doc) return readJson(doc, 'PagerDuty page data');
  const decoded = decodeBody(doc.body);
  if (!decoded.ok && decoded.error.kind === 'html_page') {
    const script = readPageScripts(new TextDecoder().decode(doc.body)).dataScript;
    const value = script === undefined ? undefined : parseEmbeddedJson(script);
    return value === undefined
      ? { ok: false, error: { kind: 'wrong_format', message: 'An HTML page without PagerDuty\'s `<script id="data">` page data.' } }
      : { ok: true, value };
  }
  return readJson(doc, 'PagerDuty page data');
}

function parsePagerduty(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readData(docs.main);
  if (!read.ok) return read;
  const root = asRecord(read.value);
  const settings = asRecord(asRecord(root?.layout)?.layout_settings);
  const v1 = asRecord(root?.summary);
  // Discriminating check: the layout settings' status page block, or the older open_incidents.
  if (!root || (!asRecord(settings?.statusPage) && !Array.isArray(v1?.open_incidents))) {
    return { ok: false, error: { kind: 'wrong_format', message: 'Not PagerDuty status page data (no layout_settings.statusPage nor summary.open_incidents).' } };
  }
  const warnings: FeedWarning[] = [];
  const services = asArray(settings?.business_services).map((raw) => asRecord(raw) ?? {});
  const groups = new Map(services.filter((s) => s.grouping_element === true).map((s) => [asString(s.id) ?? '', asString(s.displayName) ?? asString(s.name) ?? '']));
  const posts = readPosts(docs.posts, docs.enums, warnings, ctx.fetchedAt);
  const impacted = new Map<string, StatusLevel>();
  for (const { serviceId, impact, path } of posts.impacts) {
    const level = IMPACT_LEVELS[impact.toLowerCase()];
    if (!level) warn(warnings, 'unknown_status', `Unknown impact ${JSON.stringify(impact)}.`, path);
    impacted.set(serviceId, worstOf([impacted.get(serviceId) ?? 'operational', level ?? 'unknown']));
  }
  const components: Component[] = [];
  services.forEach((s, i) => {
    if (s.grouping_element === true) return;
    const name = asString(s.displayName) ?? asString(s.summary) ?? asString(s.name);
    if (!name) {
      warn(warnings, 'unreadable_item', 'A service without a name was skipped.', `business_services[${i}]`);
      return;
    }
    const serviceId = asString(s.status_page_service_id) ?? asString(s.id) ?? slugify(name);
    components.push({ id: serviceId, name, group: groups.get(asString(s.Head_ID) ?? '') || null, status: impacted.get(serviceId) ?? 'operational' });
  });
  const nameById = new Map(components.map((c) => [c.id, c.name]));
  for (const incident of posts.incidents) incident.components = incident.components.map((id) => nameById.get(id) ?? id);
  for (const m of posts.maintenances) m.components = m.components.map((id) => nameById.get(id) ?? id);
  const incidents = [...posts.incidents, ...readV1Incidents(v1, warnings, ctx.fetchedAt)];

  const status = asRecord(settings?.statusPage);
  const headline = asString(status?.globalStatusHeadline);
  const floor: StatusLevel = status?.globalStatusHeadlineHasError === true ? 'degraded' : 'operational';
  const level = worstOf([floor, deriveLevel(components, incidents, posts.maintenances)]);
  if (floor === 'degraded' && incidents.length === 0 && !docs.posts) {
    warn(warnings, 'partial_page_data', `The page reports "${headline ?? 'an issue'}" but its posts were not read.`, 'posts');
  }
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'pagerduty', format: 'pagerduty', fetchedAt: ctx.fetchedAt },
      page: { name: asString(settings?.name) ?? hostOf(ctx.sourceUrl), url: ctx.sourceUrl },
      status: { level, description: headline ?? STATUS_LABELS[level] },
      components,
      incidents,
      maintenances: posts.maintenances,
      warnings,
    }),
  };
}
