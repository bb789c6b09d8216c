import { describe, expect, it } from 'vitest';
import { ConnectivityTracker } from '../../../../electron/core/polling/connectivity.ts';

const MIN = 60_000;

describe('connectivity', () => {
  it('declares offline when several vendors fail at the network level and nobody answers', () => {
    const t = new ConnectivityTracker();
    expect(t.record('a', true, 5, 0)).toBeUndefined();
    expect(t.record('b', true, 5, 1)).toBe('offline');
    expect(t.blame(2)).toBe('network');
    expect(t.record('a', false, 5, 3)).toBe('online');
  });

  it('blames a vendor for a refused connection only while other servers answer us', () => {
    const t = new ConnectivityTracker();
    expect(t.blame(0)).toBe('network'); // nothing has answered yet: could be us
    t.record('good', false, 3, 0);
    expect(t.blame(MIN)).toBe('vendor');
    expect(t.blame(11 * MIN)).toBe('network'); // the last answer is too old to vouch for the network
  });

  it('never goes offline on an HTTP error: a server answered', () => {
    const t = new ConnectivityTracker();
    t.record('a', true, 3, 0);
    t.record('b', false, 3, 1); // 500 from b is an answer
    expect(t.connectivity).toBe('online');
    t.record('c', true, 3, 2);
    expect(t.connectivity).toBe('online');
  });

  it('with a single watched vendor, one network failure means offline, never the vendor', () => {
    const t = new ConnectivityTracker();
    expect(t.record('only', true, 1, 0)).toBe('offline');
    expect(t.blame(1)).toBe('network');
  });
});

describe('connectivity: overlapping requests', () => {
  it('two vendors timing out while others answered during their requests do not make us offline', () => {
    const t = new ConnectivityTracker();
    t.record('fast', false, 4, 1_000); // answered at t=1s
    expect(t.record('slow-a', true, 4, 20_000, 0)).toBeUndefined(); // request started at 0, before the answer
    expect(t.record('slow-b', true, 4, 20_001, 0)).toBeUndefined();
    expect(t.connectivity).toBe('online');
  });

  it('a vendor\'s own earlier answer does not vouch for the network when it fails', () => {
    const t = new ConnectivityTracker();
    t.record('only', false, 1, 0);
    expect(t.blame(60_000, 'only')).toBe('network');
    expect(t.blame(60_000, 'someone-else')).toBe('vendor');
  });
});

describe('connectivity: an intranet answer does not prove the Internet', () => {
  it('public vendors failing while only a loopback page answers are offline, never blamed', () => {
    const t = new ConnectivityTracker();
    t.record('intranet', false, 1, 0, 0, 'private');
    expect(t.blame(1, 'pub-a', 'public')).toBe('network');
    expect(t.record('pub-a', true, 3, 2, 0, 'public')).toBeUndefined();
    t.record('intranet', false, 1, 3, 3, 'private'); // still answering: the LAN works
    expect(t.record('pub-b', true, 3, 4, 0, 'public')).toBe('offline');
    t.record('intranet', false, 1, 5, 5, 'private');
    expect(t.connectivity).toBe('offline');
    expect(t.blame(5, 'pub-c', 'public')).toBe('network');
    expect(t.record('pub-a', false, 3, 6, 6, 'public')).toBe('online');
  });

  it('an intranet answer given while a public request was waiting does not excuse that request', () => {
    const t = new ConnectivityTracker();
    t.record('pub-a', false, 3, 0, 0, 'public');
    t.record('intranet', false, 1, 10_000, 10_000, 'private');
    expect(t.record('pub-b', true, 3, 20_000, 5_000, 'public')).toBeUndefined(); // one failure is not yet offline
    expect(t.record('pub-c', true, 3, 20_001, 5_000, 'public')).toBe('offline');
  });

  it('a failing intranet page is its own fault while the Internet answers', () => {
    const t = new ConnectivityTracker();
    t.record('pub-a', false, 2, 0, 0, 'public');
    expect(t.blame(MIN, 'intranet', 'private')).toBe('vendor');
    expect(t.record('intranet', true, 1, MIN, MIN, 'private')).toBeUndefined();
    expect(t.connectivity).toBe('online');
  });

  it('with only intranet vendors watched, their silence is offline and their answer online again', () => {
    const t = new ConnectivityTracker();
    t.record('lan-a', false, 2, 0, 0, 'private');
    t.record('lan-b', false, 2, 0, 0, 'private');
    expect(t.record('lan-a', true, 2, MIN, MIN, 'private')).toBeUndefined();
    expect(t.record('lan-b', true, 2, MIN, MIN, 'private')).toBe('offline');
    expect(t.blame(MIN + 1, 'lan-a', 'private')).toBe('network');
    expect(t.record('lan-a', false, 2, 2 * MIN, 2 * MIN, 'private')).toBe('online');
  });

  it('forgets every scope on reset', () => {
    const t = new ConnectivityTracker();
    t.record('pub-a', true, 1, 0, 0, 'public');
    expect(t.connectivity).toBe('offline');
    t.reset();
    expect(t.connectivity).toBe('online');
    expect(t.blame(1, 'pub-a', 'public')).toBe('network');
  });
});
