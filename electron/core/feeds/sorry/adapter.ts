import type { Component, FeedWarning, Incident, Maintenance, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../../shared/model/index.ts';
import { hostOf } from '../common/host.ts';
import { asNumber, asRecord, asString, readJson } from '../common/json.ts';
import { slugify, sortSnapshot } from '../common/snapshot.ts';
import { enumReader, warn } from '../common/warnings.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { readNotice } from './notices.ts';

/**
 * Sorry (sorryapp.com) status pages, read from Sorry's API at `api.sorryapp.com/v1/pages/<page
 * id>`: `/components` (required), `/notices?include=updates,components` and the page itself (its
 * name), both optional.
 *
 * Documented [D: docs.sorryapp.com/v1 as summarised by its public API clients]: the endpoints;
 * component fields `id, name, description, state, position, parent_id` with states
 * `operational | degraded | partially-degraded`; notice fields `id, type (unplanned = incident,
 * planned = maintenance, general), state, timeline_state, subject, synopsis, link, began_at,
 * ended_at, created_at, updated_at` and embedded `updates` (`id, content, created_at`) and
 * `components`; notice states (planned: scheduled, cancelled, underway, complete; unplanned:
 * investigating, identified, recovering, resolved, false_alarm).
 * Inferred: the `{"response": …}` envelope (stts reads components that way [C]); how the two
 * degraded words rank (ours: degraded < partial outage); an update's own `state`, when present.
 * No real capture exists: the tests' fixtures are hand-written (test/fixtures/sorry).
 *
 * Listing kind: HISTORY (the default). Notices stay listed after they close, with their closing state.
 */
export const sorryAdapter: FeedAdapter = { id: 'sorry', platform: 'sorry', parse: parseSorry };

const LEVELS: Readonly<Record<string, StatusLevel>> = {
  operational: 'operational', 'partially-degraded': 'degraded', partially_degraded: 'degraded', degraded: 'partial_outage',
};

/** `response` (the envelope), else the bare value. */
function unwrap(value: unknown): unknown {
  const root = asRecord(value);
  return root && 'response' in root ? root.response : value;
}

function parseSorry(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs.components, 'Sorry components');
  if (!read.ok) return read;
  const list = unwrap(read.value);
  // Discriminating check: a list whose entries carry Sorry's `state` words.
  if (!Array.isArray(list) || !list.every((c) => typeof asRecord(c)?.state === 'string' && asString(asRecord(c)?.name))) {
    return { ok: false, error: { kind: 'wrong_format', message: 'Not a Sorry components document (no list of components with a `state`).' } };
  }
  const warnings: FeedWarning[] = [];
  const state = enumReader(warnings, 'component state', (w) => w.toLowerCase());
  const byId = new Map<string, Record<string, unknown>>();
  for (const raw of list) {
    const c = asRecord(raw);
    const id = asString(c?.id);
    if (c && id) byId.set(id, c);
  }
  const sorted = [...list].map((raw, i) => ({ c: asRecord(raw) ?? {}, i })).sort((a, b) => (asNumber(a.c.position) ?? a.i) - (asNumber(b.c.position) ?? b.i));
  const parents = new Set([...byId.values()].map((c) => asString(c.parent_id)).filter((id): id is string => id !== undefined));
  const components: Component[] = [];
  for (const { c, i } of sorted) {
    const id = asString(c.id) ?? slugify(String(c.name));
    // A parent shows its children's aggregate: the children are listed, under its name.
    if (parents.has(id)) continue;
    const parent = byId.get(asString(c.parent_id) ?? '');
    components.push({
      id, name: asString(c.name) ?? id, group: asString(parent?.name) ?? null,
      status: state(LEVELS, c.state, `response[${i}].state`) ?? 'unknown',
    });
  }

  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  if (docs.notices) {
    const notices = readJson(docs.notices, 'Sorry notices');
    const entries = notices.ok ? unwrap(notices.value) : undefined;
    if (!notices.ok) warn(warnings, 'optional_document', `Notices were not read: ${notices.error.message}`, 'notices');
    else if (!Array.isArray(entries)) warn(warnings, 'optional_document', 'The notices document holds no list of notices.', 'notices');
    else {
      entries.forEach((raw, i) => {
        const notice = readNotice(raw, `notices[${i}]`, warnings, ctx.fetchedAt);
        if (notice?.kind === 'incident') incidents.push(notice.value);
        else if (notice?.kind === 'maintenance') maintenances.push(notice.value);
      });
    }
  }

  const pageRead = docs.page ? readJson(docs.page, 'Sorry page') : undefined;
  if (pageRead && !pageRead.ok) warn(warnings, 'optional_document', `The page's name was not read: ${pageRead.error.message}`, 'page');
  const page = pageRead?.ok ? asRecord(unwrap(pageRead.value)) : undefined;
  const level = worstOf(components.map((c) => c.status).concat(maintenances.some((m) => m.status === 'in_progress') ? ['maintenance'] : []));
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'sorry', format: 'sorry', fetchedAt: ctx.fetchedAt },
      page: { name: asString(page?.name) ?? hostOf(ctx.sourceUrl), url: asString(page?.url) ?? ctx.sourceUrl },
      status: { level, description: STATUS_LABELS[level] },
      components,
      incidents,
      maintenances,
      warnings,
    }),
  };
}
