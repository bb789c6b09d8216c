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
