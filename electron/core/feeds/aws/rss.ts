import type { FeedWarning, Impact, Incident, IncidentUpdate } from '../../../../shared/model/index.ts';
import { IMPACTS } from '../../../../shared/model/index.ts';
import { htmlToText } from '../common/html.ts';
import { warn } from '../common/warnings.ts';
import type { FeedEntry } from '../feed/read-feed.ts';

/**
 * AWS Health Dashboard RSS [F: all.rss excerpt]: one `<item>` per update, not per incident. Items
 * are tied together by the guid fragment `#<service>_<epoch>` (the epoch is the item's own time),
 * and `<link>` is always the dashboard root, so grouping is by service: a service's items, oldest
 * first, form one incident until a "Service is operating normally:" item closes it; the next item
 * opens a new one. The title prefix is AWS's severity word; our impact mapping is inferred:
 * Informational message → none, Service impact / degradation → minor, Service disruption → major.
 *
 * Listing kind: HISTORY (the default; the feed adapter sets no `listing`). Every update stays an
 * item after newer ones are posted ([F]: ME-SOUTH-1's 2026-03-03 item is still listed beside its
 * 2026-04-30 one), and an event ends with its own "operating normally" item, so an item that
 * leaves the feed has only aged out and is never taken as resolved.
 */

const PREFIXES: readonly { re: RegExp; impact: Impact; resolves: boolean }[] = [
  { re: /^service is operating normally\s*:\s*/i, impact: 'none', resolves: true },
  { re: /^informational message\s*:\s*/i, impact: 'none', resolves: false },
  { re: /^service (?:impact|degradation)\s*:\s*/i, impact: 'minor', resolves: false },
  { re: /^service disruption\s*:\s*/i, impact: 'major', resolves: false },
];

interface AwsItem { service: string; link: string | null; at: string; label: string; title: string; body: string; impact: Impact; resolves: boolean }

/** True when an item guid has AWS's `status.aws.amazon.com/#svc_epoch` shape. */
export function isAwsGuid(guid: string | undefined): boolean {
  return guid !== undefined && /status\.aws\.amazon\.com\/#[^#]+_\d+$/.test(guid);
}

/** Group AWS RSS items into incidents, one per service and event. */
export function awsRssIncidents(entries: readonly FeedEntry[], fetchedAt: string, warnings: FeedWarning[]): Incident[] {
  const byService = new Map<string, AwsItem[]>();
  for (const entry of entries) {
    const service = /#([^#]+)_\d+$/.exec(entry.id ?? '')?.[1] ?? entry.id ?? entry.title ?? 'aws';
    const rawTitle = entry.title ?? '';
    const prefix = PREFIXES.find((p) => p.re.test(rawTitle));
    if (!prefix && rawTitle !== '') warn(warnings, 'unknown_label', `Unknown AWS title prefix in "${rawTitle.slice(0, 80)}".`, `${entry.path}.title`);
    const label = prefix ? rawTitle.slice(0, rawTitle.indexOf(':')).trim() : 'Update';
    const item: AwsItem = {
      service,
      link: entry.link ?? null,
      at: entry.updated ?? entry.published ?? fetchedAt,
      label,
      title: prefix ? rawTitle.replace(prefix.re, '') : rawTitle,
      body: entry.content === undefined ? '' : htmlToText(entry.content),
      impact: prefix?.impact ?? 'minor',
      resolves: prefix?.resolves ?? false,
    };
    const list = byService.get(service) ?? [];
    list.push(item);
    byService.set(service, list);
  }
  const incidents: Incident[] = [];
  for (const [service, items] of byService) {
    items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let group: AwsItem[] = [];
    for (const item of items) {
      group.push(item);
      if (item.resolves) {
        incidents.push(toIncident(service, group));
        group = [];
      }
    }
    if (group.length > 0) incidents.push(toIncident(service, group));
  }
  return incidents;
}

function toIncident(service: string, items: AwsItem[]): Incident {
  const first = items[0];
  const last = items.at(-1);
  const resolved = last?.resolves === true;
  const updates: IncidentUpdate[] = items.map((item) => ({
    id: null,
    status: item.resolves ? 'resolved' : 'investigating',
    label: item.label,
    body: item.body,
    at: item.at,
  }));
  const worst = items.reduce<Impact>((acc, item) => (IMPACTS.indexOf(item.impact) > IMPACTS.indexOf(acc) ? item.impact : acc), 'none');
  const startedAt = first?.at ?? '';
  return {
    id: `${service}_${Math.floor(Date.parse(startedAt) / 1000)}`,
    title: items.find((i) => !i.resolves)?.title ?? first?.title ?? service,
    // AWS links every item to the dashboard root; there is no per-event page in the feed.
    url: first?.link ?? null,
    impact: worst,
    status: resolved ? 'resolved' : 'investigating',
    startedAt,
    resolvedAt: resolved ? last?.at ?? null : null,
    components: [service],
    updates,
    postmortem: null,
  };
}
