import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ftsQuery, type HistoryStore } from '../../../../electron/core/history/index.ts';
import { incident, openStore, poll, snapshot, STRIPE, tempDir, update } from './factories.ts';

let tmp: ReturnType<typeof tempDir>;
let store: HistoryStore;

const filler = 'Our engineers continue to look at the queue backlog and the database failover while customers may see slower responses in several regions today';

beforeEach(() => {
  tmp = tempDir();
  store = openStore(tmp.file());
  store.applyPoll(poll('2024-05-02T00:00:00.000Z', {
    snapshot: snapshot({
      incidents: [
        incident('hooks', [update('2024-05-01T10:00:00.000Z', 'Deliveries are queued.'), update('2024-05-01T11:00:00.000Z', 'All deliveries sent.', 'resolved', 'Resolved')], { title: 'Webhooks delayed' }),
        incident('git', [update('2024-04-20T08:00:00.000Z', `${filler}; webhooks are unaffected. ${filler}.`)], { title: 'Git operations degraded' }),
        incident('pm', [update('2024-03-01T09:00:00.000Z', 'Investigating elevated errors.'), update('2024-03-01T10:00:00.000Z', 'Resolved.', 'resolved', 'Resolved')], {
          title: 'Elevated API errors', status: 'postmortem',
          postmortem: 'A misconfigured load balancer certificate rotation caused TLS handshake failures.',
        }),
      ],
    }),
  }));
  store.applyPoll(poll('2024-05-02T00:00:00.000Z', {
    vendor: STRIPE,
    snapshot: snapshot({ incidents: [incident('s1', [update('2024-05-01T09:00:00.000Z', 'Webhooks to some endpoints are delayed.')], { title: 'Delayed webhooks' })] }),
  }));
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('full-text search', () => {
  it('finds words in titles, updates and postmortems, saying where each matched', () => {
    expect(store.search({ query: 'Webhooks delayed', vendorId: 'github' }).map((h) => [h.incidentId, h.field])).toEqual([['hooks', 'title']]);
    expect(store.search({ query: 'deliveries' }).map((h) => [h.incidentId, h.field, h.snippet])).toEqual(expect.arrayContaining([
      ['hooks', 'update', 'All «deliveries» sent.'],
      ['hooks', 'update', '«Deliveries» are queued.'],
    ]));
    const pm = store.search({ query: 'certificate rotation' });
    expect(pm.map((h) => [h.vendorName, h.incidentId, h.title, h.field])).toEqual([['GitHub', 'pm', 'Elevated API errors', 'postmortem']]);
    expect(pm[0]?.snippet).toContain('«certificate» «rotation»');
  });

  it('matches word forms (delays finds delayed) and the word being typed (webh finds webhooks)', () => {
    expect(store.search({ query: 'delays', vendorId: 'github' }).map((h) => h.incidentId)).toEqual(['hooks']);
    expect(new Set(store.search({ query: 'webh' }).map((h) => h.incidentId))).toEqual(new Set(['hooks', 'git', 's1']));
  });

  it('ranks a short title about the words above a long update that mentions one in passing', () => {
    // Newer than the title match, so date order alone would put it first.
    store.applyPoll(poll('2024-05-06T00:00:00.000Z', {
      snapshot: snapshot({ incidents: [incident('later', [update('2024-05-05T08:00:00.000Z', `${filler}; webhooks are unaffected.`)], { title: 'Slow pushes' })] }),
    }));
    const hits = store.search({ query: 'webhooks', vendorId: 'github' });
    expect(hits[0]).toMatchObject({ incidentId: 'hooks', field: 'title' });
    expect(hits.map((h) => h.incidentId).sort()).toEqual(['git', 'hooks', 'later']);
  });

  it('filters by vendor, date and limit', () => {
    expect(store.search({ query: 'webhooks', vendorId: 'stripe' }).map((h) => [h.vendorName, h.incidentId])).toEqual([['Stripe', 's1'], ['Stripe', 's1']]);
    expect(store.search({ query: 'webhooks', since: '2024-05-01T00:00:00.000Z' }).every((h) => h.at >= '2024-05-01T00:00:00.000Z')).toBe(true);
    expect(store.search({ query: 'webhooks', since: '2024-05-01T00:00:00.000Z' }).map((h) => h.incidentId)).not.toContain('git');
    expect(store.search({ query: 'webhooks', limit: 1 })).toHaveLength(1);
  });

  it('treats FTS syntax typed by a user as plain words instead of throwing', () => {
    const hostile = ['"webhooks', 'AND OR', 'NOT', 'webhooks OR', 'NEAR(webhooks', '*', '-webhooks', 'title:webhooks', '^webhooks', "'", ')(', '""', 'a"b"c', '\u0000', 'webhooks*)'];
    for (const q of hostile) expect(() => store.search({ query: q }), q).not.toThrow();
    expect(store.search({ query: '"webhooks' }).length).toBeGreaterThan(0);
    expect(store.search({ query: 'title:webhooks', vendorId: 'github' }).map((h) => h.incidentId)).toEqual([]); // "title" AND "webhooks": no incident has both
    expect(store.search({ query: '""' })).toEqual([]);
    expect(ftsQuery('foo "bar AND')).toBe('"foo" AND "bar" AND "AND"*');
    expect(ftsQuery(' ,;* ')).toBeNull();
  });

  it('keeps the index in step with edits: a retitled incident is found by its new title only', () => {
    store.applyPoll(poll('2024-05-03T00:00:00.000Z', {
      snapshot: snapshot({ incidents: [incident('hooks', [update('2024-05-01T10:00:00.000Z', 'Deliveries are queued.')], { title: 'Event delivery latency' })] }),
    }));
    expect(store.search({ query: 'latency' }).map((h) => [h.incidentId, h.field])).toEqual([['hooks', 'title']]);
    expect(store.search({ query: 'Webhooks delayed', vendorId: 'github' })).toEqual([]);
    expect(store.search({ query: 'sent', vendorId: 'github' })).toEqual([]); // that update is gone from the vendor's timeline
    expect(() => store.get("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });
});
