import type { AdapterId } from '../endpoints.ts';

/** What a status page's HTML betrays about the platform behind it. */
export interface PageHints {
  /** Adapters to probe before the usual order. */
  preferred: AdapterId[];
  /** status.io pages are served from a custom host, their data from api.status.io/<page id>. */
  statusioPageId: string | undefined;
  /** Absolute URLs from `<link rel="alternate" type="application/atom+xml|rss+xml">`. */
  feeds: string[];
  /** Sorry pages are served from a custom host, their data from api.sorryapp.com/v1/pages/<id>. */
  sorryPageId?: string | undefined;
  /** Checkly pages: their data is at api.checklyhq.com/v1/status-page/<numeric id>. */
  checklyPageId?: string | undefined;
  /** The page names Checkly but not its id: the id is asked of Checkly by the page's host. */
  checkly?: boolean;
}

/**
 * Markers seen in each platform's page HTML [K: from reading public pages; not captured here].
 * They only reorder probes, never decide alone: a page that merely links to statuspage.io (a
 * blog post about outages) costs one wasted request, not a wrong answer.
 */
const MARKERS: readonly { re: RegExp; adapters: AdapterId[] }[] = [
  { re: /statuspage\.io|stspg\.io|StatusPage\.io|statuspage-production/i, adapters: ['statuspage-json'] },
  // Instatus pages answer on one of three paths, depending on the page's age [D: Instatus docs].
  { re: /instatus/i, adapters: ['instatus-json', 'instatus-v3', 'instatus-api-v2'] },
  { re: /incident\.io|incidentio/i, adapters: ['incidentio-proxy', 'incidentio-widget', 'incidentio-compat'] },
  // PagerDuty-hosted pages embed `<script id="data">` with `layout_settings` [C: stts] and load
  // assets from PagerDuty's hosts [K].
  { re: /<script[^>]+id=["']data["'][^>]*>\s*\{"layout"|trust\.pagerduty\.com|statuspage\.pagerduty/i, adapters: ['pagerduty'] },
  { re: /betterstack|betteruptime|better uptime/i, adapters: ['betterstack'] },
  { re: /cachet/i, adapters: ['cachet-v2', 'cachet-v3'] },
];

export function readPageHints(html: string, pageUrl: string): PageHints {
  const head = html.slice(0, 512 * 1024);
  const preferred: AdapterId[] = [];
  for (const { re, adapters } of MARKERS) if (re.test(head)) preferred.push(...adapters);
  // status.io embeds its page id as `statuspageId` in a script, and links to its API/RSS [K].
  const id = /statuspageId["']?\s*[:=]\s*["']([0-9a-f]{24})["']/i.exec(head)?.[1]
    ?? /(?:api\.status\.io\/1\.0\/status|\/pages\/history)\/([0-9a-f]{24})/i.exec(head)?.[1];
  const feeds: string[] = [];
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/rel=["']?alternate/i.test(tag) || !/type=["']?application\/(atom|rss)\+xml/i.test(tag)) continue;
    const href = /href=["']([^"']+)["']/i.exec(tag)?.[1];
    if (!href) continue;
    try {
      const abs = new URL(href.replace(/&amp;/g, '&'), pageUrl);
      if (abs.protocol === 'http:' || abs.protocol === 'https:') feeds.push(abs.href);
    } catch {
      // An unusable href is just not a hint.
    }
  }
  // Sorry and Checkly pages name their API in scripts or data attributes [K: not captured].
  const sorryPageId = /api\.sorryapp\.com\/v1\/pages\/([\w-]{1,40})/i.exec(head)?.[1]
    ?? /data-sorry-page-id=["']([\w-]{1,40})["']/i.exec(head)?.[1];
  const checklyPageId = /checklyhq\.com\/v1\/status-page\/(\d{1,12})\b/i.exec(head)?.[1]
    ?? /"statusPageId"\s*:\s*"?(\d{1,12})\b/.exec(head)?.[1];
  const checkly = checklyPageId === undefined && /checkly-status-pages?\.com|checklyhq\.com/i.test(head);
  return { preferred, statusioPageId: id, feeds, sorryPageId, checklyPageId, checkly };
}
