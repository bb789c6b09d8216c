import type { Platform } from '../../../../shared/model/index.ts';
import { isAwsGuid } from '../aws/rss.ts';
import type { FeedInfo } from './read-feed.ts';
import type { ParsedTimeline } from './timeline.ts';

/** Which platform wrote a feed; decides how entries become incidents. */
export type Flavour = Extract<Platform, 'statuspage' | 'instatus' | 'incidentio' | 'aws' | 'feed'>;

/**
 * Decided from content, never from the URL (custom domains hide the platform):
 * - AWS: its generator string, or guids shaped `status.aws.amazon.com/#svc_epoch` [F].
 * - incident.io: `<generator>incident.io</generator>` [C].
 * - Instatus: a generator naming it [K], or entries opening with `Type: Incident|Maintenance` [K].
 * - Statuspage: entries carrying the dated `<small>` timeline [F]; Statuspage sets no generator.
 * - anything else is a generic feed.
 */
export function detectFlavour(feed: FeedInfo, readTimelines: () => readonly (ParsedTimeline | undefined)[]): Flavour {
  const generator = feed.generator?.toLowerCase() ?? '';
  if (generator.includes('aws service health dashboard') || feed.entries.some((e) => isAwsGuid(e.id))) return 'aws';
  if (generator.includes('incident.io')) return 'incidentio';
  if (generator.includes('instatus')) return 'instatus';
  // Only now parse entry HTML: AWS and incident.io never need it.
  const timelines = readTimelines();
  if (timelines.some((t) => t?.prelude.some((line) => /^type\s*:\s*(incident|maintenance)\s*$/i.test(line)))) return 'instatus';
  if (timelines.some((t) => t !== undefined && t.blocks.length > 0)) return 'statuspage';
  return 'feed';
}
