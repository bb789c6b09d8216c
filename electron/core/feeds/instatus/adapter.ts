import type { Component, FeedWarning, Incident, Maintenance, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import { hostOf } from '../common/host.ts';
import { asArray, asNumber, asRecord, asString, readJson } from '../common/json.ts';
import { deriveLevel, slugify, sortSnapshot } from '../common/snapshot.ts';
import { enumReader, isoTimeReader } from '../common/warnings.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { readInstatusComponents } from './components.ts';
import {
  INSTATUS_IMPACTS, INSTATUS_INCIDENT_STATUSES, INSTATUS_LABELS, INSTATUS_MAINTENANCE_STATUSES, INSTATUS_PAGE_LEVELS,
} from './levels.ts';
import { localized } from './localized.ts';

/**
 * Instatus pages (`*.instatus.com` or a custom domain) read from the public `/summary.json`,
 * enriched by the optional `/v2/components.json`.
 *
 * The summary carries only what is open right now and no timeline, so each incident and
 * maintenance gets one synthetic update holding its current status at `updatedAt`: when the
 * vendor moves an incident on, that update changes and the diff notices. Shape per
 * feed-formats.md §2 (two public clients agree; no raw capture exists).
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
  const time = isoTimeReader(warnings);
  const enumValue = enumReader(warnings, 'value', (word) => word.toUpperCase());

  const page = asRecord(root.page) ?? {};
  const incidents: Incident[] = [];
  asArray(root.activeIncidents).forEach((raw, i) => {
    const path = `activeIncidents[${i}]`;
    const item = asRecord(raw);
    const title = localized(item?.name);
    if (!item || !title) {
      warnings.push({ code: 'unreadable_item', message: 'An incident without a name was skipped.', path });
      return;
    }
    const started = time(item.started, `${path}.started`);
    const updated = time(item.updatedAt, `${path}.updatedAt`);
    const at = updated ?? started ?? ctx.fetchedAt;
    const status = enumValue(INSTATUS_INCIDENT_STATUSES, item.status, `${path}.status`) ?? 'investigating';
    incidents.push({
      id: asString(item.id) ?? slugify(title),
      title,
      url: asString(item.url) ?? null,
      impact: enumValue(INSTATUS_IMPACTS, item.impact, `${path}.impact`) ?? 'minor',
      status,
      startedAt: started ?? at,
      resolvedAt: status === 'resolved' ? at : null,
      components: [],
      updates: [{ id: null, status, label: INSTATUS_LABELS[String(item.status).toUpperCase()] ?? 'Update', body: '', at }],
      postmortem: null,
    });
  });

  const maintenances: Maintenance[] = [];
  asArray(root.activeMaintenances).forEach((raw, i) => {
    const path = `activeMaintenances[${i}]`;
    const item = asRecord(raw);
    const title = localized(item?.name);
    if (!item || !title) {
      warnings.push({ code: 'unreadable_item', message: 'A maintenance without a name was skipped.', path });
      return;
    }
    const start = time(item.start, `${path}.start`);
    const updated = time(item.updatedAt, `${path}.updatedAt`);
    const status = enumValue(INSTATUS_MAINTENANCE_STATUSES, item.status, `${path}.status`) ?? 'scheduled';
    // `duration` is minutes, sent as a string by some pages and a number by others.
    const rawMinutes = item.duration === undefined || item.duration === null ? undefined : asNumber(item.duration);
    // A window longer than a year is a typo or garbage, and would overflow Date.
    const minutes = rawMinutes !== undefined && rawMinutes >= 0 && rawMinutes <= 525_600 ? rawMinutes : undefined;
    if (item.duration !== undefined && item.duration !== null && minutes === undefined) {
      warnings.push({ code: 'bad_value', message: `Unreadable duration ${JSON.stringify(item.duration)}.`, path: `${path}.duration` });
    }
    const scheduledFor = start ?? updated ?? ctx.fetchedAt;
    maintenances.push({
      id: asString(item.id) ?? slugify(title),
      title,
      url: asString(item.url) ?? null,
      status,
      scheduledFor,
      scheduledUntil: minutes === undefined ? null : new Date(Date.parse(scheduledFor) + minutes * 60_000).toISOString(),
      components: [],
      updates: [{ id: null, status, label: INSTATUS_LABELS[String(item.status).toUpperCase()] ?? 'Update', body: '', at: updated ?? scheduledFor }],
    });
  });

  const components: Component[] = readInstatusComponents(docs.components, warnings);
  const pageLevel: StatusLevel = enumValue(INSTATUS_PAGE_LEVELS, page.status, 'page.status') ?? 'unknown';
  const level = page.status === undefined
    ? deriveLevel(components, incidents, maintenances)
    : worstOf([pageLevel, deriveLevel(components, incidents, maintenances)]);
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'instatus', format: 'instatus-json', fetchedAt: ctx.fetchedAt },
      page: { name: localized(page.name) ?? hostOf(ctx.sourceUrl), url: asString(page.url) ?? ctx.sourceUrl },
      status: { level, description: STATUS_LABELS[level] },
      components,
      incidents,
      maintenances,
      warnings,
    }),
  };
}
