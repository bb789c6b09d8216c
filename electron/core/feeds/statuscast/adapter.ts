import type { Component, FeedWarning, Impact, Incident, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS } from '../../../../shared/model/index.ts';
import { decodeBody } from '../common/decode.ts';
import { hostOf } from '../common/host.ts';
import { deriveLevel, slugify, sortSnapshot } from '../common/snapshot.ts';
import { warn } from '../common/warnings.ts';
import type { FeedAdapter, FeedDocument, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { readStatuscastIncidents, readStatuscastPage } from './markup.ts';

/**
 * StatusCast status pages (status.8x8.com, status.airship.com…), read from the page a browser
 * gets and its list of open incidents (`/incidents?IncidentStatus=OpenStarted`). StatusCast's
 * REST API needs an account token, so the public page is the only source.
 *
 * Documented: nothing public about the page's markup. Inferred from public client code [C: stts]:
 * the `.status-list-component-status-text` elements and their `component-<word>` classes with the
 * words available, unavailable, informational, monitored, identified, investigating, degraded and
 * maintenance; the incident list's `#results .incident-body`, `.incident-title` and
 * `.incident-icon .fa` classes (available, informational, performance, unavailable). Where a
 * component's name sits, and an incident's link and text, are inferred. Fixtures are hand-written
 * (test/fixtures/statuscast).
 *
 * Listing kind: ACTIVE. The incident list shows open incidents only, so one that leaves it is over.
 */
export const statuscastAdapter: FeedAdapter = { id: 'statuscast', platform: 'statuscast', parse: parseStatuscast };

const LEVELS: Readonly<Record<string, StatusLevel>> = {
  available: 'operational',
  // A notice shown for information says nothing is wrong.
  informational: 'operational',
  // An incident under way on the component: identified or being monitored, the component is still
  // affected, as a degraded one is.
  identified: 'degraded', monitored: 'degraded', investigating: 'degraded', degraded: 'degraded',
  maintenance: 'maintenance',
  unavailable: 'major_outage',
};
const IMPACTS: Readonly<Record<string, Impact>> = { available: 'none', informational: 'none', performance: 'minor', unavailable: 'critical' };

function htmlOf(doc: FeedDocument | undefined): string | undefined {
  if (!doc) return undefined;
  const decoded = decodeBody(doc.body);
  return !decoded.ok && decoded.error.kind === 'html_page' ? new TextDecoder().decode(doc.body) : undefined;
}

function parseStatuscast(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const html = htmlOf(docs.main);
  if (html === undefined) return { ok: false, error: { kind: 'wrong_format', message: 'Expected the StatusCast HTML page.' } };
  const page = readStatuscastPage(html);
  if (page.components.length === 0 && page.unnamed === 0) {
    return { ok: false, error: { kind: 'wrong_format', message: 'No StatusCast status markup (.status-list-component-status-text) in this HTML page.' } };
  }
  const warnings: FeedWarning[] = [];
  if (page.unnamed > 0) warn(warnings, 'unreadable_item', `${page.unnamed} component status(es) had no name before them and were skipped.`, 'components');
  const components: Component[] = page.components.map((c, i) => {
    const level = c.word === undefined ? undefined : LEVELS[c.word];
    if (!level) warn(warnings, 'unknown_status', `Unknown component state ${JSON.stringify(c.word ?? c.text)}.`, `components[${i}]`);
    return { id: slugify(c.name), name: c.name, group: null, status: level ?? 'unknown' };
  });

  const incidents: Incident[] = [];
  if (docs.incidents) {
    const list = htmlOf(docs.incidents);
    if (list === undefined) warn(warnings, 'optional_document', 'The open-incidents list was not an HTML page; incidents were not read.', 'incidents');
    else {
      const read = readStatuscastIncidents(list);
      if (read.untitled > 0) warn(warnings, 'unreadable_item', `${read.untitled} open incident(s) without a title were skipped.`, 'incidents');
      read.incidents.forEach((item, i) => {
        const impact = item.word === undefined ? undefined : IMPACTS[item.word];
        if (!impact) warn(warnings, 'unknown_status', `Unknown incident icon ${JSON.stringify(item.word)}.`, `incidents[${i}]`);
        const url = item.href === undefined ? null : safeUrl(item.href, docs.incidents?.url ?? ctx.sourceUrl);
        // The list gives no times: the incident is dated by this read, and its text, when shown, is
        // one update whose id is its text, so the same text read again is the same update.
        const id = /(\d+)\/?$/.exec(item.href ?? '')?.[1] ?? slugify(item.title);
        incidents.push({
          id, title: item.title, url, impact: impact ?? 'minor',
          status: 'investigating', startedAt: ctx.fetchedAt, resolvedAt: null, components: [],
          updates: item.body ? [{ id: `${id}-${textKey(item.body)}`, status: 'investigating', label: 'Update', body: item.body, at: ctx.fetchedAt }] : [],
          postmortem: null,
        });
      });
      if (incidents.length > 0) warn(warnings, 'partial_page_data', 'The open-incidents list shows no times: incidents are dated by this read.', 'incidents');
    }
  }
  const level = deriveLevel(components, incidents, []);
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'statuscast', format: 'statuscast', fetchedAt: ctx.fetchedAt, listing: 'active' },
      page: { name: page.title ?? hostOf(ctx.sourceUrl), url: ctx.sourceUrl },
      status: { level, description: STATUS_LABELS[level] },
      components,
      incidents,
      maintenances: [],
      warnings,
    }),
  };
}

function safeUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A short stable key of a text (FNV-1a), so an update without an id keeps one while its text does. */
function textKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
