import { describe, expect, it } from 'vitest';
import { effectiveRules } from '../../../../electron/core/engine/notify-plan.ts';
import { emptySettings } from '../../../../shared/contract/settings.ts';

describe('effective notification rules', () => {
  it('narrows a vendor to the components chosen on the watchlist unless it has rules of its own', () => {
    const settings = emptySettings();
    const base = { url: 'https://www.githubstatus.com', platform: 'statuspage' as const, adapter: 'statuspage-json', base: 'https://www.githubstatus.com', intervalSeconds: 300, addedAt: '2026-01-01T00:00:00.000Z' };
    settings.watchlist = [
      { ...base, id: 'github', name: 'GitHub', components: ['Actions'] },
      { ...base, id: 'aws', name: 'AWS', components: ['EC2'] },
      { ...base, id: 'slack', name: 'Slack', components: [] },
    ];
    settings.notifications.defaults = { threshold: 'major', components: [], kinds: [] };
    settings.notifications.perVendor.aws = { threshold: 'critical', components: [], kinds: [] };
    const rules = effectiveRules(settings);
    expect(rules.perVendor.github).toEqual({ threshold: 'major', components: ['Actions'], kinds: [] });
    expect(rules.perVendor.aws).toEqual({ threshold: 'critical', components: [], kinds: [] });
    expect(rules.perVendor.slack).toBeUndefined();
  });
});
