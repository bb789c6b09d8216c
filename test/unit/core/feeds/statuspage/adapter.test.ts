import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statuspageJsonAdapter } from '../../../../../electron/core/feeds/statuspage/adapter.ts';
import { parseStatuspageIncident } from '../../../../../electron/core/feeds/statuspage/incident.ts';
import type { FeedDocuments, ParseResult } from '../../../../../electron/core/feeds/types.ts';
import type { FeedWarning, Snapshot } from '../../../../../shared/model/index.ts';
import { OWN_FIXTURES, SHARED_FIXTURES } from '../../../../support/paths.ts';

const STATUSPAGE = resolve(SHARED_FIXTURES, 'statuspage');
const HISTORY = resolve(STATUSPAGE, 'github-incident-history');
const CTX = { sourceUrl: 'https://www.githubstatus.com', fetchedAt: '2026-08-22T04:00:00.000Z' };

function doc(body: string | Uint8Array, url = 'https://www.githubstatus.com/api/v2/summary.json') {
  return { url, body: typeof body === 'string' ? new TextEncoder().encode(body) : body, contentType: 'application/json' };
}
function parse(docs: FeedDocuments): ParseResult {
  return statuspageJsonAdapter.parse(docs, CTX);
}
function snapshotOf(result: ParseResult): Snapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${result.error.kind}: ${result.error.message}`);
  return result.snapshot;
}
const readShared = (name: string): Uint8Array => readFileSync(resolve(STATUSPAGE, name));
const readOwn = (name: string): Uint8Array => readFileSync(resolve(OWN_FIXTURES, 'statuspage', name));

describe('Statuspage JSON: real GitHub captures', () => {
  it('reads every real GitHub capture in fixtures/statuspage with zero warnings', () => {
    // Other vendors' captures in the same folder are covered by the corpus test.
    const files = readdirSync(STATUSPAGE).filter((f) => f.startsWith('github-') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const snapshot = snapshotOf(parse({ summary: doc(readShared(file)) }));
      expect(snapshot.warnings, file).toEqual([]);
    }
  });

  it('shows the 2022-11-25 summary as a partial outage with 11 components and one open incident', () => {
    const snapshot = snapshotOf(parse({ summary: doc(readShared('github-summary-2022-11-25-partial-outage.json')) }));
    expect(snapshot.page).toEqual({ name: 'GitHub', url: 'https://www.githubstatus.com' });
    expect(snapshot.status).toEqual({ level: 'partial_outage', description: 'Minor Service Outage' });
    expect(snapshot.components).toHaveLength(11);
    expect(snapshot.components.find((c) => c.name === 'Packages')).toEqual({ id: 'st3j38cctv9l', name: 'Packages', group: null, status: 'partial_outage' });
    expect(snapshot.incidents).toHaveLength(1);
    const incident = snapshot.incidents[0]!;
    expect(incident).toMatchObject({ id: 'ljwdk6qml8z8', title: 'Incident with Packages and Pages', status: 'investigating', impact: 'major', resolvedAt: null });
    expect(incident.updates).toHaveLength(7);
    expect(incident.updates.map((u) => u.label)).toEqual(['Investigating', 'Update', 'Update', 'Update', 'Update', 'Update', 'Update']);
    expect(incident.url).toBe('https://www.githubstatus.com/incidents/ljwdk6qml8z8');
  });

  it('keeps a critical incident going investigating → identified → monitoring → resolved, oldest first', () => {
    const snapshot = snapshotOf(parse({ incidents: doc(readShared('github-incident-rgy28jwprr1c-critical-all-statuses.json')) }));
    const incident = snapshot.incidents[0]!;
    expect(incident.impact).toBe('critical');
    expect(incident.updates.map((u) => u.status)).toEqual(['investigating', 'identified', 'monitoring', 'resolved']);
    expect(incident.updates.map((u) => u.at)).toEqual([
      '2019-09-23T16:12:01.706Z', '2019-09-23T16:22:14.769Z', '2019-09-23T16:28:27.036Z', '2019-09-23T16:37:46.707Z',
    ]);
    expect(incident.resolvedAt).toBe('2019-09-23T16:37:46.707Z');
    expect(incident.components).toEqual(['Notifications']);
  });
});

describe('Statuspage JSON: the 214 real GitHub incidents', () => {
  const files = readdirSync(HISTORY).filter((f) => f.endsWith('.json')).sort();

  it('has the whole corpus', () => {
    expect(files).toHaveLength(214);
  });

  it('keeps every update of every incident, oldest first, at the displayed instant, with its status', () => {
    let updates = 0;
    for (const file of files) {
      const raw = JSON.parse(readFileSync(resolve(HISTORY, file), 'utf8')) as { incident: { id: string; incident_updates: { display_at: string; status: string; id: string }[] } };
      const warnings: FeedWarning[] = [];
      const incident = parseStatuspageIncident(raw.incident, 'incident', warnings, 'https://www.githubstatus.com');
      expect(warnings, file).toEqual([]);
      expect(incident?.id).toBe(raw.incident.id);
      const expected = [...raw.incident.incident_updates].reverse();
      expect(incident?.updates.length, file).toBe(expected.length);
      expected.forEach((u, i) => {
        const got = incident!.updates[i]!;
        expect(got.at, `${file} #${i}`).toBe(new Date(u.display_at).toISOString());
        expect(got.status).toBe(u.status);
        expect(got.id).toBe(u.id);
      });
      for (let i = 1; i < incident!.updates.length; i++) expect(incident!.updates[i - 1]!.at <= incident!.updates[i]!.at).toBe(true);
      updates += expected.length;
    }
    expect(updates).toBe(438);
  });

  it('reads the whole corpus through the adapter as one history document without warnings', () => {
    const incidents = files.map((f) => (JSON.parse(readFileSync(resolve(HISTORY, f), 'utf8')) as { incident: unknown }).incident);
    const body = JSON.stringify({ page: { id: 'kctbh9vrtdwd', name: 'GitHub', url: 'https://www.githubstatus.com' }, incidents });
    const snapshot = snapshotOf(parse({ incidents: doc(body) }));
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.incidents).toHaveLength(214);
    expect(snapshot.incidents.every((i) => i.status === 'resolved' && i.resolvedAt !== null)).toBe(true);
    expect(snapshot.status.level).toBe('operational');
  });
});

