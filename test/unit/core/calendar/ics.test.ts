import { describe, expect, it } from 'vitest';
import { maintenancesToIcs } from '../../../../electron/core/calendar/ics.ts';
import type { MaintenanceRecord } from '../../../../shared/contract/history.ts';

const record = (over: Partial<MaintenanceRecord['maintenance']> = {}): MaintenanceRecord => ({
  vendorId: 'github',
  vendorName: 'GitHub',
  maintenance: {
    id: 'm1', title: 'Codespaces Scheduled Maintenance', url: 'https://www.githubstatus.com/incidents/m1',
    status: 'scheduled', scheduledFor: '2025-07-10T16:00:00.000Z', scheduledUntil: '2025-07-10T18:30:00.000Z',
    components: ['Codespaces'],
    updates: [{ id: null, status: 'scheduled', label: 'Scheduled', body: 'Codespaces will undergo maintenance; commas, semicolons; and a long line '.repeat(3), at: '2025-07-01T00:00:00.000Z' }],
    ...over,
  },
});

describe('maintenance calendar export', () => {
  it('writes one VEVENT per maintenance with UTC start and end, vendor-prefixed summary and stable UID', () => {
    const ics = maintenancesToIcs([record(), record({ id: 'm2', title: 'DB upgrade', scheduledUntil: null })], { now: '2025-07-02T00:00:00.000Z' });
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded).toContain('UID:github/m1@upstream');
    expect(unfolded).toContain('DTSTART:20250710T160000Z');
    expect(unfolded).toContain('DTEND:20250710T183000Z');
    expect(unfolded).toContain('SUMMARY:GitHub: Codespaces Scheduled Maintenance');
    // Open-ended maintenance gets an hour.
    expect(unfolded).toMatch(/UID:github\/m2@upstream[\s\S]*?DTEND:20250710T170000Z/);
    // Text is escaped per RFC 5545 and long lines are folded at 75 octets.
    expect(unfolded).toContain('commas\\, semicolons\\; and');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('drops non-http URLs from hostile feeds', () => {
    const ics = maintenancesToIcs([record({ url: 'javascript:alert(1)' })], { now: '2025-07-02T00:00:00.000Z' });
    expect(ics).not.toContain('javascript:');
  });
});
