import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsCurrentEventsAdapter } from '../../../../../electron/core/feeds/aws/current-events.ts';
import { feedXmlAdapter } from '../../../../../electron/core/feeds/feed/adapter.ts';
import type { ParseResult } from '../../../../../electron/core/feeds/types.ts';
import type { Snapshot } from '../../../../../shared/model/index.ts';
import { SHARED_FIXTURES } from '../../../../support/paths.ts';

const AWS = resolve(SHARED_FIXTURES, 'aws');
const CTX = { sourceUrl: 'https://health.aws.amazon.com', fetchedAt: '2026-08-22T04:00:00.000Z' };
const bytes = (body: string | Uint8Array): Uint8Array => (typeof body === 'string' ? new TextEncoder().encode(body) : body);
const events = (body: string | Uint8Array): ParseResult =>
  awsCurrentEventsAdapter.parse({ main: { url: 'https://health.aws.amazon.com/public/currentevents', body: bytes(body), contentType: 'application/json' } }, CTX);
const rss = (body: string | Uint8Array): ParseResult =>
  feedXmlAdapter.parse({ main: { url: 'https://status.aws.amazon.com/rss/all.rss', body: bytes(body), contentType: 'application/rss+xml' } }, CTX);
function snapshotOf(result: ParseResult): Snapshot {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.snapshot;
}

describe('AWS current events JSON (real excerpt)', () => {
  const s = snapshotOf(events(readFileSync(resolve(AWS, 'aws-health-currentevents-excerpt.json'))));

  it('reads the capture with zero warnings', () => {
    expect(s.warnings).toEqual([]);
    expect(s.source).toMatchObject({ platform: 'aws', format: 'aws-currentevents' });
  });

  it('says its feed lists only ongoing events, so an event that leaves it is over', () => {
    expect(s.source.listing).toBe('active');
  });

  it('turns the UAE event into an open major incident with its event log as updates', () => {
    expect(s.incidents).toHaveLength(1);
    const incident = s.incidents[0]!;
    expect(incident).toMatchObject({ title: 'Increased Error Rates', status: 'investigating', impact: 'major', startedAt: '2026-03-01T12:51:25.000Z', resolvedAt: null });
    expect(incident.updates).toEqual([{
      id: null, status: 'investigating', label: 'Informational message', at: '2026-03-01T12:51:25.000Z',
      body: 'We are investigating issues with AWS services in the ME-CENTRAL-1 Region.',
    }]);
    expect(incident.components).toContain('Amazon Elastic Compute Cloud');
  });

  it('lists impacted services as components at their current level, grouped by region', () => {
    expect(s.components.map((c) => [c.id, c.status, c.group])).toEqual([
      ['cloudwatchsynthetics-me-central-1', 'major_outage', 'UAE'],
      ['globalaccelerator', 'operational', 'UAE'],
      ['route53', 'operational', 'UAE'],
      ['management-console', 'operational', 'UAE'],
      ['ec2-me-central-1', 'major_outage', 'UAE'],
    ]);
    expect(s.status.level).toBe('major_outage');
  });

  it('coerces numbers and strings alike, marks status "0" resolved, and warns on unknown codes', () => {
    const body = JSON.stringify([
      { date: 1700000000, status: 0, service: 's3-us-east-1', service_name: 'Amazon S3', summary: 'Errors', event_log: [{ message: 'Fixed', status: '0', timestamp: '1700003600' }], impacted_services: {} },
      { date: '1700000000', status: '7', service: 'x', summary: 'Odd', event_log: [], impacted_services: { x: { service_name: 'X', current: 'nine' } } },
    ]);
    const snap = snapshotOf(events(body));
    const s3 = snap.incidents.find((i) => i.title === 'Errors')!;
    expect([s3.status, s3.resolvedAt, s3.components]).toEqual(['resolved', '2023-11-14T23:13:20.000Z', ['Amazon S3']]);
    expect(snap.warnings.map((w) => w.code)).toEqual(['unknown_status', 'unknown_status']);
    expect(snap.components[0]!.status).toBe('unknown');
  });
});