describe('Statuspage JSON: documented quirks (hand-made fixtures)', () => {
  const quirks = () => snapshotOf(parse({ summary: doc(readOwn('summary-quirks.json')) }));

  it('names component groups and never lists a group as a component', () => {
    const s = quirks();
    expect(s.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['API', null, 'degraded'],
      ['US East', 'Regions', 'maintenance'],
      ['EU West', 'Regions', 'operational'],
    ]);
  });

  it('converts page-local offsets to UTC, across a DST change', () => {
    const incident = quirks().incidents.find((i) => i.id === 'quay2016')!;
    expect(incident.updates.map((u) => u.at)).toEqual(['2016-02-02T15:43:09.551Z', '2016-06-02T14:43:09.551Z']);
    expect(incident.startedAt).toBe('2016-02-02T15:43:09.551Z');
  });

  it('does not turn the 2016 "No components were affected" placeholder into a component', () => {
    const incident = quirks().incidents.find((i) => i.id === 'quay2016')!;
    expect(incident.components).toEqual([]);
  });

  it('survives tweet_id numbers above 2^53 without a warning', () => {
    const s = quirks();
    expect(s.warnings).toEqual([]);
  });

  it('takes the postmortem from postmortem_body, and the status postmortem update as a fallback', () => {
    const s = quirks();
    expect(s.incidents.find((i) => i.id === 'quay2016')!.postmortem).toBe('Root cause: a bad deploy.\n\nWe rolled back.');
    const withUpdate = s.incidents.find((i) => i.id === 'pm1')!;
    expect(withUpdate.status).toBe('postmortem');
    expect(withUpdate.postmortem).toBe('A config push disabled the cache.');
    expect(withUpdate.updates.at(-1)).toMatchObject({ status: 'postmortem', label: 'Postmortem' });
    expect(withUpdate.resolvedAt).toBe('2024-03-01T11:00:00.000Z');
  });

  it('reads scheduled maintenances with their window and statuses', () => {
    const m = quirks().maintenances;
    expect(m.map((x) => [x.id, x.status, x.scheduledFor, x.scheduledUntil])).toEqual([
      ['mnt1', 'in_progress', '2024-03-02T10:00:00.000Z', '2024-03-02T12:00:00.000Z'],
    ]);
    expect(m[0]!.updates.map((u) => [u.status, u.label])).toEqual([['scheduled', 'Scheduled'], ['in_progress', 'In progress']]);
    expect(m[0]!.components).toEqual(['US East']);
  });

  it('warns, and carries on, for a present but unreadable date or an unknown status', () => {
    const s = snapshotOf(parse({ summary: doc(readOwn('summary-unreadable-fields.json')) }));
    expect(s.warnings.map((w) => [w.code, w.path])).toEqual([
      ['unknown_status', 'summary.components[0].status'],
      ['bad_date', 'summary.incidents[0].incident_updates[0].display_at'],
      ['unknown_status', 'summary.incidents[0].status'],
    ]);
    expect(s.components[0]!.status).toBe('unknown');
    expect(s.incidents[0]!.updates.map((u) => u.at)).toEqual(['2024-01-01T00:00:00.000Z']);
  });
});

