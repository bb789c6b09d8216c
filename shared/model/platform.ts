/**
 * Status-page platforms Upstream can read. A platform is what runs the page; one platform may
 * be read through several formats (Statuspage has JSON, Atom and RSS).
 */
export const PLATFORMS = [
  'statuspage',
  'instatus',
  'incidentio',
  'cachet',
  'statusio',
  'betterstack',
  'gcp',
  'aws',
  'slack',
  'stripe',
  'azure',
  'checkly',
  'pagerduty',
  'statuscast',
  'sorry',
  'feed',
] as const;

/** `feed` is a generic Atom/RSS incident feed whose platform we could not name. */
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  statuspage: 'Atlassian Statuspage',
  instatus: 'Instatus',
  incidentio: 'incident.io',
  cachet: 'Cachet',
  statusio: 'status.io',
  betterstack: 'Better Stack',
  gcp: 'Google Cloud status',
  aws: 'AWS Health Dashboard',
  slack: 'Slack status',
  stripe: 'Stripe status',
  azure: 'Azure status',
  checkly: 'Checkly',
  pagerduty: 'PagerDuty status page',
  statuscast: 'StatusCast',
  sorry: 'Sorry',
  feed: 'Atom/RSS feed',
};
