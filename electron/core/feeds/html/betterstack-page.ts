import type { Component, FeedWarning, Incident, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, isDisrupted, worstOf } from '../../../../shared/model/index.ts';
import { decodeBody } from '../common/decode.ts';
import { hostOf } from '../common/host.ts';
import { slugify, sortSnapshot } from '../common/snapshot.ts';
import { warn } from '../common/warnings.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { readBetterstackMarkup } from './betterstack-markup.ts';

/**
 * A Better Stack status page read from its rendered markup, for pages whose `/index.json` is
 * missing or refused. Better Stack renders on the server (Rails, no embedded JSON), so the state is
 * read from the favicon's file name (`favicons/operational-….png`, the one machine word the page
 * carries for its whole state), the headline, each section's badge and each resource's icon
 * colour [F: status.buildjet.com, 2026-03, all operational]. State words other than
 * `operational` and colours other than neutral and green are inferred from Better Stack's API
 * states (`degraded`, `downtime`, `maintenance`) and have not been seen in a capture.
 *
 * Listing kind: ACTIVE. The home page links only the incidents under way (past ones are on
 * `/incidents`), so an incident whose link leaves the page is over.
 */
export const betterstackHtmlAdapter: FeedAdapter = { id: 'betterstack-html', platform: 'betterstack', parse: parseBetterstackPage };

/** The API's state words [D], which the favicon and badges repeat (capitalised on badges). */
const STATES: Readonly<Record<string, StatusLevel>> = {
  operational: 'operational', degraded: 'degraded', downtime: 'major_outage', maintenance: 'maintenance',
};
/** Icon colours [inferred from the page's palette; neutral and green seen]. */
const COLORS: Readonly<Record<string, StatusLevel>> = {
  green: 'operational', yellow: 'degraded', orange: 'partial_outage', red: 'major_outage', blue: 'maintenance',
};

function parseBetterstackPage(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const doc = docs.main;
  if (!doc) return { ok: false, error: { kind: 'empty_body', message: 'No Better Stack status page was fetched.' } };
  const decoded = decodeBody(doc.body);
  if (decoded.ok || decoded.error.kind !== 'html_page') {
    return decoded.ok ? { ok: false, error: { kind: 'wrong_format', message: 'Expected the Better Stack HTML page.' } } : decoded;
  }
  const markup = readBetterstackMarkup(new TextDecoder().decode(doc.body));
  const resources = markup.sections.reduce((n, s) => n + s.resources.length, 0);
  // Discriminating check: Better Stack's state favicon, plus its sections or headline.
  if (markup.faviconState === undefined || (resources === 0 && markup.headline === undefined)) {
    return { ok: false, error: { kind: 'wrong_format', message: 'No Better Stack status markup (state favicon and sections) in this HTML page.' } };
  }
  const warnings: FeedWarning[] = [];
  const state = (word: string | undefined, path: string): StatusLevel | undefined => {
    if (word === undefined) return undefined;
    const level = STATES[word.toLowerCase().replace(/\s+/g, '_')];
    if (!level) warn(warnings, 'unknown_status', `Unknown state ${JSON.stringify(word)}.`, path);
    return level;
  };

  const components: Component[] = [];
  markup.sections.forEach((section, s) => {
    const badge = state(section.badge, `sections[${s}].badge`);
    section.resources.forEach((r, i) => {
      const color = r.color === undefined || r.color.startsWith('neutral') ? undefined : COLORS[r.color];
      if (r.color !== undefined && !r.color.startsWith('neutral') && !color) warn(warnings, 'unknown_status', `Unknown icon colour ${r.color}.`, `sections[${s}].resources[${i}]`);
      // A neutral icon shows no state of its own: the section's badge speaks for it.
      const status = color ?? (badge === 'operational' || badge === 'maintenance' ? badge : badge ? 'unknown' : 'operational');
      // "Current status by service" is the heading of a page without named sections, not a group.
      const group = section.name === undefined || /^current status by service$/i.test(section.name) ? null : section.name;
      components.push({ id: slugify(`${group ?? ''}-${r.name}`), name: r.name, group, status });
    });
  });

  const incidents: Incident[] = markup.incidentLinks.map((link) => ({
    id: /\/incidents?\/([\w-]+)$/.exec(link.href)?.[1] ?? slugify(link.text),
    title: link.text,
    url: absolute(link.href, markup.url ?? ctx.sourceUrl),
    impact: 'minor',
    status: 'investigating',
    startedAt: ctx.fetchedAt,
    resolvedAt: null,
    components: [],
    updates: [],
    postmortem: null,
  }));
  const pageLevel = state(markup.faviconState, 'favicon') ?? 'unknown';
  const level = worstOf([pageLevel, ...components.map((c) => c.status)]);
  if (isDisrupted(level) && incidents.length === 0) {
    warn(warnings, 'partial_page_data', `The page shows "${markup.headline ?? level}" but names no incident its markup lets us read; see the page for details.`, 'h1');
  }
  if (incidents.length > 0) warn(warnings, 'partial_page_data', 'Incidents are read from their links only: their timelines are on their own pages.', 'incidents');
  return {
    ok: true,
    snapshot: sortSnapshot({
      source: { url: ctx.sourceUrl, platform: 'betterstack', format: 'betterstack-html', fetchedAt: ctx.fetchedAt, listing: 'active' },
      page: { name: markup.title?.replace(/\s+status$/i, '') || hostOf(ctx.sourceUrl), url: markup.url ?? ctx.sourceUrl },
      status: { level, description: markup.headline ?? STATUS_LABELS[level] },
      components,
      incidents,
      maintenances: [],
      warnings,
    }),
  };
}

function absolute(href: string, base: string): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}
