import { describe, expect, it } from 'vitest';
import { ownFeed, parseFeed, snapshotOf } from './support.ts';

describe('Azure status RSS (hand-written from the documented feed): an active-only feed', () => {
  // Fetched 10 days after the older item was posted: a generic feed would call it over.
  const s = snapshotOf(parseFeed(ownFeed('azure-status-active.rss'), '2026-08-07T04:05:00.000Z'));

  it('says the feed lists only what is ongoing, and reads it without warning', () => {
    expect(s.source.listing).toBe('active');
    expect(s.warnings).toEqual([]);
    expect(s.page.name).toBe('Azure Status');
  });

  it('keeps every listed item open, however old, one update each at its pubDate', () => {
    expect(s.incidents.map((i) => [i.id, i.status, i.startedAt, i.updates.length])).toEqual([
      ['QK7T-9XZ', 'investigating', '2026-08-07T03:55:00.000Z', 1],
      ['7LMN-2BC', 'investigating', '2026-07-27T18:30:00.000Z', 1],
    ]);
    expect(s.status.level).toBe('degraded');
  });

  it('reads each <category> as an affected service or region', () => {
    expect(s.incidents.map((i) => i.components)).toEqual([['Azure Front Door', 'Azure CDN', 'Global'], ['Virtual Machines', 'West Europe']]);
  });

  it('keeps the item text as plain text with its link to the vendor\'s history page', () => {
    const first = s.incidents[0]!;
    expect(first.url).toBe('https://azure.status.microsoft/en-us/status/history/?trackingId=QK7T-9XZ');
    expect(first.updates[0]!.body).toBe('Impact Statement: Starting at 02:10 UTC on 07 Aug 2026, a subset of customers using Azure Front Door and Azure CDN may see intermittent connection errors & timeouts.\n\nCurrent Status: We are rerouting traffic. The next update will be provided within 60 minutes.');
  });

  it('leaves history feeds marked as history', () => {
    expect(snapshotOf(parseFeed(ownFeed('statuspage-history.rss'))).source.listing).toBeUndefined();
  });
});
