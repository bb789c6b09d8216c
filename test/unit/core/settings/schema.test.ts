import { describe, expect, it } from 'vitest';
import { emptySettings, settingsSchema, watchedVendorSchema } from '../../../../shared/contract/settings.ts';

const vendor = {
  id: 'github', name: 'GitHub', url: 'https://www.githubstatus.com', platform: 'statuspage', adapter: 'statuspage-json',
  base: 'https://www.githubstatus.com', addedAt: '2026-01-01T00:00:00.000Z',
};

describe('the settings document schema', () => {
  it('fills every default into a bare {version: 1}', () => {
    expect(emptySettings()).toEqual({
      version: 1,
      watchlist: [],
      notifications: {
        enabled: true,
        defaults: { threshold: 'all', components: [], kinds: [] },
        perVendor: {},
        quietHours: { enabled: false, start: '22:00', end: '07:00' },
        snoozes: [],
      },
      history: { retentionDays: 365 },
    });
  });

  it('defaults a watched vendor to a 300 s interval and all components', () => {
    expect(watchedVendorSchema.parse(vendor)).toMatchObject({ intervalSeconds: 300, components: [] });
  });

  it('rejects intervals below 30 s and fractional intervals', () => {
    expect(watchedVendorSchema.safeParse({ ...vendor, intervalSeconds: 29 }).success).toBe(false);
    expect(watchedVendorSchema.safeParse({ ...vendor, intervalSeconds: 30 }).success).toBe(true);
    expect(watchedVendorSchema.safeParse({ ...vendor, intervalSeconds: 45.5 }).success).toBe(false);
  });

  it('accepts quiet hours as 24-hour HH:MM only', () => {
    const withQuiet = (start: string) => settingsSchema.safeParse({ version: 1, notifications: { quietHours: { enabled: true, start, end: '07:00' } } }).success;
    expect(withQuiet('23:59')).toBe(true);
    expect(withQuiet('24:00')).toBe(false);
    expect(withQuiet('7:00')).toBe(false);
  });

  it('accepts a snooze of every vendor (vendorId null) until a UTC instant', () => {
    const parsed = settingsSchema.parse({ version: 1, notifications: { snoozes: [{ vendorId: null, until: '2026-05-01T10:00:00Z' }] } });
    expect(parsed.notifications.snoozes).toEqual([{ vendorId: null, until: '2026-05-01T10:00:00Z' }]);
    expect(settingsSchema.safeParse({ version: 1, notifications: { snoozes: [{ vendorId: null, until: 'tomorrow' }] } }).success).toBe(false);
  });

  it('refuses a document of another version', () => {
    expect(settingsSchema.safeParse({ version: 2 }).success).toBe(false);
  });
});
