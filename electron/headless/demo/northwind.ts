import { ago, HOUR, MINUTE, type VendorScript } from './script.ts';

/**
 * Northwind Mail, the demo's quiet vendor (fictional; every word is ours): all operational for
 * the whole demo, with a little history. Next to Skyline it shows what "nothing is wrong" looks
 * like, which is most of what a status monitor shows.
 */
export const NORTHWIND: VendorScript = {
  id: 'northwind',
  name: 'Northwind Mail',
  groups: [{ key: 'sending', name: 'Sending', description: 'Outbound email' }],
  components: [
    { key: 'smtp', name: 'SMTP relay', description: 'Sending through SMTP', group: 'sending' },
    { key: 'api', name: 'Sending API', description: 'Sending through the HTTP API', group: 'sending' },
    { key: 'inbound', name: 'Inbound routing', description: 'Receiving email and routing it to mailboxes and webhooks' },
    { key: 'web', name: 'Web app', description: 'Sign-in, mailboxes and settings in the browser' },
  ],
  incidents: [
    {
      key: 'provider-delivery',
      name: 'Delayed delivery to some large mailbox providers',
      impact: 'minor',
      openedAt: ago(6, 4, 37),
      updates: [
        { after: 0, status: 'investigating', components: { smtp: 'degraded_performance' }, body: 'Messages to some large mailbox providers are being delivered up to 30 minutes late. They are queued and will not be lost.' },
        { after: 52 * MINUTE, status: 'monitoring', components: { smtp: 'operational' }, body: 'One provider was throttling connections from part of our sending pool. We have moved that traffic to other addresses and the queue is shrinking.' },
        { after: HOUR + 20 * MINUTE, status: 'resolved', components: { smtp: 'operational' }, body: 'Every queued message has been delivered and delivery times are back to normal.' },
      ],
    },
    {
      key: 'web-sign-in',
      name: 'Web app sign-in errors',
      impact: 'major',
      openedAt: ago(33, 1, 8),
      updates: [
        { after: 0, status: 'investigating', components: { web: 'partial_outage' }, body: 'Some users see an error when they sign in to the web app. Sending and receiving email are not affected.' },
        { after: 8 * MINUTE, status: 'identified', components: { web: 'partial_outage' }, body: 'An expired certificate on our session service is causing the errors. A new certificate is being installed.' },
        { after: 22 * MINUTE, status: 'resolved', components: { web: 'operational' }, body: 'The certificate has been replaced and sign-in works normally again.' },
      ],
    },
    {
      key: 'inbound-delays',
      name: 'Inbound messages delayed',
      impact: 'minor',
      openedAt: ago(77, 10, 51),
      updates: [
        { after: 0, status: 'investigating', components: { inbound: 'degraded_performance' }, body: 'Inbound messages are accepted but reach mailboxes up to 20 minutes late. We are working on it.' },
        { after: 2 * HOUR, status: 'resolved', components: { inbound: 'operational' }, body: 'Routing has caught up and inbound messages arrive within seconds again. A full disk on one routing node caused the backlog; the node has been replaced.' },
      ],
    },
  ],
  maintenances: [],
};
