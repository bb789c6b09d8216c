import { describe, expect, it } from 'vitest';
import { DEMO_STORY_MS, demoTimeline, type DemoDocuments } from '../../../../electron/headless/demo/timeline.ts';
import type { StatuspageIncident } from '../../../../electron/headless/demo/statuspage-types.ts';

const START = Date.parse('2026-03-01T10:00:00.000Z');
const ORIGIN = 'http://127.0.0.1:4321';
const DAY = 86_400_000;
const LIVE = 'Elevated decline rate for card payments';
const LIVE_MAINTENANCE = 'Reporting API database upgrade';

/** Skyline's documents `seconds` after the start. */
function skylineAt(seconds: number, speed = 1): DemoDocuments {
  return demoTimeline(START, START + seconds * 1000, { origin: ORIGIN, speed })['skyline']!;
}
function live(docs: DemoDocuments): StatuspageIncident | undefined {
  return docs.incidents.incidents.find((i) => i.name === LIVE);
}
function liveMaintenance(docs: DemoDocuments): StatuspageIncident {
  return docs.maintenances.scheduled_maintenances.find((m) => m.name === LIVE_MAINTENANCE)!;
}
function componentStatus(docs: DemoDocuments, name: string): string | undefined {
  return docs.summary.components.find((c) => c.name === name && !c.group)?.status;
}
/** Every instant the documents carry, wherever it sits. */
function instants(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) instants(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (/_(at|for|until)$/.test(k) && typeof v === 'string') out.push(v);
      else instants(v, out);
    }
  }
  return out;
}

