import { describe, expect, it } from 'vitest';
import type { VendorEvent } from '../../../../shared/model/index.ts';
import type { ReachabilityState } from '../../../../electron/core/changes/reachability.ts';
import { initialReachability, reachabilityEvents } from '../../../../electron/core/changes/reachability.ts';
import type { PollOutcome } from '../../../../electron/core/polling/poll-result.ts';
import { ctxAt } from './factories.ts';

type Poll = { outcome: PollOutcome; error: string | null };
const OK: Poll = { outcome: 'ok', error: null };
const FAIL: Poll = { outcome: 'fetch_error', error: 'timeout after 15 s' };
const OFFLINE: Poll = { outcome: 'offline', error: null };

/** Run outcomes at one-minute steps from 10:00 and collect the events. */
function run(outcomes: Poll[], start: ReachabilityState = initialReachability('2024-05-01T09:00:00.000Z'), threshold?: number): { state: ReachabilityState; events: VendorEvent[] } {
  let state = start;
  const events: VendorEvent[] = [];
  outcomes.forEach((outcome, n) => {
    const now = `2024-05-01T10:${String(n).padStart(2, '0')}:00.000Z`;
    const r = reachabilityEvents(state, outcome.outcome, outcome.error, { ...ctxAt(now), url: 'https://www.githubstatus.com' }, threshold === undefined ? {} : { failuresToUnreachable: threshold });
    state = r.state;
    events.push(...r.events);
  });
  return { state, events };
}

describe('reachability', () => {
  it('declares a vendor unreachable after 3 consecutive failures while others answer, once', () => {
    const { state, events } = run([OK, FAIL, FAIL, FAIL, FAIL, FAIL]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'vendor.unreachable', vendorId: 'github', subjectId: null, at: '2024-05-01T10:01:00.000Z', detectedAt: '2024-05-01T10:03:00.000Z',
      title: 'GitHub: status page unreachable', impact: 'minor', level: 'unknown', url: 'https://www.githubstatus.com',
      body: 'No answer for 3 polls in a row since 2024-05-01 10:01 UTC, while other vendors answer. Last error: timeout after 15 s',
    });
    expect(events[0]?.id).toMatch(/^github:vendor\.unreachable:[0-9a-z]{7}$/);
    expect(state).toMatchObject({ reachable: false, since: '2024-05-01T10:01:00.000Z' });
  });

  it('two failures then a success is nothing', () => {
    expect(run([FAIL, FAIL, OK, FAIL, FAIL, OK]).events).toEqual([]);
  });

  it('the first success after being unreachable emits one recovered event, paired by id with the outage', () => {
    const { state, events } = run([FAIL, FAIL, FAIL, OK, OK]);
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ['vendor.unreachable', '2024-05-01T10:00:00.000Z'],
      ['vendor.recovered', '2024-05-01T10:03:00.000Z'],
    ]);
    expect(events[1]?.id.split(':')[2]).toBe(events[0]?.id.split(':')[2]);
    expect(state).toMatchObject({ reachable: true, since: '2024-05-01T10:03:00.000Z', failures: 0 });
  });

  it('being offline produces no unreachable event, however long, and coming back online no recovery', () => {
    expect(run([OK, OFFLINE, OFFLINE, OFFLINE, OFFLINE, OFFLINE, OK]).events).toEqual([]);
  });

  it('offline discards a failure run in progress: failures before and after do not add up', () => {
    expect(run([FAIL, FAIL, OFFLINE, FAIL, FAIL, OK]).events).toEqual([]);
  });

  it('a vendor already unreachable when we go offline recovers once when it answers again', () => {
    const { events } = run([FAIL, FAIL, FAIL, OFFLINE, OFFLINE, OK]);
    expect(events.map((e) => e.kind)).toEqual(['vendor.unreachable', 'vendor.recovered']);
    expect(events[1]?.body).toBe('Answering again after being unreachable since 2024-05-01 10:00 UTC.');
  });

  it('is deterministic: the same outcomes give the same ids; the threshold is configurable', () => {
    expect(run([FAIL, FAIL, FAIL]).events.map((e) => e.id)).toEqual(run([FAIL, FAIL, FAIL]).events.map((e) => e.id));
    expect(run([FAIL], undefined, 1).events).toHaveLength(1);
  });
});
