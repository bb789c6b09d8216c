import { ago, DAY, HOUR, MINUTE, SECOND, type VendorScript } from './script.ts';

/**
 * Skyline Payments, the demo's busy vendor (fictional; every word is ours). In its first five
 * minutes a live incident runs its whole life while a maintenance window opens and closes, so a
 * new user sees every status, label and view move; behind it lie ninety days of varied history,
 * two postmortems in the two shapes vendors write them, and a maintenance next week.
 */
export const SKYLINE: VendorScript = {
  id: 'skyline',
  name: 'Skyline Payments',
  groups: [{ key: 'payments', name: 'Payments', description: 'Taking payments from your customers and paying you out' }],
  components: [
    { key: 'dashboard', name: 'Dashboard', description: 'Merchant dashboard, reports and account settings' },
    { key: 'cards', name: 'Card payments', description: 'Authorisation and capture of card payments', group: 'payments' },
    { key: 'transfers', name: 'Bank transfers', description: 'Incoming bank transfers and direct debits', group: 'payments' },
    { key: 'payouts', name: 'Payouts', description: 'Settled funds sent to merchants\' bank accounts', group: 'payments' },
    { key: 'webhooks', name: 'Webhooks', description: 'Event notifications sent to merchants\' endpoints' },
    { key: 'reporting', name: 'Reporting API', description: 'Balance, payout and transaction reports' },
  ],
  incidents: [
    {
      key: 'live-card-declines',
      name: 'Elevated decline rate for card payments',
      impact: 'major',
      live: true,
      openedAt: 15 * SECOND,
      updates: [
        {
          after: 0, status: 'investigating', components: { cards: 'degraded_performance' },
          body: 'We are seeing an increased number of card payments declined with a processing error, mostly for merchants in the EU region. Payments that do go through are taking longer than usual to authorise. Our engineers are investigating and we will post another update within 30 minutes.',
        },
        {
          after: 45 * SECOND, status: 'identified', components: { cards: 'partial_outage', payouts: 'degraded_performance' },
          body: 'We have identified the cause. A routine certificate rotation did not complete on two of our card network gateways, and those gateways are rejecting authorisation requests. Around a third of card payments in the EU region are failing, and payouts are delayed while our ledger retries. We are moving traffic away from the affected gateways now.',
        },
        {
          after: 105 * SECOND, status: 'monitoring', components: { cards: 'degraded_performance', payouts: 'operational' },
          body: 'All traffic now goes through healthy gateways and the decline rate is back within its normal range. Payouts held during the incident are being released and should arrive within the usual settlement window. We are watching authorisation times while the two gateways are repaired.',
        },
        {
          after: 165 * SECOND, status: 'resolved', components: { cards: 'operational', payouts: 'operational' },
          body: 'This incident has been resolved. Card payments and payouts are working normally, and customers whose payment was declined during the incident can safely try again. We will publish a postmortem once our review is complete.',
        },
        {
          after: 225 * SECOND, status: 'postmortem', components: {},
          body: 'We have published a postmortem for this incident. It covers what happened, who was affected, why our checks did not catch it sooner and what we are changing.',
        },
      ],
      postmortem: {
        after: 225 * SECOND,
        body: [
          '**What happened**',
          'Shortly after a scheduled certificate rotation, two of the six gateways that connect Skyline to the card networks stopped completing authorisation requests. Payments routed through them were declined with a processing error until we moved their traffic to the remaining gateways.',
          '',
          '**Impact**',
          'For a little under three minutes, roughly a third of card payments from merchants in the EU region were declined, and the rest took longer than usual to authorise. Payouts scheduled in that window were delayed but none were lost. No card data was exposed.',
          '',
          '**Root cause**',
          'The rotation job installed the new certificate before the card network had activated it on its side. Our health checks only verified that each gateway was reachable, not that it could complete an authorisation, so traffic kept flowing to the two broken ones.',
          '',
          '**What we are doing**',
          '- Health checks now send a test authorisation through every gateway every ten seconds.',
          '- Certificate rotations wait for the card network\'s confirmation before switching over.',
          '- A gateway whose decline rate doubles is taken out of rotation automatically.',
          '- We are adding per-region decline rates to this status page.',
        ].join('\n'),
      },
    },
    {
      key: 'webhook-delays',
      name: 'Delayed webhook deliveries',
      impact: 'minor',
      openedAt: ago(3, 6, 20),
      updates: [
        { after: 0, status: 'investigating', components: { webhooks: 'degraded_performance' }, body: 'Some webhook events are being delivered up to 15 minutes late. We are looking into it.' },
        { after: 31 * MINUTE, status: 'monitoring', components: { webhooks: 'operational' }, body: 'A stuck consumer in our event pipeline has been restarted and the backlog is draining. New events are being delivered on time.' },
        { after: 52 * MINUTE, status: 'resolved', components: { webhooks: 'operational' }, body: 'The backlog has been fully delivered and webhook latency is back to normal. No events were lost.' },
      ],
    },
    {
      key: 'dashboard-unavailable',
      name: 'Dashboard unavailable for some merchants',
      impact: 'major',
      openedAt: ago(9, 2, 41),
      updates: [
        { after: 0, status: 'investigating', components: { dashboard: 'partial_outage' }, body: 'Some merchants get an error page when they open the dashboard. We are investigating. Payments and the API are not affected.' },
        { after: 11 * MINUTE, status: 'identified', components: { dashboard: 'partial_outage' }, body: 'A configuration change to our content delivery network is sending part of the dashboard traffic to a retired server. We are rolling the change back.' },
        { after: 24 * MINUTE, status: 'monitoring', components: { dashboard: 'operational' }, body: 'The change has been rolled back and the dashboard loads for everyone we can see. We are keeping an eye on error rates.' },
        { after: 38 * MINUTE, status: 'resolved', components: { dashboard: 'operational' }, body: 'This incident is resolved. If the dashboard still shows an error for you, reloading the page without the cache fixes it.' },
      ],
    },
    {
      key: 'report-exports-slow',
      name: 'Report exports taking longer than usual',
      impact: 'none',
      openedAt: ago(14, 9, 5),
      updates: [
        { after: 0, status: 'identified', components: { reporting: 'degraded_performance' }, body: 'Large report exports are taking up to an hour because of an unusually busy month end. Every export will complete; there is no need to request it again.' },
        { after: 3 * HOUR + 5 * MINUTE, status: 'resolved', components: { reporting: 'operational' }, body: 'The export queue is back to normal and new exports complete within a few minutes.' },
      ],
    },
    {
      key: 'card-outage',
      name: 'Card payments failing in all regions',
      impact: 'critical',
      openedAt: ago(21, 4, 12),
      updates: [
        { after: 0, status: 'investigating', components: { cards: 'major_outage', webhooks: 'degraded_performance' }, body: 'Card payments are failing for all merchants. We are investigating with the highest priority.' },
        { after: 18 * MINUTE, status: 'identified', components: { cards: 'major_outage', payouts: 'partial_outage' }, body: 'The failures started with a release of our payment routing service. We are rolling the release back in every region.' },
        { after: 41 * MINUTE, status: 'identified', components: { cards: 'partial_outage' }, body: 'The rollback is complete in two of our three regions and card payments there are recovering. The third region is in progress.' },
        { after: 72 * MINUTE, status: 'monitoring', components: { cards: 'operational', payouts: 'degraded_performance', webhooks: 'operational' }, body: 'Card payments succeed in all regions again. Payouts delayed by the incident are being sent now. We are monitoring.' },
        { after: 107 * MINUTE, status: 'resolved', components: { payouts: 'operational' }, body: 'Every payout delayed by this incident has been sent and all services are operating normally. A postmortem will follow.' },
        { after: 3 * DAY, status: 'postmortem', components: {}, body: 'We have published the postmortem for this incident.' },
      ],
      // Structured: section headings on their own lines, lessons and actions as bullets.
      postmortem: {
        after: 3 * DAY,
        body: [
          'Summary',
          'A faulty release of our payment routing service caused every card payment to fail for 1 hour and 12 minutes. Rolling the release back restored service, and payouts delayed by the outage were sent within the following 35 minutes.',
          '',
          'Impact',
          'All card payments attempted during the outage were declined with a processing error. Bank transfers were not affected. About 4,800 merchants saw failed payments, scheduled payouts were delayed by up to 35 minutes, and webhooks for the failed payments arrived late.',
          '',
          'Root cause',
          'The release changed how the routing service reads its list of card network gateways. A missing default left the list empty whenever a region did not set it explicitly, which was every production region. Our staging environment sets the value, so every test passed.',
          '',
          'Resolution',
          'We rolled the release back region by region, starting with the busiest, and then replayed the payout jobs that had stalled.',
          '',
          'Lessons',
          '- Staging must use the same configuration defaults as production, not a hand-tuned copy.',
          '- A release that touches payment routing needs a canary that processes real authorisations before it reaches every region.',
          '- Our rollback took too long because it had to be started separately in each region.',
          '',
          'Action items',
          '- Remove configuration values that exist only in staging (done).',
          '- Send 1% of traffic through each new routing release for 30 minutes before a full rollout.',
          '- Add one command that rolls back every region at once.',
          '- Page the on-call engineer when the authorisation success rate stays below 90% for one minute.',
        ].join('\n'),
      },
    },
    {
      key: 'transfer-confirmations',
      name: 'Bank transfer confirmations delayed',
      impact: 'minor',
      openedAt: ago(30, 7, 58),
      updates: [
        { after: 0, status: 'investigating', components: { transfers: 'degraded_performance' }, body: 'Confirmations of incoming bank transfers are arriving late. Funds are received normally, but payments may stay pending in the dashboard for longer than usual.' },
        { after: 47 * MINUTE, status: 'identified', components: { transfers: 'degraded_performance' }, body: 'Our partner bank is sending its transfer files late today. We are in contact with them and process each file as soon as it arrives.' },
        { after: 4 * HOUR + 10 * MINUTE, status: 'resolved', components: { transfers: 'operational' }, body: 'All delayed transfer files have been received and processed, and pending payments have been updated.' },
      ],
    },
    {
      key: 'payout-report-currency',
      name: 'Payout reports show the wrong currency',
      impact: 'minor',
      openedAt: ago(38, 3, 27),
      updates: [
        { after: 0, status: 'identified', components: { reporting: 'degraded_performance' }, body: 'Payout reports generated today show amounts in euros even when the payout was made in another currency. The payouts themselves were made in the right currency. We have found the cause and are preparing a fix.' },
        { after: 2 * HOUR + 2 * MINUTE, status: 'resolved', components: { reporting: 'operational' }, body: 'A fix is live and the affected reports have been generated again. If you downloaded a payout report today, please download it once more.' },
      ],
    },
    {
      key: 'api-intermittent-errors',
      name: 'Intermittent errors creating payments through the API',
      impact: 'major',
      openedAt: ago(47, 5, 33),
      updates: [
        { after: 0, status: 'investigating', components: { cards: 'partial_outage', transfers: 'partial_outage' }, body: 'Some requests to create payments fail with a 502 error. Retrying the request usually works. We are investigating.' },
        { after: 9 * MINUTE, status: 'identified', components: { cards: 'partial_outage', transfers: 'partial_outage' }, body: 'One of our load balancers is dropping connections under load. We are taking it out of rotation.' },
        { after: 16 * MINUTE, status: 'monitoring', components: { cards: 'operational', transfers: 'operational' }, body: 'The load balancer is out of rotation and error rates are back to normal. We are monitoring.' },
        { after: 25 * MINUTE, status: 'resolved', components: { cards: 'operational', transfers: 'operational' }, body: 'This incident has been resolved. Requests that failed with a 502 were not processed and can be retried safely.' },
        { after: 2 * DAY, status: 'postmortem', components: {}, body: 'We have published the postmortem for this incident.' },
      ],
      // Narrative: plain paragraphs, no headings.
      postmortem: {
        after: 2 * DAY,
        body: [
          'During this incident, one of the four load balancers in front of our payments API began closing connections before it had finished reading requests. Around one request in twelve to create a payment failed with a 502 error for 25 minutes. No payment was created twice and none was charged without being recorded, because a failed request never reached our payment service.',
          '',
          'The load balancer had been upgraded the evening before. The new version lowered its default limit on connections to each backend, and the limit was reached once traffic grew past its overnight level. Because the other three load balancers were healthy, our overall error rate stayed below the threshold that pages an engineer, and we heard about the problem from merchants before our own alerts fired.',
          '',
          'We have restored the previous limit, written every setting we rely on into our own configuration instead of trusting the defaults, and added an alert on the error rate of each load balancer on its own. We are sorry for the disruption this caused to your checkout.',
        ].join('\n'),
      },
    },
    {
      key: 'webhook-signatures',
      name: 'Webhook signature verification failures',
      impact: 'major',
      openedAt: ago(58, 1, 16),
      updates: [
        { after: 0, status: 'investigating', components: { webhooks: 'partial_outage' }, body: 'Some merchants report that webhook signatures fail to verify. We are investigating.' },
        { after: 22 * MINUTE, status: 'identified', components: { webhooks: 'partial_outage' }, body: 'After a key rotation, webhooks sent from one region were signed with an outdated secret. We are signing the affected events again and delivering them a second time.' },
        { after: 65 * MINUTE, status: 'resolved', components: { webhooks: 'operational' }, body: 'Every affected event has been delivered again with a valid signature. If your endpoint rejected events during this incident, they arrive again without any action from you.' },
      ],
    },
    {
      key: 'scheduled-payouts-delayed',
      name: 'Scheduled payouts delayed',
      impact: 'minor',
      openedAt: ago(71, 8, 2),
      updates: [
        { after: 0, status: 'investigating', components: { payouts: 'degraded_performance' }, body: 'Today\'s scheduled payouts have not been sent yet. We are investigating.' },
        { after: 38 * MINUTE, status: 'identified', components: { payouts: 'degraded_performance' }, body: 'A bank holiday at one of our settlement partners was missing from our calendar, so the payout run is waiting for a settlement that will not come today. We are switching today\'s payouts to another partner.' },
        { after: 3 * HOUR + 10 * MINUTE, status: 'monitoring', components: { payouts: 'degraded_performance' }, body: 'Payouts are being sent through the other partner. Most merchants should receive their funds by the end of the day.' },
        { after: 6 * HOUR, status: 'resolved', components: { payouts: 'operational' }, body: 'All of today\'s payouts have been sent. We have updated our settlement calendars for the rest of the year.' },
      ],
    },
    {
      key: 'dashboard-charts',
      name: 'Dashboard charts not loading',
      impact: 'none',
      openedAt: ago(84, 6, 49),
      updates: [
        { after: 0, status: 'investigating', components: { dashboard: 'degraded_performance' }, body: 'Charts on the dashboard home page are not loading for some merchants. All other pages work normally.' },
        { after: 12 * MINUTE, status: 'resolved', components: { dashboard: 'operational' }, body: 'The charts load again. A cache node serving chart data had run out of memory and has been replaced.' },
      ],
    },
  ],
  maintenances: [
    {
      key: 'live-reporting-db',
      name: 'Reporting API database upgrade',
      live: true,
      scheduledFor: 90 * SECOND,
      scheduledUntil: 210 * SECOND,
      components: ['reporting'],
      updates: [
        { at: ago(1), status: 'scheduled', body: 'We will upgrade the database behind the Reporting API to a new major version. During the window, report exports may be queued and the Reporting API may answer with a 503 for short periods. Payments, payouts and webhooks are not affected.' },
        { at: 90 * SECOND, status: 'in_progress', body: 'The maintenance has started. Report exports are being queued and will run once the upgrade is complete.' },
        { at: 210 * SECOND, status: 'completed', body: 'The maintenance is complete. The Reporting API answers normally and queued exports have been processed.' },
      ],
    },
    {
      key: 'sign-in-migration',
      name: 'Dashboard sign-in provider migration',
      scheduledFor: 7 * DAY + 2 * HOUR,
      scheduledUntil: 7 * DAY + 4 * HOUR,
      components: ['dashboard'],
      updates: [
        { at: ago(0, 3), status: 'scheduled', body: 'We are moving dashboard sign-in to a new identity provider. You may be signed out once during the window and asked to sign in again; single sign-on settings carry over unchanged. The API, payments and payouts are not affected.' },
        // Only a demo left running for a week gets here; it should not stay "scheduled" forever.
        { at: 7 * DAY + 2 * HOUR, status: 'in_progress', body: 'The migration has started. If you are signed out, please sign in again.' },
        { at: 7 * DAY + 3 * HOUR + 20 * MINUTE, status: 'completed', body: 'The migration is complete and sign-in works normally.' },
      ],
    },
    {
      key: 'webhook-infrastructure',
      name: 'Webhook delivery infrastructure upgrade',
      scheduledFor: ago(19, 5),
      scheduledUntil: ago(19, 3),
      components: ['webhooks'],
      updates: [
        { at: ago(23, 2, 15), status: 'scheduled', body: 'We will move webhook delivery to new infrastructure. Webhooks may arrive up to five minutes late during the window. No events will be lost and delivery order is preserved.' },
        { at: ago(19, 5), status: 'in_progress', body: 'The maintenance is under way. Webhook deliveries are running up to a few minutes behind.' },
        { at: ago(19, 3, 30), status: 'completed', body: 'The maintenance is complete and webhook delivery is back to its usual speed. Thank you for your patience.' },
      ],
    },
  ],
};
