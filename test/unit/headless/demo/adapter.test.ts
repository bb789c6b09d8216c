import { describe, expect, it } from 'vitest';
import { endpointsFor } from '../../../../electron/core/feeds/endpoints.ts';
import { statuspageJsonAdapter } from '../../../../electron/core/feeds/statuspage/adapter.ts';
import type { FeedDocuments } from '../../../../electron/core/feeds/types.ts';
import { demoBase, demoTimeline } from '../../../../electron/headless/demo/timeline.ts';
import type { Snapshot, StatusLevel } from '../../../../shared/model/index.ts';

const START = Date.parse('2026-03-01T10:00:00.000Z');
const ORIGIN = 'http://127.0.0.1:4321';
const LIVE = 'Elevated decline rate for card payments';
const LIVE_MAINTENANCE = 'Reporting API database upgrade';

/**
 * What the app would make of a demo vendor `seconds` into the story: its documents handed to the
 * real Statuspage adapter under the roles endpoints.ts gives their paths.
 */
function snapshotAt(vendorId: string, seconds: number): Snapshot {
  const now = START + seconds * 1000;
  const docs = demoTimeline(START, now, { origin: ORIGIN })[vendorId]!;
  const base = demoBase(ORIGIN, vendorId);
  const documents: FeedDocuments = {};
  for (const endpoint of endpointsFor('statuspage-json', base)) {
    const body = docs[endpoint.role as keyof typeof docs];
    documents[endpoint.role] = { url: endpoint.url, body: new TextEncoder().encode(JSON.stringify(body)), contentType: 'application/json; charset=utf-8' };
  }
  const result = statuspageJsonAdapter.parse(documents, { sourceUrl: base, fetchedAt: new Date(now).toISOString() });
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.snapshot;
}
const componentLevel = (s: Snapshot, name: string): StatusLevel | undefined => s.components.find((c) => c.name === name)?.status;

/** One row per phase of the story: what the app must show then. */
const PHASES: { seconds: number; phase: string; level: StatusLevel; incident: string | null; updates: number; cards: StatusLevel; reporting: StatusLevel; maintenance: string }[] = [
  { seconds: 5, phase: 'before the incident', level: 'operational', incident: null, updates: 0, cards: 'operational', reporting: 'operational', maintenance: 'scheduled' },
  { seconds: 30, phase: 'investigating', level: 'degraded', incident: 'investigating', updates: 1, cards: 'degraded', reporting: 'operational', maintenance: 'scheduled' },
  { seconds: 75, phase: 'identified', level: 'partial_outage', incident: 'identified', updates: 2, cards: 'partial_outage', reporting: 'operational', maintenance: 'scheduled' },
  { seconds: 100, phase: 'identified, maintenance running', level: 'partial_outage', incident: 'identified', updates: 2, cards: 'partial_outage', reporting: 'maintenance', maintenance: 'in_progress' },
  { seconds: 150, phase: 'monitoring', level: 'degraded', incident: 'monitoring', updates: 3, cards: 'degraded', reporting: 'maintenance', maintenance: 'in_progress' },
  { seconds: 195, phase: 'resolved', level: 'maintenance', incident: 'resolved', updates: 4, cards: 'operational', reporting: 'maintenance', maintenance: 'in_progress' },
  { seconds: 220, phase: 'maintenance completed', level: 'operational', incident: 'resolved', updates: 4, cards: 'operational', reporting: 'operational', maintenance: 'completed' },
  { seconds: 250, phase: 'postmortem', level: 'operational', incident: 'postmortem', updates: 5, cards: 'operational', reporting: 'operational', maintenance: 'completed' },
  { seconds: 3600, phase: 'an hour later', level: 'operational', incident: 'postmortem', updates: 5, cards: 'operational', reporting: 'operational', maintenance: 'completed' },
];

