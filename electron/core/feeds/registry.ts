import type { AdapterId } from './endpoints.ts';
import { isAdapterId } from './endpoints.ts';
import type { FeedAdapter } from './types.ts';
import { awsCurrentEventsAdapter } from './aws/current-events.ts';
import { betterstackAdapter } from './betterstack/adapter.ts';
import { cachetV2Adapter, cachetV3Adapter } from './cachet/adapter.ts';
import { feedXmlAdapter } from './feed/adapter.ts';
import { gcpAdapter } from './gcp/adapter.ts';
import { checklyAdapter } from './checkly/adapter.ts';
import { betterstackHtmlAdapter } from './html/betterstack-page.ts';
import { incidentioHtmlAdapter } from './html/incidentio-page.ts';
import { instatusHtmlAdapter } from './html/instatus-page.ts';
import { incidentioProxyAdapter, incidentioWidgetAdapter } from './incidentio/adapter.ts';
import { incidentioCompatAdapter } from './incidentio/compat.ts';
import { instatusJsonAdapter } from './instatus/adapter.ts';
import { pagerdutyAdapter } from './pagerduty/adapter.ts';
import { slackAdapter } from './slack/adapter.ts';
import { sorryAdapter } from './sorry/adapter.ts';
import { statuscastAdapter } from './statuscast/adapter.ts';
import { statusioAdapter } from './statusio/adapter.ts';
import { statuspageJsonAdapter } from './statuspage/adapter.ts';
import { stripeAdapter } from './stripe/adapter.ts';

/**
 * Adapter id → adapter. Typed against the endpoint table so an adapter added there and not here
 * (or the reverse) is a compile error: the id stored with a watched vendor must always resolve.
 */
export const ADAPTERS: Readonly<Record<AdapterId, FeedAdapter>> = {
  'statuspage-json': statuspageJsonAdapter,
  'instatus-json': instatusJsonAdapter,
  'instatus-v3': instatusJsonAdapter,
  'instatus-api-v2': instatusJsonAdapter,
  'incidentio-widget': incidentioWidgetAdapter,
  'incidentio-proxy': incidentioProxyAdapter,
  'incidentio-compat': incidentioCompatAdapter,
  'cachet-v2': cachetV2Adapter,
  'cachet-v3': cachetV3Adapter,
  statusio: statusioAdapter,
  betterstack: betterstackAdapter,
  gcp: gcpAdapter,
  'aws-currentevents': awsCurrentEventsAdapter,
  slack: slackAdapter,
  stripe: stripeAdapter,
  'instatus-html': instatusHtmlAdapter,
  'incidentio-html': incidentioHtmlAdapter,
  'betterstack-html': betterstackHtmlAdapter,
  checkly: checklyAdapter,
  pagerduty: pagerdutyAdapter,
  statuscast: statuscastAdapter,
  sorry: sorryAdapter,
  'feed-xml': feedXmlAdapter,
};

/** The adapter for a stored id; undefined for an id from a newer or older version of the app. */
export function adapterFor(id: string): FeedAdapter | undefined {
  return isAdapterId(id) ? ADAPTERS[id] : undefined;
}
