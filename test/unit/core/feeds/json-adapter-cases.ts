/** Every JSON platform adapter of this batch with its fixtures, for the cross-adapter tests. */
import { betterstackAdapter } from '../../../../electron/core/feeds/betterstack/adapter.ts';
import { cachetV2Adapter, cachetV3Adapter } from '../../../../electron/core/feeds/cachet/adapter.ts';
import { gcpAdapter } from '../../../../electron/core/feeds/gcp/adapter.ts';
import { incidentioProxyAdapter, incidentioWidgetAdapter } from '../../../../electron/core/feeds/incidentio/adapter.ts';
import { instatusJsonAdapter } from '../../../../electron/core/feeds/instatus/adapter.ts';
import { slackAdapter } from '../../../../electron/core/feeds/slack/adapter.ts';
import { statusioAdapter } from '../../../../electron/core/feeds/statusio/adapter.ts';
import { stripeAdapter } from '../../../../electron/core/feeds/stripe/adapter.ts';
import type { AdapterCase } from './json-adapter-support.ts';
import { own, shared } from './json-adapter-support.ts';

export const ADAPTER_CASES: AdapterCase[] = [
  { adapter: instatusJsonAdapter, role: 'summary', fixtures: [
    { name: 'instatus summary', docs: { summary: own('instatus/summary-incidents-maintenances.json'), components: own('instatus/components-v2.json') } },
  ] },
  { adapter: incidentioWidgetAdapter, role: 'main', fixtures: [{ name: 'incident.io widget', docs: { main: own('incidentio/widget-summary.json') } }] },
  { adapter: incidentioProxyAdapter, role: 'main', fixtures: [{ name: 'incident.io proxy', docs: { main: own('incidentio/proxy-summary.json') } }] },
  { adapter: cachetV2Adapter, role: 'components', fixtures: [
    { name: 'cachet 2 Yoti capture', docs: { components: shared('cachet/yoti-cachet2-api-v1-components.json') } },
    { name: 'cachet 2 hand-written', docs: { components: own('cachet/v2-components-all-statuses.json'), incidents: own('cachet/v2-incidents.json') } },
  ] },
  { adapter: cachetV3Adapter, role: 'components', fixtures: [
    { name: 'cachet 3 hand-written', docs: { components: own('cachet/v3-components.json'), incidents: own('cachet/v3-incidents.json') } },
  ] },
  { adapter: statusioAdapter, role: 'main', fixtures: [
    { name: 'status.io Docker capture', docs: { main: shared('statusio/docker-statusio-1.0-status-excerpt.json') } },
    { name: 'status.io hand-written', docs: { main: own('statusio/active-incident-and-maintenance.json') } },
  ] },
  { adapter: betterstackAdapter, role: 'main', fixtures: [{ name: 'Better Stack index.json', docs: { main: own('betterstack/index-incident-maintenance.json') } }] },
  { adapter: gcpAdapter, role: 'main', fixtures: [
    { name: 'GCP capture', docs: { main: shared('gcp/gcp-incidents-json-3-incidents-trimmed-text.json') } },
    { name: 'GCP hand-written', docs: { main: own('gcp/open-incident-and-resolved.json') } },
  ] },
  { adapter: slackAdapter, role: 'current', fixtures: [
    { name: 'Slack current', docs: { current: own('slack/current-active.json'), history: own('slack/history.json') } },
    { name: 'Slack ok', docs: { current: own('slack/current-ok.json') } },
  ] },
  { adapter: stripeAdapter, role: 'main', fixtures: [
    { name: 'Stripe current/full', docs: { main: own('stripe/current-full-degraded.json') } },
    { name: 'Stripe current', docs: { main: own('stripe/current-statuses.json') } },
  ] },
];

/** Real Statuspage documents, the format most likely to be probed first on an unknown host. */
export const STATUSPAGE_DOCS = [
  shared('statuspage/github-summary-2022-11-25-partial-outage.json'),
  shared('statuspage/github-incident-rgy28jwprr1c-critical-all-statuses.json'),
  shared('statuspage/github-incidents-unresolved-empty.json'),
  shared('aws/aws-health-currentevents-excerpt.json'),
];
