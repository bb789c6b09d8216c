import { describe, expect, it } from 'vitest';
import { gcpAdapter } from '../../../../../electron/core/feeds/gcp/adapter.ts';
import { cleanGcpText } from '../../../../../electron/core/feeds/gcp/text.ts';
import { ctx, own, shared, snapshotOf } from '../json-adapter-support.ts';

const URL = 'https://status.cloud.google.com/incidents.json';

describe('Google Cloud incidents.json — real capture', () => {
  const snapshot = snapshotOf(gcpAdapter.parse({ main: shared('gcp/gcp-incidents-json-3-incidents-trimmed-text.json', URL) }, ctx(URL)));

  it('reads the three incidents with no warning, newest first', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.incidents.map((i) => [i.id, i.startedAt, i.resolvedAt, i.impact])).toEqual([
      ['3BvH3LVGcupoYqV6F4Nw', '2026-07-15T23:57:00.000Z', '2026-07-16T12:25:00.000Z', 'major'],
      ['T8gmtofFSTGT5tbhyciF', '2026-07-14T17:00:00.000Z', '2026-07-15T03:40:00.000Z', 'major'],
      ['5fGQt4VbkDnr3Yp8PXPr', '2026-06-05T07:00:00.000Z', '2026-06-26T19:00:00.000Z', 'major'],
    ]);
  });

  it('is operational with no components when nothing is open', () => {
    expect(snapshot.status).toEqual({ level: 'operational', description: 'Operational' });
    expect(snapshot.components).toEqual([]);
    expect(snapshot.page).toEqual({ name: 'Google Cloud', url: 'https://status.cloud.google.com/' });
  });

  it('names affected products and links to the incident page', () => {
    const first = snapshot.incidents[0];
    expect(first?.components).toEqual(['Bare Metal Solution', 'Google Cloud NetApp Volumes', 'VMWare engine']);
    expect(first?.url).toBe('https://status.cloud.google.com/incidents/3BvH3LVGcupoYqV6F4Nw');
  });

  it('recognises escaped and plain "Incident Report" updates as postmortems, with the escapes removed', () => {
    expect(snapshot.incidents.map((i) => i.status)).toEqual(['postmortem', 'postmortem', 'resolved']);
    expect(snapshot.incidents[0]?.postmortem?.split('\n').slice(0, 2)).toEqual(['# Incident Report', '## Summary']);
    expect(snapshot.incidents[1]?.postmortem?.startsWith('## Incident Report\n## Summary\nOn Tuesday, 14 July 2026')).toBe(true);
    expect(snapshot.incidents[2]?.postmortem).toBeNull();
    expect(snapshot.incidents[2]?.updates).toEqual([expect.objectContaining({ status: 'resolved', label: 'Available', at: '2026-06-29T23:06:10.000Z' })]);
  });
});

describe('Google Cloud incidents.json — open incidents (hand-written)', () => {
  const snapshot = snapshotOf(gcpAdapter.parse({ main: own('gcp/open-incident-and-resolved.json', URL) }, ctx(URL)));

  it('maps status_impact to impact and derives the level from open incidents only', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.incidents.map((i) => [i.title, i.status, i.impact])).toEqual([
      ['Cloud Run deployments failing in us-central1', 'investigating', 'critical'],
      ['BigQuery console shows stale job history', 'investigating', 'minor'],
      ['Cloud SQL connection errors', 'postmortem', 'major'],
    ]);
    expect(snapshot.status.level).toBe('major_outage');
  });

  it('lists only products of open incidents as components', () => {
    expect(snapshot.components.map((c) => [c.name, c.status])).toEqual([
      ['Cloud Build', 'major_outage'],
      ['Cloud Run', 'major_outage'],
      ['Google BigQuery', 'degraded'],
    ]);
  });

  it('turns newest-first updates into a chronological timeline ending in resolution and report', () => {
    expect(snapshot.incidents[2]?.updates.map((u) => [u.status, u.label, u.at])).toEqual([
      ['investigating', 'Service disruption', '2026-07-10T01:20:00.000Z'],
      ['resolved', 'Available', '2026-07-10T03:00:00.000Z'],
      ['postmortem', 'Incident Report', '2026-07-15T09:00:00.000Z'],
    ]);
    expect(snapshot.incidents[2]?.postmortem).toBe('# Incident Report\n## Summary\nCloud SQL instances in europe-west1 refused connections for 1 hour 40 minutes.\n## Root Cause\nA faulty configuration push.');
  });
});

describe('GCP Markdown clean-up', () => {
  it('keeps literal backslashes that escape nothing', () => {
    expect(cleanGcpText('path C:\\temp and \\*bold\\*')).toBe('path C:\\temp and *bold*');
  });
});
