import type { FeedError, FeedWarning } from '../../../../shared/model/index.ts';
import { asArray, asRecord, readJson } from '../common/json.ts';
import type { FeedAdapter, FeedDocument, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { buildCachetSnapshot } from './build.ts';
import type { CachetItem } from './build.ts';
import { CachetClock } from './clock.ts';
import { flattenV3, indexIncluded } from './v3.ts';

/**
 * Cachet 2.x (`/api/v1/*`), the version most self-hosted pages still run: `{meta, data:[...]}`
 * with integer ids and enums. Components are required; groups, incidents and schedules enrich.
 * Times are zone-less wall clock, read in `ctx.timeZone` (UTC by default: see CachetClock).
 */
export const cachetV2Adapter: FeedAdapter = {
  id: 'cachet-v2',
  platform: 'cachet',
  parse: (docs, ctx) => parseCachet(docs, ctx, 'v2'),
};

/**
 * Cachet 3.x (`/api/*`), JSON:API-ish: string ids, fields under `attributes`, enums as
 * `{human, value}`, related updates in `included[]` [D: cachethq/docs openapi.json; no capture].
 */
export const cachetV3Adapter: FeedAdapter = {
  id: 'cachet-v3',
  platform: 'cachet',
  parse: (docs, ctx) => parseCachet(docs, ctx, 'v3'),
};

type Version = 'v2' | 'v3';

/**
 * The discriminating check, on the required components document: `data` is an array whose
 * items are flat objects with a name and a numeric status (v2), or JSON:API resources with
 * `type` and `attributes` (v3). An empty list counts only with Cachet's pagination envelope.
 * Groups carry no status, so the status test applies to components only.
 */
function listOf(value: unknown, version: Version, component = true): unknown[] | undefined {
  const root = asRecord(value);
  if (!root || !Array.isArray(root.data)) return undefined;
  const items = root.data;
  const meta = asRecord(root.meta);
  if (items.length === 0) {
    const paged = version === 'v2' ? asRecord(meta?.pagination) !== undefined : meta?.current_page !== undefined || asRecord(root.links) !== undefined;
    return paged ? items : undefined;
  }
  const ok = items.slice(0, 5).every((raw) => {
    const item = asRecord(raw);
    if (!item) return false;
    if (version === 'v3') return typeof item.type === 'string' && asRecord(item.attributes) !== undefined;
    return item.attributes === undefined && typeof item.name === 'string' && item.id !== undefined && (!component || 'status' in item);
  });
  return ok ? items : undefined;
}

function parseCachet(docs: FeedDocuments, ctx: ParseContext, version: Version): ParseResult {
  const read = readJson(docs.components, `Cachet components`);
  if (!read.ok) return read;
  const componentList = listOf(read.value, version);
  if (!componentList) {
    const error: FeedError = { kind: 'wrong_format', message: `Not a Cachet ${version === 'v2' ? '2.x /api/v1/components' : '3.x /api/components'} document.` };
    return { ok: false, error };
  }
  const warnings: FeedWarning[] = [];
  const optional = (role: string): { items: CachetItem[]; included: unknown[] } => {
    const doc: FeedDocument | undefined = docs[role];
    if (!doc) return { items: [], included: [] };
    const r = readJson(doc, `Cachet ${role}`);
    const items = r.ok ? listOf(r.value, version, false) : undefined;
    if (!r.ok || !items) {
      warnings.push({ code: 'optional_document', message: `The ${role} document was not read: ${r.ok ? 'not a Cachet list' : r.error.message}`, path: role });
      return { items: [], included: [] };
    }
    return { items: items.map((x) => asRecord(x)).filter((x): x is CachetItem => x !== undefined), included: asArray(asRecord(r.value)?.included) };
  };
  const lift = (list: { items: CachetItem[]; included: unknown[] }): CachetItem[] => {
    if (version === 'v2') return list.items;
    const index = indexIncluded(list.included);
    return list.items.map((item) => flattenV3(item, index));
  };
  const components = lift({ items: componentList.map((x) => asRecord(x)).filter((x): x is CachetItem => x !== undefined), included: [] });
  return {
    ok: true,
    snapshot: buildCachetSnapshot({
      format: version === 'v2' ? 'cachet-v2' : 'cachet-v3',
      components,
      groups: lift(optional('groups')),
      incidents: lift(optional('incidents')),
      schedules: lift(optional('schedules')),
      clock: new CachetClock(ctx.timeZone, warnings),
      warnings,
    }, ctx),
  };
}