describe('the demo timeline: Skyline\'s live incident', () => {
  it('shows everything operational with no open incident before the incident opens', () => {
    const docs = skylineAt(5);
    expect(docs.summary.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    expect(docs.summary.incidents).toEqual([]);
    expect(live(docs)).toBeUndefined();
    expect(docs.summary.components.every((c) => c.status === 'operational')).toBe(true);
  });

  it('opens about 15 s in as investigating, major impact, with card payments degraded', () => {
    const docs = skylineAt(30);
    const incident = live(docs)!;
    expect(incident).toMatchObject({ status: 'investigating', impact: 'major', resolved_at: null, postmortem_body: null });
    expect(incident.incident_updates).toHaveLength(1);
    expect(docs.summary.incidents.map((i) => i.name)).toEqual([LIVE]);
    expect(componentStatus(docs, 'Card payments')).toBe('degraded_performance');
    expect(docs.summary.status).toEqual({ indicator: 'minor', description: 'Minor Service Outage' });
  });

  it('is identified after about a minute, with card payments in partial outage and payouts degraded', () => {
    const docs = skylineAt(75);
    expect(live(docs)).toMatchObject({ status: 'identified' });
    expect(live(docs)!.incident_updates.map((u) => u.status)).toEqual(['identified', 'investigating']);
    expect(componentStatus(docs, 'Card payments')).toBe('partial_outage');
    expect(componentStatus(docs, 'Payouts')).toBe('degraded_performance');
    expect(docs.summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
  });

  it('is monitoring after two minutes, recovering, with the affected components it listed before', () => {
    const docs = skylineAt(150);
    const incident = live(docs)!;
    expect(incident.status).toBe('monitoring');
    expect(incident.monitoring_at).not.toBeNull();
    expect(incident.incident_updates).toHaveLength(3);
    expect(incident.incident_updates[0]!.affected_components).toEqual([
      expect.objectContaining({ name: 'Card payments', old_status: 'partial_outage', new_status: 'degraded_performance' }),
      expect.objectContaining({ name: 'Payouts', old_status: 'degraded_performance', new_status: 'operational' }),
    ]);
    expect(componentStatus(docs, 'Card payments')).toBe('degraded_performance');
    expect(componentStatus(docs, 'Payouts')).toBe('operational');
    expect(docs.summary.status.indicator).toBe('minor');
  });

  it('is resolved after three minutes and leaves the summary, while the maintenance still runs', () => {
    const docs = skylineAt(195);
    const incident = live(docs)!;
    expect(incident.status).toBe('resolved');
    expect(incident.resolved_at).toBe(incident.incident_updates[0]!.created_at);
    expect(incident.incident_updates).toHaveLength(4);
    expect(incident.postmortem_body).toBeNull();
    expect(docs.summary.incidents).toEqual([]);
    expect(componentStatus(docs, 'Card payments')).toBe('operational');
    expect(componentStatus(docs, 'Reporting API')).toBe('under_maintenance');
    expect(docs.summary.status).toEqual({ indicator: 'maintenance', description: 'Service Under Maintenance' });
  });

  it('gets a markdown postmortem after four minutes, with its sections and a bullet list', () => {
    const docs = skylineAt(250);
    const incident = live(docs)!;
    expect(incident.status).toBe('postmortem');
    expect(incident.incident_updates).toHaveLength(5);
    expect(incident.postmortem_published_at).not.toBeNull();
    for (const heading of ['**What happened**', '**Impact**', '**Root cause**', '**What we are doing**']) expect(incident.postmortem_body).toContain(heading);
    expect(incident.postmortem_body!.split('\n').filter((l) => l.startsWith('- ')).length).toBeGreaterThanOrEqual(3);
    expect(docs.summary.status.indicator).toBe('none');
  });

  it('lists updates newest first, each with its own text, timed after the start', () => {
    const updates = live(skylineAt(250))!.incident_updates;
    expect(updates.map((u) => u.status)).toEqual(['postmortem', 'resolved', 'monitoring', 'identified', 'investigating']);
    expect(new Set(updates.map((u) => u.body)).size).toBe(5);
    const times = updates.map((u) => Date.parse(u.created_at) - START);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times.at(-1)).toBeGreaterThanOrEqual(15_000);
    expect(times.at(-1)).toBeLessThan(16_000);
  });

  it('changes nothing once the story is over: the incident stays resolved, in history', () => {
    const end = demoTimeline(START, START + DEMO_STORY_MS, { origin: ORIGIN });
    const dayLater = demoTimeline(START, START + DAY, { origin: ORIGIN });
    expect(dayLater).toEqual(end);
    expect(live(end['skyline']!)!.status).toBe('postmortem');
  });

  it('runs the same story faster with a higher speed, dated in the past of the wall clock', () => {
    const docs = skylineAt(25, 10);
    expect(live(docs)!.status).toBe('postmortem');
    expect(Math.max(...instants(docs.incidents).map(Date.parse))).toBeLessThanOrEqual(START + 25_000);
    expect(live(skylineAt(1, 10))).toBeUndefined();
  });
});

describe('the demo timeline: maintenances', () => {
  it('announces the live maintenance a day before the start and keeps it scheduled until its window', () => {
    const m = liveMaintenance(skylineAt(30));
    expect(m.status).toBe('scheduled');
    expect(Date.parse(m.created_at) - START).toBeGreaterThanOrEqual(-DAY);
    expect(Date.parse(m.created_at) - START).toBeLessThan(-DAY + 1000);
    expect([Date.parse(m.scheduled_for!) - START, Date.parse(m.scheduled_until!) - START]).toEqual([90_000, 210_000]);
    expect(m.incident_updates).toHaveLength(1);
    expect(skylineAt(30).summary.scheduled_maintenances.map((x) => x.name)).toContain(LIVE_MAINTENANCE);
  });

  it('is in progress during its window, with its component under maintenance', () => {
    const docs = skylineAt(100);
    expect(liveMaintenance(docs).status).toBe('in_progress');
    expect(liveMaintenance(docs).incident_updates.map((u) => u.status)).toEqual(['in_progress', 'scheduled']);
    expect(componentStatus(docs, 'Reporting API')).toBe('under_maintenance');
  });

  it('is completed after its window, with three updates, and leaves the summary', () => {
    const docs = skylineAt(220);
    const m = liveMaintenance(docs);
    expect(m.status).toBe('completed');
    expect(m.incident_updates.map((u) => u.status)).toEqual(['completed', 'in_progress', 'scheduled']);
    expect(componentStatus(docs, 'Reporting API')).toBe('operational');
    expect(docs.summary.scheduled_maintenances.map((x) => x.name)).toEqual(['Dashboard sign-in provider migration']);
    expect(docs.summary.status.indicator).toBe('none');
  });

  it('has one maintenance next week still scheduled, and one completed in the past', () => {
    const all = skylineAt(220).maintenances.scheduled_maintenances;
    const next = all.find((m) => m.name === 'Dashboard sign-in provider migration')!;
    expect(next.status).toBe('scheduled');
    expect(Date.parse(next.scheduled_for!) - START).toBeGreaterThan(6 * DAY);
    expect(Date.parse(next.scheduled_for!) - START).toBeLessThan(8 * DAY);
    const past = all.filter((m) => Date.parse(m.scheduled_until!) < START);
    expect(past.map((m) => m.status)).toEqual(['completed']);
    expect(past[0]!.incident_updates.map((u) => u.status)).toEqual(['completed', 'in_progress', 'scheduled']);
  });
});

describe('the demo timeline: history', () => {
  const history = skylineAt(5).incidents.incidents;

  it('gives Skyline 8–12 resolved incidents over the past ~90 days, with every impact and varied lengths', () => {
    expect(history.length).toBeGreaterThanOrEqual(8);
    expect(history.length).toBeLessThanOrEqual(12);
    expect(history.every((i) => i.status === 'resolved' || i.status === 'postmortem')).toBe(true);
    const ages = history.map((i) => (START - Date.parse(i.started_at)) / DAY);
    expect(Math.max(...ages)).toBeGreaterThan(60);
    expect(Math.max(...ages)).toBeLessThanOrEqual(90);
    expect(new Set(history.map((i) => i.impact))).toEqual(new Set(['none', 'minor', 'major', 'critical']));
    const minutes = history.map((i) => (Date.parse(i.resolved_at!) - Date.parse(i.started_at)) / 60_000);
    expect(Math.min(...minutes)).toBeLessThan(20);
    expect(Math.max(...minutes)).toBeGreaterThan(180);
    for (const i of history) {
      const statuses = i.incident_updates.filter((u) => u.status !== 'postmortem');
      expect(statuses.length, i.name).toBeGreaterThanOrEqual(2);
      expect(statuses.length, i.name).toBeLessThanOrEqual(5);
      expect(i.components.length, i.name).toBeGreaterThan(0);
    }
  });

  it('has one narrative postmortem and one structured into sections with bullet lists', () => {
    const bodies = history.map((i) => i.postmortem_body).filter((b): b is string => !!b);
    expect(bodies).toHaveLength(2);
    const headings = ['Summary', 'Impact', 'Root cause', 'Resolution', 'Lessons', 'Action items'];
    const structured = bodies.find((b) => b.startsWith('Summary\n'))!;
    expect(structured.split('\n').filter((l) => headings.includes(l))).toEqual(headings);
    const after = (heading: string): string[] => structured.split(`${heading}\n`)[1]!.split('\n\n')[0]!.split('\n');
    expect(after('Lessons').every((l) => l.startsWith('- '))).toBe(true);
    expect(after('Action items').every((l) => l.startsWith('- '))).toBe(true);
    const narrative = bodies.find((b) => b !== structured)!;
    expect(narrative.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(narrative.split('\n').some((l) => headings.includes(l) || l.startsWith('**') || l.startsWith('- '))).toBe(false);
  });

  it('keeps Northwind operational all along, with a few past incidents and nothing live', () => {
    for (const seconds of [0, 30, 75, 150, 195, 250, 3600]) {
      const docs = demoTimeline(START, START + seconds * 1000, { origin: ORIGIN })['northwind']!;
      expect(docs.summary.status, `${seconds}s`).toEqual({ indicator: 'none', description: 'All Systems Operational' });
      expect(docs.summary.components.every((c) => c.status === 'operational')).toBe(true);
      expect(docs.summary.incidents).toEqual([]);
      expect(docs.incidents.incidents).toHaveLength(3);
      expect(docs.incidents.incidents.every((i) => i.status === 'resolved' && Date.parse(i.resolved_at!) < START)).toBe(true);
    }
  });
});

describe('the demo timeline: looks like Statuspage, replays exactly', () => {
  it('dates everything as UTC ISO with milliseconds, and never after now', () => {
    for (const seconds of [0, 30, 100, 195, 250]) {
      const now = START + seconds * 1000;
      const all = instants(demoTimeline(START, now, { origin: ORIGIN }));
      expect(all.length).toBeGreaterThan(50);
      for (const at of all) expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      // Only a maintenance window may lie ahead; nothing the vendor posted can.
      const posted = instants(demoTimeline(START, now, { origin: ORIGIN }).skyline!.incidents);
      expect(posted.every((at) => Date.parse(at) <= now)).toBe(true);
    }
  });

  it('serves the page object, shortlinks and incident ids a Statuspage client expects', () => {
    const docs = skylineAt(30);
    expect(docs.summary.page).toMatchObject({ name: 'Skyline Payments', url: `${ORIGIN}/skyline`, time_zone: 'Etc/UTC' });
    expect(docs.summary.page.id).toMatch(/^[a-z0-9]{12}$/);
    const incident = live(docs)!;
    expect(incident.id).toMatch(/^[a-z0-9]{12}$/);
    expect(incident.shortlink).toBe(`${ORIGIN}/s/${incident.id}`);
    expect(incident.page_id).toBe(docs.summary.page.id);
    expect(docs.summary.components.filter((c) => c.group).map((c) => c.name)).toEqual(['Payments']);
    expect(docs.summary.components.filter((c) => !c.group)).toHaveLength(6);
  });

  it('serves identical documents for the same start and now, and new incident ids for a new start', () => {
    const a = demoTimeline(START, START + 100_000, { origin: ORIGIN });
    expect(JSON.stringify(demoTimeline(START, START + 100_000, { origin: ORIGIN }))).toBe(JSON.stringify(a));
    const b = demoTimeline(START + 1, START + 100_001, { origin: ORIGIN });
    expect(live(b['skyline']!)!.id).not.toBe(live(a['skyline']!)!.id);
    expect(b['skyline']!.summary.components.map((c) => c.id)).toEqual(a['skyline']!.summary.components.map((c) => c.id));
  });

  it('refuses a speed that is not a positive number', () => {
    expect(() => demoTimeline(START, START, { origin: ORIGIN, speed: 0 })).toThrow(RangeError);
    expect(() => demoTimeline(START, START, { origin: ORIGIN, speed: Number.NaN })).toThrow(RangeError);
  });
});
