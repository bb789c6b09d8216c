import { describe, expect, it } from 'vitest';
import { incidentioCompatAdapter } from '../../../../../electron/core/feeds/incidentio/compat.ts';
import { ctx, doc, errorKindOf, shared, snapshotOf } from '../json-adapter-support.ts';
import { COMPAT_SUMMARY } from './compat-summary.ts';

describe('incident.io Statuspage-compatible summary', () => {
  it('reads the summary as Statuspage would and names the platform incident.io', () => {
    const s = snapshotOf(incidentioCompatAdapter.parse({ summary: doc(COMPAT_SUMMARY) }, ctx('https://status.aiven.io/')));
    expect(s.source).toMatchObject({ platform: 'incidentio', format: 'incidentio-compat' });
    expect(s.components.map((c) => [c.name, c.status])).toEqual([['Aiven', 'partial_outage'], ['Support Ticketing System', 'operational']]);
    expect(s.status.level).toBe('partial_outage');
  });

  it('leaves a real Statuspage summary (GitHub) to the Statuspage reader', () => {
    expect(errorKindOf(incidentioCompatAdapter.parse({ summary: shared('statuspage/github-summary-2022-11-25-partial-outage.json') }, ctx('https://www.githubstatus.com/')))).toBe('wrong_format');
  });
});
