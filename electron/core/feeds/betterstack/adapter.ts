import type { Component, FeedWarning, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { slugify, sortSnapshot } from '../common/snapshot.ts';
import { enumReader } from '../common/warnings.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { readReports, type Included } from './reports.ts';

/**
 * Better Stack (formerly Better Uptime) status pages: `<page>/index.json`, a JSON:API document
 * whose `included[]` holds sections, resources (components), status reports (incidents and
 * maintenances) and their status updates [D: betterstack.com/docs "JSON API status" and the
 * status-report API reference; no raw capture exists]. Reports and updates: reports.ts.
 *
 * The page's level is the platform's own `data.attributes.aggregate_state` (operational,
 * degraded, downtime, maintenance [D]); only when it is missing or unknown is it derived from
 * the resources, worst first.
 *
 * Listing kind: HISTORY (the default): resolved reports stay in the document [D: "historical
 * uptime data, and incident information"], so a report that leaves it is not taken as resolved.
 */
export const betterstackAdapter: FeedAdapter = { id: 'betterstack', platform: 'betterstack', parse: parseBetterstack };

/**
 * Resource/page states [D]. `not_monitored` marks a resource whose state is set by hand
 * through reports [C]; with no report open it shows green, so it reads as operational.
 * The report docs capitalise these (`Downtime`), hence the lower-casing before lookup.
 */
const LEVELS: Readonly<Record<string, StatusLevel>> = {
  operational: 'operational', not_monitored: 'operational', resolved: 'operational',
  maintenance: 'maintenance', degraded: 'degraded', downtime: 'major_outage',
};

function parseBetterstack(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs.main, 'Better Stack index.json');
  if (!read.ok) return read;
  const root = asRecord(read.value);
  const data = asRecord(root?.data);
  const attrs = asRecord(data?.attributes);
  // Discriminating check: a JSON:API primary resource of type `status_page`.
  if (!root || !data || data.type !== 'status_page' || !attrs) {
    return { ok: false, error: { kind: 'wrong_format', message: 'Not a Better Stack index.json (no data.type "status_page").' } };
  }
  const warnings: FeedWarning[] = [];
  const state = enumReader(warnings, 'state', (word) => word.toLowerCase());
  const level = (value: unknown, path: string): StatusLevel | undefined => state(LEVELS, value, path);

  const included: Included[] = [];
  for (const [i, x] of asArray(root.included).entries()) {
    const item = asRecord(x);
    if (item) included.push({ item, path: `included[${i}]` });
  }
  const sections = new Map<string, string>();
  for (const { item } of included) {
    if (item.type !== 'status_page_section') continue;
    const id = asString(item.id);
    const name = asString(asRecord(item.attributes)?.name);
    if (id && name) sections.set(id, name);
  }
  const components: Component[] = [];
  for (const { item, path } of included) {
    if (item.type !== 'status_page_resource') continue;
    const a = asRecord(item.attributes) ?? {};
    const name = asString(a.public_name) ?? asString(a.name);
    if (!name) {
      warnings.push({ code: 'unreadable_item', message: 'A resource without a public name was skipped.', path });
      continue;
    }
    const sectionId = asString(a.status_page_section_id);
    components.push({
      id: asString(item.id) ?? slugify(name), name, group: sectionId ? (sections.get(sectionId) ?? null) : null,
      status: level(a.status, `${path}.attributes.status`) ?? 'unknown',
    });
  }
  const { incidents, maintenances } = readReports(included, new Map(components.map((c) => [c.id, c.name])), ctx.fetchedAt, warnings);

  const pageLevel = level(attrs.aggregate_state, 'data.attributes.aggregate_state');
  const overall = pageLevel ?? (components.length > 0 ? worstOf(components.map((c) => c.status)) : 'unknown');
  const domain = asString(attrs.custom_domain);
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'betterstack', format: 'betterstack', fetchedAt: ctx.fetchedAt },
      page: { name: asString(attrs.company_name) ?? ctx.sourceUrl, url: domain ? `https://${domain}` : ctx.sourceUrl },
      status: { level: overall, description: STATUS_LABELS[overall] },
      components,
      incidents,
      maintenances,
      warnings,
    }),
  };
}
