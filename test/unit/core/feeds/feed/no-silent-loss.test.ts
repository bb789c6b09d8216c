import { describe, expect, it } from 'vitest';
import { parseFeed, snapshotOf } from './support.ts';
import { atomFeed, statuspageEntry } from './timeline-builders.ts';

const ok = statuspageEntry('ok1', 'Fine one', '2024-05-01T10:05:00Z', [{ stamp: 'May 1, 10:05 UTC', label: 'Resolved', body: 'Fixed.' }]);
const read = (...entries: string[]) => snapshotOf(parseFeed(atomFeed(ok, ...entries)));

describe('no silent loss: what the feed adapter cannot read is said, naming the entry', () => {
  it('warns once about a stamp zone it does not know, naming the incident, and reads it as UTC', () => {
    const s = read(statuspageEntry('z1', 'Odd zone', '2024-05-01T12:00:00Z', [
      { stamp: 'May 1, 11:00 ABCT', label: 'Resolved', body: 'b' },
      { stamp: 'May 1, 10:00 ABCT', label: 'Investigating', body: 'a' },
    ]));
    expect(s.warnings).toEqual([{ code: 'unknown_zone', message: expect.stringMatching(/^"Odd zone" \(z1\): unknown time zone "ABCT"/), path: 'entry[1].content' }]);
    expect(s.incidents.find((i) => i.id === 'z1')!.updates.map((u) => u.at)).toEqual(['2024-05-01T10:00:00.000Z', '2024-05-01T11:00:00.000Z']);
  });

  it('warns about a status word it does not know and keeps the update without changing the status', () => {
    const s = read(statuspageEntry('l1', 'Odd label', '2024-05-01T12:00:00Z', [
      { stamp: 'May 1, 11:00 UTC', label: 'Escalated', body: 'b' },
      { stamp: 'May 1, 10:00 UTC', label: 'Investigating', body: 'a' },
    ]));
    expect(s.warnings).toEqual([{ code: 'unknown_label', message: expect.stringMatching(/^"Odd label" \(l1\): unknown update label "Escalated"/), path: 'entry[1].content' }]);
    expect(s.incidents.find((i) => i.id === 'l1')!.updates.map((u) => [u.label, u.status])).toEqual([['Investigating', 'investigating'], ['Escalated', 'investigating']]);
  });

  it('warns when a stamp-like time cannot be read, instead of quietly merging that update into the previous one', () => {
    const s = read(statuspageEntry('s1', 'Bad stamp', '2024-05-01T12:00:00Z', [
      { stamp: 'May 1, 25:99 UTC', label: 'Resolved', body: 'b' },
      { stamp: 'May 1, 10:00 UTC', label: 'Investigating', body: 'a' },
    ]));
    expect(s.warnings.map((w) => w.code)).toEqual(['unreadable_stamp']);
    expect(s.warnings[0]!.message).toMatch(/^"Bad stamp" \(s1\): could not read the time "May 1, 25:99 UTC"/);
  });

  it('warns when an entry looks like a timeline but yields no update, and still shows its text', () => {
    const html = '<p>Slow since Sep 25, 15:15; better by Sep 25, 16:01, still watching.</p>'.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const s = read(`<entry><id>tag:s.test,2005:Incident/t1</id><title>Text only</title><updated>2024-09-25T16:01:00Z</updated>
      <link href="https://s.test/incidents/t1"/><content type="html">${html}</content></entry>`);
    expect(s.warnings).toEqual([{ code: 'unread_timeline', message: expect.stringMatching(/^"Text only" \(t1\): the text holds 2 time stamps but no update could be read/), path: 'entry[1].content' }]);
    const incident = s.incidents.find((i) => i.id === 't1')!;
    expect(incident.updates).toHaveLength(1);
    expect(incident.updates[0]!.body).toBe('Slow since Sep 25, 15:15; better by Sep 25, 16:01, still watching.');
  });

  it('reads "stamp - Label - text" runs without markup, warning that their stamps name no zone', () => {
    const html = '<p>Sep 25, 15:15 - Investigating - We look.</p><p>Sep 25, 16:01 - Resolved - Done.</p>'.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const s = read(`<entry><id>tag:s.test,2005:Incident/t2</id><title>Runs</title><updated>2024-09-25T16:01:00Z</updated>
      <link href="https://s.test/incidents/t2"/><content type="html">${html}</content></entry>`);
    expect(s.warnings).toEqual([{ code: 'unknown_zone', message: expect.stringMatching(/^"Runs" \(t2\): no time zone in "Sep 25, 15:15"/), path: 'entry[1].content' }]);
    const incident = s.incidents.find((i) => i.id === 't2')!;
    expect(incident.updates.map((u) => [u.at, u.label, u.body])).toEqual([['2024-09-25T15:15:00.000Z', 'Investigating', 'We look.'], ['2024-09-25T16:01:00.000Z', 'Resolved', 'Done.']]);
    expect(incident.status).toBe('resolved');
  });

  it('names an incident.io entry whose status it cannot read, and keeps it open', () => {
    const entry = (id: string, html: string) => `<entry><id>${id}</id><title>Entry ${id}</title><updated>2024-05-01T10:00:00Z</updated>
      <link href="https://status.io.test/incidents/${id}"/><content type="html">${html.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content></entry>`;
    const s = snapshotOf(parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><generator>incident.io</generator>
      ${entry('01A', '<b>Status: Smouldering</b><br/><br/>Hot.')}${entry('01B', 'No status line at all.')}</feed>`));
    expect(s.warnings.map((w) => [w.code, w.message])).toEqual([
      ['unknown_status', '"Entry 01A" (01A): unknown incident.io status "Smouldering"; read as investigating.'],
      ['missing_status', '"Entry 01B" (01B): no "Status:" line; read as investigating.'],
    ]);
    expect(s.incidents.map((i) => i.status)).toEqual(['investigating', 'investigating']);
  });

  it('reads a whole real-looking feed with no warning at all', () => {
    expect(read().warnings).toEqual([]);
  });
});
