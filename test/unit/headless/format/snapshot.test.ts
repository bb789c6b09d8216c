import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../shared/model/index.ts';
import { formatSnapshot } from '../../../../electron/headless/format/snapshot.ts';
import { excerpt, localTime } from '../../../../electron/headless/format/text.ts';

function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    source: { url: 'https://status.acme.test', platform: 'statuspage', format: 'statuspage-json', fetchedAt: '2024-03-01T12:00:00.000Z' },
    page: { name: 'Acme', url: 'https://status.acme.test' },
    status: { level: 'operational', description: 'All Systems Operational' },
    components: [],
    incidents: [],
    maintenances: [],
    warnings: [],
    ...over,
  };
}

describe('formatSnapshot', () => {
  it('says a healthy vendor is operational in one line and nothing more alarming', () => {
    const text = formatSnapshot(snapshot({ components: [{ id: 'a', name: 'API', group: null, status: 'operational' }] }));
    expect(text.split('\n')[0]).toBe('Acme: Operational (All Systems Operational)');
    expect(text).toContain('All 1 components operational.');
    expect(text).toContain('No active incidents.');
    expect(text).not.toContain('Maintenance');
  });

  it('groups broken components under their group and skips resolved incidents', () => {
    const text = formatSnapshot(snapshot({
      status: { level: 'major_outage', description: 'Major Outage' },
      components: [
        { id: 'a', name: 'API', group: null, status: 'major_outage' },
        { id: 'b', name: 'EU', group: 'Regions', status: 'degraded' },
        { id: 'c', name: 'US', group: 'Regions', status: 'operational' },
      ],
      incidents: [
        { id: 'old', title: 'Yesterday', url: null, impact: 'minor', status: 'resolved', startedAt: '2024-02-29T10:00:00Z', resolvedAt: '2024-02-29T11:00:00Z', components: [], updates: [], postmortem: null },
      ],
    }));
    expect(text).toContain('Components not operational (2 of 3):\n  - API: Major outage\n  Regions:\n    - EU: Degraded performance\n');
    expect(text).toContain('No active incidents.');
    expect(text).not.toContain('Yesterday');
  });

  it('cuts the latest update to 200 characters and strips terminal escapes from feed text', () => {
    const body = `\u001b[2J\u001b]0;pwned\u0007${'word '.repeat(100)}`;
    const text = formatSnapshot(snapshot({
      incidents: [{
        id: 'i1', title: 'Errors \u001b[31mred\u001b[0m', url: 'https://status.acme.test/i1', impact: 'major', status: 'identified',
        startedAt: '2024-03-01T09:00:00.000Z', resolvedAt: null, components: ['API'], postmortem: null,
        updates: [
          { id: null, status: 'investigating', label: 'Investigating', body: 'first', at: '2024-03-01T09:00:00.000Z' },
          { id: null, status: 'identified', label: 'Identified', body, at: '2024-03-01T09:30:00.000Z' },
        ],
      }],
    }));
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('  - Errors red [Major impact]');
    const update = text.split('\n').find((l) => l.startsWith('    Identified at '));
    expect(update).toBeDefined();
    const quoted = update?.slice(update.indexOf(': ') + 2) ?? '';
    expect(quoted.length).toBeLessThanOrEqual(200);
    expect(quoted.endsWith('…')).toBe(true);
  });

  it('counts warnings without listing them', () => {
    const text = formatSnapshot(snapshot({ warnings: [{ code: 'a', message: 'x' }, { code: 'b', message: 'y' }] }));
    expect(text).toContain('2 warnings while reading the feed (see --json).');
  });
});

describe('text helpers', () => {
  it('renders an instant in the given zone', () => {
    expect(localTime('2022-11-25T15:50:04.970Z')).toMatch(/^25 Nov 2022, \d\d:50/);
    expect(excerpt('  a\n\n b  ', 10)).toBe('a b');
  });
});
