import { describe, expect, it } from 'vitest';
import { checklyAdapter } from '../../../../../electron/core/feeds/checkly/adapter.ts';
import { ctx, doc, errorKindOf, own, snapshotOf } from '../json-adapter-support.ts';

/** Hand-written fixture (test/fixtures/checkly): the shape public clients read, not a capture. */
describe('Checkly status page statuses', () => {
  const s = snapshotOf(checklyAdapter.parse({ main: own('checkly/statuses-one-failing.json') }, ctx('https://status.acme.test/')));

  it('shows each active check as a component: failing is down, degraded is degraded', () => {
    expect(s.warnings).toEqual([]);
    expect(s.components.map((c) => [c.name, c.status])).toEqual([['Website', 'operational'], ['Public API', 'major_outage'], ['Dashboard login', 'degraded']]);
    expect(s.status.level).toBe('major_outage');
    expect(s.page.name).toBe('status.acme.test');
  });

  it('leaves out a deactivated check, which the page does not show', () => {
    expect(s.components.map((c) => c.name)).not.toContain('Legacy webhook check');
  });

  it('warns when the page has more checks than the answer listed', () => {
    const more = snapshotOf(checklyAdapter.parse({ main: doc('{"length":150,"results":[{"id":"1","name":"A","status":{"hasErrors":false,"hasFailures":false,"isDegraded":false}}]}') }, ctx('https://x/')));
    expect(more.warnings).toEqual([expect.objectContaining({ code: 'partial_list', path: 'results' })]);
  });

  it('marks a check whose flags are not booleans as unknown, with a warning', () => {
    const odd = snapshotOf(checklyAdapter.parse({ main: doc('{"results":[{"id":"1","name":"A","status":{"hasFailures":"yes"}}]}') }, ctx('https://x/')));
    expect(odd.components[0]?.status).toBe('unknown');
    expect(odd.warnings).toEqual([expect.objectContaining({ code: 'unknown_status', path: 'results[0].status' })]);
  });

  it('refuses documents that are not Checkly statuses', () => {
    expect(errorKindOf(checklyAdapter.parse({ main: doc('{"page":{},"status":{"indicator":"none"}}') }, ctx('https://x/')))).toBe('wrong_format');
    expect(errorKindOf(checklyAdapter.parse({ main: doc('<!DOCTYPE html><html></html>') }, ctx('https://x/')))).toBe('html_page');
  });
});
