import type { Component, FeedWarning, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import { hostOf } from '../common/host.ts';
import { asRecord, asString, readJson } from '../common/json.ts';
import { deriveLevel, sortSnapshot } from '../common/snapshot.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { readActiveIncidents, readActiveMaintenances } from './active-items.ts';
import { readInstatusComponents } from './components.ts';
import { INSTATUS_PAGE_LEVELS } from './levels.ts';
import { localized } from './localized.ts';
import { InstatusReader } from './words.ts';

/**
 * Instatus pages (`*.instatus.com` or a custom domain) read from their public summary, enriched by
 * the optional components document. The summary is served at `/summary.json`
 * [D: instatus.com/help/api/public-data], and by current pages also at `/v3/summary.json` and
 * `/api/v2/summary.json` [C: public monitors]; components at `/v2/components.json`,
 * `/v3/components.json` and `/api/v2/components.json` [C]. All share one shape, so the adapter
 * reads whichever the endpoint table fetched, in the `summary` and `components` roles.
 *
 * What it lists: `active`. The summary holds only what is open now (`activeIncidents`,
 * `activeMaintenances`), with no timeline: each item gets one update holding its current status.
 * Shape per the vendor's docs and two public clients; no raw capture exists (hand-written
 * fixtures in test/fixtures/instatus, marked so).
 */
export const instatusJsonAdapter: FeedAdapter = {
  id: 'instatus-json',
  platform: 'instatus',
  parse: parseInstatus,
};

/**
 * The discriminating check: an Instatus summary has `page.status` as one UPPERCASE word, or the
 * `activeIncidents`/`activeMaintenances` arrays. A Statuspage summary has neither (its status
 * is a `{indicator}` object beside `page`), so detection can tell them apart.
 */
function isInstatusSummary(root: Record<string, unknown>): boolean {
  const page = asRecord(root.page);
  const pageStatus = page?.status;
  if (typeof pageStatus === 'string' && /^[A-Z]+$/.test(pageStatus)) return true;
  return Array.isArray(root.activeIncidents) || Array.isArray(root.activeMaintenances);
}

function parseInstatus(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs.summary, 'Instatus summary');
  if (!read.ok) return read;
  const root = asRecord(read.value);
  if (!root || !isInstatusSummary(root)) {
    return { ok: false, error: { kind: 'wrong_format', message: 'Not an Instatus summary.json (no upper-case page.status nor activeIncidents).' } };
  }
  const warnings: FeedWarning[] = [];
  const reader = new InstatusReader(warnings);
  const page = asRecord(root.page) ?? {};
  const pageName = localized(page.name) ?? hostOf(ctx.sourceUrl);
  const incidents = readActiveIncidents(root, reader, ctx.fetchedAt, warnings);
  const maintenances = readActiveMaintenances(root, reader, ctx.fetchedAt, warnings);
  const components: Component[] = readInstatusComponents(docs.components, warnings);
  const derived = deriveLevel(components, incidents, maintenances);
  const pageLevel: StatusLevel | undefined = reader.word(INSTATUS_PAGE_LEVELS, page.status, 'page status', `Page "${pageName}"`, 'page.status');
  // An unknown page word is reported as unknown, not guessed, unless what we do know is worse.
  const level = page.status === undefined ? derived : worstOf([pageLevel ?? 'unknown', derived]);
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'instatus', format: 'instatus-json', fetchedAt: ctx.fetchedAt, listing: 'active' },
      page: { name: pageName, url: asString(page.url) ?? ctx.sourceUrl },
      status: { level, description: STATUS_LABELS[level] },
      components,
      incidents,
      maintenances,
      warnings,
    }),
  };
}
