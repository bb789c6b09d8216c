import type { Component, FeedWarning, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { slugify, sortSnapshot } from '../common/snapshot.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';

/**
 * Stripe's bespoke status site (`status.stripe.com`). Stripe documents no status API; two JSON
 * shapes are known from public clients and both are read:
 * - `/current` — `{largestatus, message, time, statuses:{api, dashboard, stripejs, checkoutjs,
 *   webhooks, emails}}` with values `up | degraded | down` [C: stripe/stripe-cli pkg/status,
 *   Stripe's own CLI, so the most trustworthy source].
 * - `/current/full` — `{UptimeStatus, message, uptimeData:[{key, title, warning}]}`, where a
 *   non-null `warning` marks a degraded service [C: one third-party monitor; inferred].
 * Neither lists incidents, so a Stripe snapshot has components and a level but no timeline;
 * component.status_changed events carry the news.
 */
export const stripeAdapter: FeedAdapter = { id: 'stripe', platform: 'stripe', parse: parseStripe };

const LEVELS: Readonly<Record<string, StatusLevel>> = { up: 'operational', degraded: 'degraded', down: 'major_outage' };
/** Display names for `/current`'s `statuses` keys, as status.stripe.com labels them. */
const SERVICE_NAMES: Readonly<Record<string, string>> = {
  api: 'API', dashboard: 'Dashboard', stripejs: 'Stripe.js', checkoutjs: 'Checkout.js', webhooks: 'Webhooks', emails: 'Emails',
};

function parseStripe(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs.main, 'Stripe status');
  if (!read.ok) return read;
  const root = asRecord(read.value);
  // Discriminating check: Stripe's own top-level key, `UptimeStatus` or `largestatus`.
  const overallWord = root?.UptimeStatus ?? root?.largestatus;
  if (!root || typeof overallWord !== 'string') {
    return { ok: false, error: { kind: 'wrong_format', message: 'Not the Stripe status document (no UptimeStatus or largestatus).' } };
  }
  const warnings: FeedWarning[] = [];
  const level = (value: unknown, path: string): StatusLevel => {
    const found = typeof value === 'string' ? LEVELS[value.toLowerCase()] : undefined;
    if (!found) warnings.push({ code: 'unknown_status', message: `Unknown status ${JSON.stringify(value)}.`, path });
    return found ?? 'unknown';
  };
  const components: Component[] = [];
  asArray(root.uptimeData).forEach((raw, i) => {
    const item = asRecord(raw);
    const name = asString(item?.title) ?? asString(item?.key);
    if (!item || !name) {
      warnings.push({ code: 'unreadable_item', message: 'A service without a title was skipped.', path: `uptimeData[${i}]` });
      return;
    }
    const explicit = item.status ?? item.UptimeStatus;
    const status: StatusLevel = explicit !== undefined ? level(explicit, `uptimeData[${i}].status`) : item.warning === null || item.warning === undefined ? 'operational' : 'degraded';
    components.push({ id: asString(item.key) ?? slugify(name), name, group: null, status });
  });
  const statuses = asRecord(root.statuses);
  if (statuses) {
    for (const [key, value] of Object.entries(statuses)) {
      if (components.some((c) => c.id === key)) continue;
      components.push({ id: key, name: SERVICE_NAMES[key] ?? key, group: null, status: level(value, `statuses.${key}`) });
    }
  }
  const overall = worstOf([level(overallWord, root.UptimeStatus !== undefined ? 'UptimeStatus' : 'largestatus'), ...components.map((c) => c.status)]);
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'stripe', format: 'stripe', fetchedAt: ctx.fetchedAt },
      page: { name: 'Stripe', url: 'https://status.stripe.com/' },
      status: { level: overall, description: asString(root.message)?.trim() ?? STATUS_LABELS[overall] },
      components,
      incidents: [],
      maintenances: [],
      warnings,
    }),
  };
}
