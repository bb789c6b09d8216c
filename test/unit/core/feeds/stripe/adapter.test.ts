import { describe, expect, it } from 'vitest';
import { stripeAdapter } from '../../../../../electron/core/feeds/stripe/adapter.ts';
import { ctx, doc, errorKindOf, own, snapshotOf } from '../json-adapter-support.ts';

const SOURCE = 'https://status.stripe.com/';

describe('Stripe status (shapes from public clients)', () => {
  it('reads /current/full: UptimeStatus, message and per-service warnings', () => {
    const snapshot = snapshotOf(stripeAdapter.parse({ main: own('stripe/current-full-degraded.json') }, ctx(SOURCE)));
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.status).toEqual({ level: 'degraded', description: 'Elevated error rates on the API' });
    expect(snapshot.components.map((c) => [c.id, c.name, c.status])).toEqual([
      ['api', 'API', 'degraded'],
      ['dashboard', 'Dashboard', 'operational'],
      ['checkout', 'Checkout', 'operational'],
      ['webhooks', 'Webhooks', 'operational'],
    ]);
    expect(snapshot.incidents).toEqual([]);
  });

  it('reads /current as Stripe’s CLI does: largestatus and up/degraded/down per service', () => {
    const snapshot = snapshotOf(stripeAdapter.parse({ main: own('stripe/current-statuses.json') }, ctx(SOURCE)));
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.status).toEqual({ level: 'major_outage', description: 'Stripe API is unavailable' });
    expect(snapshot.components.map((c) => [c.name, c.status])).toEqual([
      ['API', 'major_outage'],
      ['Dashboard', 'degraded'],
      ['Stripe.js', 'operational'],
      ['Checkout.js', 'operational'],
      ['Webhooks', 'operational'],
      ['Emails', 'operational'],
    ]);
  });

  it.each([['up', 'operational'], ['degraded', 'degraded'], ['down', 'major_outage']])('UptimeStatus %s reads as %s', (word, level) => {
    expect(snapshotOf(stripeAdapter.parse({ main: doc(JSON.stringify({ UptimeStatus: word, message: 'm' })) }, ctx(SOURCE))).status.level).toBe(level);
  });

  it('warns about an unknown status word and reports unknown', () => {
    const snapshot = snapshotOf(stripeAdapter.parse({ main: doc('{"UptimeStatus":"sideways","message":"?"}') }, ctx(SOURCE)));
    expect(snapshot.status.level).toBe('unknown');
    expect(snapshot.warnings).toEqual([expect.objectContaining({ code: 'unknown_status', path: 'UptimeStatus' })]);
  });

  it('rejects JSON without Stripe’s status key', () => {
    expect(errorKindOf(stripeAdapter.parse({ main: doc('{"status":"up","message":"fine"}') }, ctx(SOURCE)))).toBe('wrong_format');
  });
});
