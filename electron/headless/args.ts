import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveHome } from '../core/settings/index.ts';

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  home: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/**
 * node:util parseArgs with the common options, returning a message instead of throwing so a typo
 * exits 2 with usage (never 1, which scripts read as "vendor degraded").
 */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O) {
  try {
    return { ok: true as const, ...parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true }) };
  } catch (err) {
    return { ok: false as const, message: err instanceof Error ? err.message : String(err) };
  }
}

/** The folder with config.json and history.db: --home, else UPSTREAM_HOME, else the app-data folder. */
export function homeFrom(flag: string | undefined): string {
  return resolveHome({ ...(flag ? { flag } : {}), env: process.env, platform: process.platform });
}
