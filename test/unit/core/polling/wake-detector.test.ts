import { describe, expect, it } from 'vitest';
import { watchForWake } from '../../../../electron/core/polling/wake-detector.ts';

describe('wake detection', () => {
  it('reports a wake when the clock jumps past the threshold between two ticks, and not otherwise', async () => {
    let fake = 0;
    const wakes: number[] = [];
    const stop = watchForWake((ms) => wakes.push(ms), { checkMs: 20, thresholdMs: 1_000, now: () => fake });
    fake += 20;
    await new Promise((r) => setTimeout(r, 30));
    expect(wakes).toEqual([]);
    fake += 5 * 60_000; // the machine slept five minutes
    for (let i = 0; i < 100 && wakes.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 60)); // later ticks see no jump
    stop();
    expect(wakes).toHaveLength(1);
    expect(wakes[0]).toBeGreaterThan(4 * 60_000);
  });
});
