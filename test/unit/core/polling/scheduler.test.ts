import { describe, expect, it } from 'vitest';
import type { PollResult } from '../../../../electron/core/polling/poll-result.ts';
import { PollScheduler } from '../../../../electron/core/polling/scheduler.ts';
import { VirtualClock } from '../../../support/virtual-clock.ts';

const MIN = 60_000;

type Timing = Pick<PollResult, 'outcome' | 'retryAfterMs'>;
const OK: Timing = { outcome: 'ok', retryAfterMs: null };

function harness(verdict: (id: string, n: number) => Timing = () => OK, opts = {}) {
  const clock = new VirtualClock();
  const polls: { id: string; at: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const counts = new Map<string, number>();
  const scheduler = new PollScheduler(async (id) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    polls.push({ id, at: clock.now() });
    const n = (counts.get(id) ?? 0) + 1;
    counts.set(id, n);
    await new Promise((r) => clock.setTimeout(() => r(undefined), 100)); // a request takes 100 ms
    inFlight--;
    return verdict(id, n);
  }, { clock, ...opts });
  return { clock, scheduler, polls, maxInFlight: () => maxInFlight };
}

describe('poll scheduler', () => {
  it('spreads the first polls of many vendors over the stagger window instead of firing them at once', async () => {
    const h = harness();
    for (let i = 0; i < 120; i++) h.scheduler.add(`v${i}`, 5 * MIN);
    await h.clock.advance(30_000);
    expect(h.polls).toHaveLength(120);
    const perSecond = new Map<number, number>();
    for (const p of h.polls) perSecond.set(Math.floor(p.at / 1000), (perSecond.get(Math.floor(p.at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(12);
    expect(perSecond.size).toBeGreaterThan(20);
  });

  it('never has more polls in flight than the concurrency bound', async () => {
    const h = harness(undefined, { concurrency: 3, staggerMs: 1 });
    for (let i = 0; i < 50; i++) h.scheduler.add(`v${i}`, 5 * MIN, 0);
    await h.clock.advance(5000);
    expect(h.polls).toHaveLength(50);
    expect(h.maxInFlight()).toBe(3);
  });

  it('polls again after the interval with jitter of at most ten percent', async () => {
    const h = harness();
    h.scheduler.add('github', 5 * MIN, 0);
    await h.clock.advance(60 * MIN);
    const gaps = h.polls.slice(1).map((p, i) => p.at - h.polls[i]!.at);
    expect(gaps.length).toBeGreaterThanOrEqual(10);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(0.9 * 5 * MIN);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(1.1 * 5 * MIN);
    expect(new Set(gaps).size).toBeGreaterThan(1);
  });

  it('backs off exponentially on failure and honours Retry-After', async () => {
    const h = harness((_id, n) => (n <= 4 ? { outcome: 'fetch_error', retryAfterMs: n === 4 ? 20 * MIN : null } : OK));
    h.scheduler.add('flaky', 5 * MIN, 0);
    await h.clock.advance(120 * MIN);
    const gaps = h.polls.slice(1).map((p, i) => p.at - h.polls[i]!.at);
    // failures 1..3: base 30 s doubling, full jitter floored at half
    expect(gaps[0]).toBeGreaterThanOrEqual(15_000);
    expect(gaps[0]).toBeLessThanOrEqual(30_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(30_000);
    expect(gaps[2]).toBeGreaterThanOrEqual(60_000);
    expect(gaps[3]).toBeGreaterThanOrEqual(20 * MIN); // Retry-After wins
    expect(gaps[4]).toBeGreaterThanOrEqual(0.9 * 5 * MIN); // back to the interval after success
  });

  it('does not poll while paused and catches every vendor up once, spread out, on resume', async () => {
    const h = harness(undefined, { catchUpMs: 30_000 });
    for (let i = 0; i < 40; i++) h.scheduler.add(`v${i}`, 5 * MIN);
    await h.clock.advance(31_000);
    h.scheduler.pause();
    const before = h.polls.length;
    await h.clock.advance(3 * 60 * MIN);
    expect(h.polls.length).toBe(before);
    h.scheduler.resume();
    await h.clock.advance(30_000);
    const catchUp = h.polls.slice(before);
    expect(catchUp).toHaveLength(40);
    expect(new Set(catchUp.map((p) => p.id)).size).toBe(40);
    const spread = Math.max(...catchUp.map((p) => p.at)) - Math.min(...catchUp.map((p) => p.at));
    expect(spread).toBeGreaterThan(15_000);
  });

  it('keeps polling the other vendors when one poll throws', async () => {
    const clock = new VirtualClock();
    const seen: string[] = [];
    const s = new PollScheduler(async (id) => {
      seen.push(id);
      if (id === 'bad') throw new Error('bug');
      return OK;
    }, { clock });
    s.add('bad', MIN, 0);
    s.add('good', MIN, 0);
    await clock.advance(5 * MIN);
    expect(seen.filter((id) => id === 'good').length).toBeGreaterThanOrEqual(4);
    expect(seen.filter((id) => id === 'bad').length).toBeGreaterThanOrEqual(2);
  });

  it('stops for good: no timer fires after stop', async () => {
    const h = harness();
    h.scheduler.add('a', MIN, 0);
    await h.clock.advance(MIN / 2);
    h.scheduler.stop();
    const n = h.polls.length;
    await h.clock.advance(10 * MIN);
    expect(h.polls.length).toBe(n);
  });
});
