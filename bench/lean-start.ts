import { ENGINE_ENV, ENGINE_V8_FLAGS } from '../electron/core/engine/lean-runtime.ts';

/**
 * Fork options for a measured process: started as the `upstream` command starts (its shebang),
 * baselines included, so engine and baseline are compared on the same runtime settings.
 */
export const LEAN_START = {
  execArgv: [...process.execArgv, ...ENGINE_V8_FLAGS],
  env: { ...process.env, ...ENGINE_ENV },
};

export { ENGINE_V8_FLAGS };
