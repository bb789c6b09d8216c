import type { Component, FeedWarning, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import { hostOf } from '../common/host.ts';
import { asNumber, asRecord, asString, readJson } from '../common/json.ts';
import { slugify, sortSnapshot } from '../common/snapshot.ts';
import { warn } from '../common/warnings.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';

/**
 * Checkly status pages, read from the public endpoint Checkly's own page uses,
 * `api.checklyhq.com/v1/status-page/<page id>/statuses?page=1&limit=<n>`; the page id comes from
 * `/v1/status-page/<custom domain or slug>/metadata?type=customDomain|customUrl` (see detection).
 *
 * The public endpoint is not in Checkly's API reference: its shape is inferred from public client
 * code that reads it [C: several open-source monitors, 2023–2026]: `{results: [{id, name,
 * activated, status: {hasErrors, hasFailures, isDegraded}}], summary?: {totalFailing,
 * totalDegraded}}`. Each result is one check shown on the page, so each becomes a component: a
 * failing check (errors or failures) is down, a degraded one degraded [inferred: the page's red
 * and amber]. Deactivated checks are not shown on the page and are left out.
 * Checkly documents incidents (severity MINOR | MEDIUM | MAJOR | CRITICAL, updates with
 * `publicIncidentUpdateDate`) only in its authenticated API [D], so no incident is read here; a
 * failing check is what this page says. Fixtures are hand-written (test/fixtures/checkly).
 *
 * Listing kind: HISTORY (the default) (no incidents are listed; checks are components).
 */
export const checklyAdapter: FeedAdapter = { id: 'checkly', platform: 'checkly', parse: parseCheckly };

function parseCheckly(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs.main, 'Checkly statuses');
  if (!read.ok) return read;
  const root = asRecord(read.value);
  const results = root?.results;
  // Discriminating check: `results[]` whose entries carry the `status` flags object.
  if (!root || !Array.isArray(results) || !results.every((r) => asRecord(asRecord(r)?.status) !== undefined)) {
    return { ok: false, error: { kind: 'wrong_format', message: 'Not a Checkly statuses document (no results[] with status flags).' } };
  }
  const warnings: FeedWarning[] = [];
  const components: Component[] = [];
  results.forEach((raw, i) => {
    const r = asRecord(raw) ?? {};
    const name = asString(r.name);
    if (!name) {
      warn(warnings, 'unreadable_item', 'A check without a name was skipped.', `results[${i}]`);
      return;
    }
    if (r.activated === false) return;
    components.push({ id: asString(r.id) ?? slugify(name), name, group: null, status: levelOf(asRecord(r.status) ?? {}, `results[${i}].status`, warnings) });
  });
  const total = asNumber(root.length) ?? asNumber(root.total);
  if (total !== undefined && total > results.length) {
    warn(warnings, 'partial_list', `The page has ${total} checks; the first ${results.length} were read.`, 'results');
  }
  const summary = asRecord(root.summary);
  const failing = asNumber(summary?.totalFailing) ?? 0;
  const degraded = asNumber(summary?.totalDegraded) ?? 0;
  const floor: StatusLevel = failing > 0 ? 'partial_outage' : degraded > 0 ? 'degraded' : 'operational';
  const level = worstOf([floor, ...components.map((c) => c.status)]);
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'checkly', format: 'checkly', fetchedAt: ctx.fetchedAt },
      page: { name: hostOf(ctx.sourceUrl), url: ctx.sourceUrl },
      status: { level, description: STATUS_LABELS[level] },
      components,
      incidents: [],
      maintenances: [],
      warnings,
    }),
  };
}

/** The flags → a level; flags that are not booleans are drift, warned about and read as unknown. */
function levelOf(status: Record<string, unknown>, path: string, warnings: FeedWarning[]): StatusLevel {
  const flags = ['hasErrors', 'hasFailures', 'isDegraded'] as const;
  if (flags.some((f) => status[f] !== undefined && typeof status[f] !== 'boolean')) {
    warn(warnings, 'unknown_status', `Unreadable check status ${JSON.stringify(status)}.`, path);
    return 'unknown';
  }
  if (status.hasErrors === true || status.hasFailures === true) return 'major_outage';
  if (status.isDegraded === true) return 'degraded';
  return 'operational';
}