describe('AWS RSS (real excerpt)', () => {
  const s = snapshotOf(rss(readFileSync(resolve(AWS, 'aws-health-history-rss-trimmed.rss'))));

  it('is recognised as AWS and read with zero warnings', () => {
    expect(s.warnings).toEqual([]);
    expect(s.source.platform).toBe('aws');
    // One item per update, kept after newer ones: a history, where leaving the feed proves nothing.
    expect(s.source.listing ?? 'history').toBe('history');
  });

  it('groups items by service: two services, the Bahrain one with two updates, PST/PDT converted', () => {
    expect(s.incidents.map((i) => [i.id, i.updates.length, i.impact, i.status])).toEqual([
      ['multipleservices-me-central-1_1777533954', 1, 'major', 'investigating'],
      ['multipleservices-me-south-1_1772556000', 2, 'major', 'investigating'],
    ]);
    const bahrain = s.incidents[1]!;
    expect(bahrain.updates.map((u) => [u.at, u.label])).toEqual([
      ['2026-03-03T16:40:00.000Z', 'Service impact'],
      ['2026-04-30T07:07:11.000Z', 'Service disruption'],
    ]);
    expect(bahrain.title).toBe('Increased Connectivity Issues and API Error Rates');
  });

  it('closes an event at "Service is operating normally" and opens a new one after it', () => {
    const item = (title: string, date: string, epoch: number) =>
      `<item><title><![CDATA[${title}]]></title><link>https://status.aws.amazon.com/</link><pubDate>${date}</pubDate><guid isPermaLink="false">https://status.aws.amazon.com/#ec2-us-east-1_${epoch}</guid><description><![CDATA[<p>${title}</p>]]></description></item>`;
    const body = `<rss version="2.0"><channel><title>Amazon EC2 (N. Virginia) Service Status</title><link>https://status.aws.amazon.com/</link><generator>AWS Service Health Dashboard RSS Generator</generator>
      ${item('Service is operating normally: [RESOLVED] Errors', 'Tue, 14 Nov 2023 18:00:00 PST', 1700013600)}
      ${item('Informational message: Errors', 'Tue, 14 Nov 2023 16:00:00 PST', 1700006400)}
      ${item('Service impact: Latency', 'Wed, 15 Nov 2023 09:00:00 PST', 1700067600)}</channel></rss>`;
    const snap = snapshotOf(rss(body));
    expect(snap.warnings).toEqual([]);
    expect(snap.incidents.map((i) => [i.id, i.status, i.impact, i.resolvedAt, i.updates.map((u) => u.status)])).toEqual([
      ['ec2-us-east-1_1700067600', 'investigating', 'minor', null, ['investigating']],
      ['ec2-us-east-1_1700006400', 'resolved', 'none', '2023-11-15T02:00:00.000Z', ['investigating', 'resolved']],
    ]);
  });
});

describe('AWS current events: bad input never throws', () => {
  const cases: [string, string | Uint8Array, string][] = [
    ['empty body', '', 'empty_body'],
    ['truncated document', '[{"date":"1772369485","status":"3","event_log":[{"summary"', 'malformed'],
    ['HTML error page', '<html><head><title>Access Denied</title></head></html>', 'html_page'],
    ['XML given to the JSON adapter', '<?xml version="1.0"?><rss version="2.0"></rss>', 'wrong_format'],
    ['invalid UTF-8', new Uint8Array([0x5b, 0xed, 0xa0, 0x80, 0x5d]), 'invalid_encoding'],
    ['10,000 levels of nesting', '['.repeat(10_000) + ']'.repeat(10_000), 'malformed'],
    ['an object instead of the events array', '{"events":[]}', 'wrong_format'],
  ];
  for (const [name, body, kind] of cases) {
    it(`answers ${kind} for ${name}, quickly`, () => {
      const started = performance.now();
      const result = events(body);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(result.ok ? 'ok' : result.error.kind).toBe(kind);
    });
  }

  it('reads a UTF-16 body with a byte-order mark', () => {
    const text = readFileSync(resolve(AWS, 'aws-health-currentevents-excerpt.json'), 'utf8');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(snapshotOf(events(utf16)).incidents).toHaveLength(1);
  });
});