describe('Statuspage JSON: merging summary and history', () => {
  const page = { id: 'p1', name: 'Acme', url: 'https://status.acme.test' };
  const incident = (updatedAt: string, status: string, body: string) => ({
    id: 'inc1', name: 'API errors', status, impact: 'major', created_at: '2024-05-01T10:00:00Z', updated_at: updatedAt,
    incident_updates: [{ id: `u-${updatedAt}`, status, body, display_at: updatedAt, created_at: updatedAt }],
  });

  it('keeps one copy of an incident present in both documents: the later updated_at wins', () => {
    const summary = JSON.stringify({ page, status: { indicator: 'major', description: 'Partial System Outage' }, components: [], incidents: [incident('2024-05-01T10:30:00Z', 'identified', 'fresh')], scheduled_maintenances: [] });
    const history = JSON.stringify({ page, incidents: [incident('2024-05-01T10:10:00Z', 'investigating', 'stale')] });
    const s = snapshotOf(parse({ summary: doc(summary), incidents: doc(history) }));
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]!.updates[0]!.body).toBe('fresh');
    const reversed = snapshotOf(parse({ summary: doc(history), incidents: doc(summary) }));
    expect(reversed.incidents[0]!.status).toBe('identified');
  });

  it('adds resolved history and maintenances from the optional documents', () => {
    const summary = JSON.stringify({ page, status: { indicator: 'none', description: 'All Systems Operational' }, components: [], incidents: [], scheduled_maintenances: [] });
    const history = JSON.stringify({ page, incidents: [incident('2024-05-01T11:00:00Z', 'resolved', 'done')] });
    const maint = JSON.stringify({ page, scheduled_maintenances: [{ id: 'm1', name: 'DB', status: 'completed', scheduled_for: '2024-04-01T00:00:00Z', scheduled_until: '2024-04-01T01:00:00Z', incident_updates: [] }] });
    const s = snapshotOf(parse({ summary: doc(summary), incidents: doc(history), maintenances: doc(maint) }));
    expect(s.incidents.map((i) => [i.id, i.status])).toEqual([['inc1', 'resolved']]);
    expect(s.maintenances.map((m) => [m.id, m.status])).toEqual([['m1', 'completed']]);
    expect(s.status).toEqual({ level: 'operational', description: 'All Systems Operational' });
  });

  it('reads the incidents document alone when there is no summary, and warns about a broken optional one', () => {
    const history = JSON.stringify({ page, incidents: [incident('2024-05-01T10:10:00Z', 'investigating', 'open')] });
    const s = snapshotOf(parse({ incidents: doc(history), maintenances: doc('<html><body>502</body></html>') }));
    expect(s.incidents).toHaveLength(1);
    expect(s.status.level).toBe('partial_outage');
    expect(s.warnings.map((w) => w.code)).toEqual(['document_html_page']);
  });
});

describe('Statuspage JSON: bad input never throws', () => {
  const deepJson = '['.repeat(10_000) + ']'.repeat(10_000);
  const cases: [string, Uint8Array | string, string][] = [
    ['empty body', '', 'empty_body'],
    ['truncated document', '{"page":{"id":"x","name":"GitHub"},"components":[{"id":"a"', 'malformed'],
    ['HTML error page', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>', 'html_page'],
    ['XML given to the JSON adapter', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'wrong_format'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'invalid_encoding'],
    ['10,000 levels of nesting', deepJson, 'malformed'],
    ['JSON of another platform', '{"activeIncidents":[],"page":{"status":"UP"}}', 'wrong_format'],
    ['a JSON string', '"hello"', 'wrong_format'],
  ];
  for (const [name, body, kind] of cases) {
    it(`answers ${kind} for ${name}, quickly`, () => {
      const started = performance.now();
      const result = parse({ summary: doc(body) });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe(kind);
    });
  }

  it('skips incidents without an id and odd values with warnings instead of throwing', () => {
    const body = JSON.stringify({ page: { id: 'p', name: 'X', url: 'https://x.test' }, incidents: [null, 3, { name: 'no id' }, { id: 'ok', incident_updates: 'nope', created_at: '2024-01-01T00:00:00Z' }], components: 'nope' });
    const s = snapshotOf(parse({ summary: doc(body) }));
    expect(s.incidents.map((i) => i.id)).toEqual(['ok']);
    expect(s.warnings.filter((w) => w.code === 'missing_field')).toHaveLength(3);
  });
});
