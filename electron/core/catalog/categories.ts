/**
 * Categories people browse the catalogue by. A fixed, short list so the UI can show them as tabs;
 * anything we have not placed by hand lands in `Other` rather than in a guessed category.
 */
export const CATEGORIES = [
  'Payments',
  'Developer tools',
  'Cloud & hosting',
  'Communication',
  'Monitoring',
  'CDN & DNS',
  'Data & AI',
  'Productivity',
  'Other',
] as const;
export type Category = (typeof CATEGORIES)[number];

const BY_CATEGORY: Record<Exclude<Category, 'Other'>, readonly string[]> = {
  'Payments': [
    'stripe', 'authorize-net', 'avalara', 'chargebee', 'coinbase', 'cybersource', 'dwolla', 'bolt', 'quickbooks',
    'revenuecat', 'freeagent', 'robinhood', 'nasdaq-data-link', 'blend', 'meridianlink', 'airbase', 'bigcommerce',
    'shopify', 'easypost', 'keygen',
  ],
  'Developer tools': [
    'github', 'gitlab', 'bitbucket', 'bitrise', 'buildkite', 'circleci', 'travisci', 'semaphore', 'codecov',
    'coveralls', 'code-climate', 'cocoapods', 'npm', 'rubygems', 'python', 'docker', 'cypress', 'sauce-labs',
    'launchdarkly', 'doppler', 'snyk', 'cursor', 'coderpad', 'readme', 'visual-studio-app-center', 'buildjet',
    'hashicorp', 'temporal', 'teleport-cloud', 'tyk', 'auth0', 'jumpcloud', 'duo', 'onelogin-eu', 'onelogin-us',
    'securid', '1password', 'lastpass', 'keeper-security', 'dashlane', 'wiz', 'atlassian-developer', 'lets-encrypt',
    'runway', 'runway-app-store-connect', 'stripo', 'contentful', 'filestack', 'wodby', 'lob', 'smarty', 'branch',
    'internet-computer', 'fleek', 'jamf', 'linear',
  ],
  'Cloud & hosting': [
    'aws', 'google-cloud', 'azure', 'digitalocean', 'linode', 'fly-io', 'railway', 'vercel', 'netlify', 'heroku',
    'platform-sh', 'pantheon', 'acquia', 'engine-yard', 'equinix-metal', 'scaleway', 'aptible', 'cloud66',
    'cloudamqp', 'confluent-cloud', 'mongodb-cloud', 'elastic-cloud', 'aiven', 'coreweave', 'primcloud', 'wasabi',
    'squarespace', 'red-hat', 'mozilla', 'playfab', 'unraid', 'box', 'dropbox', 'egnyte', 'files-com', 'wetransfer',
  ],
  'Communication': [
    'slack', 'discord', 'zoom', 'twilio', 'sendgrid', 'mailgun', 'messagebird', 'pusher', 'pubnub', 'stream',
    'dialpad', 'intercom-au-hosting', 'intercom-eu-hosting', 'intercom-us-hosting', 'brevo', 'onesignal',
    'customer-io', 'emailable', 'whereby', 'kustomer', 'hubspot', 'acoustic', 'pardot', 'batch', 'maestra',
    'mastodon-social', 'reddit', 'twitch', 'medium', 'linkedin-api', 'clubhouse', 'proton', 'loom', 'vimeo',
    'threader',
  ],
  'Monitoring': [
    'datadog', 'datadog-eu', 'new-relic', 'sentry', 'bugsnag', 'rollbar', 'loggly', 'papertrail', 'logz-io',
    'sumologic', 'opsgenie', 'victorops', 'checkly', 'kentik', 'alert-logic', 'better-stack', 'instatus',
    'atlassian-statuspage', 'plausible-analytics',
  ],
  'CDN & DNS': ['cloudflare', 'bunny-net', 'imgix', 'cloudinary', 'dnsimple', 'gandi-net', 'bitmovin'],
  'Data & AI': [
    'openai', 'anthropic', 'deepseek', 'snowflake', 'fivetran', 'segment', 'mixpanel', 'mode-analytics', 'keenio',
    'mapbox', 'housecanary', 'pendo', 'unsplash',
  ],
  'Productivity': [
    'notion', 'asana', 'trello', 'figma', 'sketch', 'mural', 'basecamp', 'confluence', 'jira-software',
    'jira-service-management', 'jira-work-management', 'jira-align', 'jira-product-discovery', 'compass',
    'atlassian-access', 'atlassian-partners', 'atlassian-support', 'productboard', 'strategic-roadmaps', 'tempo',
    'clickup', 'zapier', 'workflowy', 'typeform', 'hellosign-hellofax', 'lattice', 'lever', 'recruiterbox',
    'bullhorn', 'planning-center', 'robin', 'vmware-workspace-one',
  ],
};

const CATEGORY_OF: ReadonlyMap<string, Category> = new Map(
  Object.entries(BY_CATEGORY).flatMap(([category, ids]) => ids.map((id) => [id, category as Category] as const)),
);

/** Category of a catalogue id; `Other` for ids not placed by hand. */
export function categoryOf(id: string): Category {
  return CATEGORY_OF.get(id) ?? 'Other';
}
