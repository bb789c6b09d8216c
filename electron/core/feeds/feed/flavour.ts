import type { Platform } from '../../../../shared/model/index.ts';
import { isAwsGuid } from '../aws/rss.ts';
import type { FeedEntry, FeedInfo } from './read-feed.ts';
import type { TimelineHints } from './entry-timeline.ts';

/** Which platform wrote a feed; decides how entries become incidents. */
export type Flavour = Extract<Platform, 'statuspage' | 'instatus' | 'incidentio' | 'aws' | 'azure' | 'feed'>;

/** The platform a snapshot reports for a flavour (each flavour is its platform). */
export function platformOf(flavour: Flavour): Platform {
  return flavour;
}

/** Instatus's first metadata line, `Type: Incident` or `Type: Maintenance`. */
export const INSTATUS_TYPE_LINE = /^\s*type\s*:\s*(incident|maintenance)\s*$/im;

/**
 * Decided from content, never from the URL (custom domains hide the platform):
 * - AWS: its generator string, or guids shaped `status.aws.amazon.com/#svc_epoch` [F].
 * - incident.io: `<generator>incident.io</generator>` [C].
 * - Instatus: a generator naming it [K], or entries opening with `Type: Incident|Maintenance`,
 *   in the HTML or in the plain-text copy [F: Northflank history.rss has no generator].
 * - Azure: the channel links to azure.status.microsoft (or status.azure.com), or items link to
 *   `…/status/history/?trackingId=` [F: structure of the real empty feed; D: item links].
 * - Statuspage: entries carrying the dated `<small>` timeline [F]; Statuspage sets no generator.
 * - anything else is a generic feed.
 */
export function detectFlavour(
  feed: FeedInfo, timelineHints: (index: number) => TimelineHints | undefined,
  plainInstatusType: (index: number) => boolean = (i) => hasPlainInstatusType(feed.entries[i]),
): Flavour {
  const generator = feed.generator?.toLowerCase() ?? '';
  if (generator.includes('aws service health dashboard') || feed.entries.some((e) => isAwsGuid(e.id))) return 'aws';
  if (generator.includes('incident.io')) return 'incidentio';
  if (generator.includes('instatus')) return 'instatus';
  if (isAzure(feed)) return 'azure';
  // Only now read entry HTML: AWS, incident.io and Azure never need it.
  const hints = feed.entries.map((_, i) => timelineHints(i));
  if (hints.some((h) => h?.instatusTypeLine)) return 'instatus';
  if (feed.entries.some((_, i) => plainInstatusType(i))) return 'instatus';
  if (hints.some((h) => h !== undefined && h.blocks > 0)) return 'statuspage';
  return 'feed';
}

function isAzure(feed: FeedInfo): boolean {
  const host = (() => {
    try {
      return feed.link === undefined ? '' : new URL(feed.link).hostname.toLowerCase();
    } catch {
      return '';
    }
  })();
  if (host === 'azure.status.microsoft' || host === 'status.azure.com' || host.endsWith('.status.azure.com')) return true;
  return feed.entries.some((e) => /\/status\/history\/\?trackingId=/i.test(e.link ?? ''));
}

/** An entry whose text (not HTML) opens with Instatus's `Type:` line. */
export function hasPlainInstatusType(entry: FeedEntry | undefined): boolean {
  if (!entry) return false;
  const text = entry.summary ?? (entry.content !== undefined && !entry.content.includes('<') ? entry.content : undefined);
  return text !== undefined && INSTATUS_TYPE_LINE.test(text.slice(0, 500));
}