describe('the demo read by the real Statuspage adapter', () => {
  for (const p of PHASES) {
    it(`shows Skyline ${p.phase} (${p.seconds}s) with zero warnings`, () => {
      const s = snapshotAt('skyline', p.seconds);
      expect(s.warnings).toEqual([]);
      expect(s.page).toEqual({ name: 'Skyline Payments', url: `${ORIGIN}/skyline` });
      expect(s.status.level).toBe(p.level);
      expect(s.components).toHaveLength(6);
      expect(componentLevel(s, 'Card payments')).toBe(p.cards);
      expect(componentLevel(s, 'Reporting API')).toBe(p.reporting);
      const incident = s.incidents.find((i) => i.title === LIVE);
      expect(incident?.status ?? null).toBe(p.incident);
      expect(incident?.updates.length ?? 0).toBe(p.updates);
      expect(s.maintenances.find((m) => m.title === LIVE_MAINTENANCE)?.status).toBe(p.maintenance);
      expect(s.incidents.filter((i) => i.title !== LIVE)).toHaveLength(10);
      expect(s.maintenances).toHaveLength(3);
    });
  }

  it('labels the live incident\'s updates as the vendor\'s page does, oldest first', () => {
    const incident = snapshotAt('skyline', 250).incidents.find((i) => i.title === LIVE)!;
    expect(incident.updates.map((u) => u.label)).toEqual(['Investigating', 'Identified', 'Monitoring', 'Resolved', 'Postmortem']);
    expect(incident.impact).toBe('major');
    expect(incident.components).toEqual(['Card payments', 'Payouts']);
    expect(incident.url).toBe(`${ORIGIN}/skyline/incidents/${incident.id}`);
  });

  it('reads the postmortem from postmortem_body once published, and none before', () => {
    expect(snapshotAt('skyline', 195).incidents.find((i) => i.title === LIVE)!.postmortem).toBeNull();
    const postmortem = snapshotAt('skyline', 250).incidents.find((i) => i.title === LIVE)!.postmortem!;
    expect(postmortem).toMatch(/^\*\*What happened\*\*\nShortly after a scheduled certificate rotation/);
    expect(postmortem).toContain('\n\n**Root cause**\n');
    expect(postmortem).toContain('\n- Health checks now send a test authorisation');
  });

  it('keeps the past postmortems in both shapes, and resolution times for every past incident', () => {
    const s = snapshotAt('skyline', 5);
    expect(s.incidents.every((i) => i.resolvedAt !== null && i.resolvedAt < new Date(START).toISOString())).toBe(true);
    const postmortems = s.incidents.filter((i) => i.postmortem).map((i) => i.title);
    expect(postmortems.sort()).toEqual(['Card payments failing in all regions', 'Intermittent errors creating payments through the API']);
    expect(s.incidents.find((i) => i.title === 'Card payments failing in all regions')!.postmortem).toContain('\n\nAction items\n- ');
  });

  it('shows the maintenance calendar with labels Scheduled, In progress, Completed', () => {
    const m = snapshotAt('skyline', 220).maintenances.find((x) => x.title === LIVE_MAINTENANCE)!;
    expect(m.updates.map((u) => u.label)).toEqual(['Scheduled', 'In progress', 'Completed']);
    expect(m.components).toEqual(['Reporting API']);
    expect(m.scheduledUntil).toBe(new Date(START + 210_000).toISOString());
  });

  it('shows Northwind operational with three resolved incidents at every phase', () => {
    for (const p of PHASES) {
      const s = snapshotAt('northwind', p.seconds);
      expect(s.warnings).toEqual([]);
      expect(s.status).toEqual({ level: 'operational', description: 'All Systems Operational' });
      expect(s.components.map((c) => `${c.group ?? ''}/${c.name}:${c.status}`)).toEqual([
        'Sending/SMTP relay:operational', 'Sending/Sending API:operational', '/Inbound routing:operational', '/Web app:operational',
      ]);
      expect(s.incidents.map((i) => i.status)).toEqual(['resolved', 'resolved', 'resolved']);
    }
  });
});
