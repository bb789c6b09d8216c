import { describe, expect, it } from 'vitest';
import { electronJsFlags } from '../../../electron/core/engine/lean-runtime.ts';
import { leanRelaunchArgs } from '../../../electron/main/lifecycle/lean-start.ts';

describe('the desktop app starts with the engine\'s V8 settings', () => {
  it('relaunches a process started without them, with its own arguments and the settings', () => {
    expect(leanRelaunchArgs(['/opt/Upstream/upstream'])).toEqual([electronJsFlags()]);
    expect(leanRelaunchArgs(['/usr/lib/electron/electron', '.', '--hidden'])).toEqual(['.', '--hidden', electronJsFlags()]);
  });

  it('does not relaunch a process that has them, nor one given other V8 flags by its user, so it never loops', () => {
    expect(leanRelaunchArgs(['/opt/Upstream/upstream', electronJsFlags(), '--hidden'])).toBeNull();
    expect(leanRelaunchArgs(['/opt/Upstream/upstream', '--js-flags=--expose-gc'])).toBeNull();
    const once = leanRelaunchArgs(['/opt/Upstream/upstream'])!;
    expect(leanRelaunchArgs(['/opt/Upstream/upstream', ...once])).toBeNull();
  });
});
