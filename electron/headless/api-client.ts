import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract/api.ts';
import type { ApiResult } from '../../shared/contract/result.ts';
import { callApi, createApi } from '../core/engine/api.ts';
import { HistoryStore } from '../core/history/index.ts';
import { closeHttpAgents, fetchDocument } from '../core/polling/http.ts';
import { SettingsStore } from '../core/settings/index.ts';
import type { CliIO } from './cli.ts';

/** A typed, validated call into the engine's API: the CLI is the API's first client. */
export type ApiCall = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<ApiResult<ResponseOf<C>>>;

/**
 * Open the home folder's settings and history, run `fn` with an API caller, close everything.
 * Problems opening them (corrupt settings, a foreign database) are reported on stderr; a history
 * that cannot be opened is an error (exit 2), a repaired settings file is not.
 */
export async function withApi(home: string, io: CliIO, fn: (call: ApiCall) => Promise<number>): Promise<number> {
  const opened = await openHome(home, io);
  if (!opened) return 2;
  const { settings, history } = opened;
  const api = createApi({ settings, history: history.store, http: fetchDocument, now: () => new Date().toISOString() });
  const call: ApiCall = (channel, request) => callApi(api, channel, request) as never;
  try {
    return await fn(call);
  } finally {
    history.store.close();
    await closeHttpAgents();
  }
}

/**
 * The home folder's settings (loaded, repaired if need be, problems said on stderr) and history
 * database; null, after saying why on stderr, when the database cannot be opened.
 */
export async function openHome(home: string, io: CliIO): Promise<{ settings: SettingsStore; history: { store: HistoryStore } } | null> {
  mkdirSync(home, { recursive: true });
  const settings = new SettingsStore(home);
  const loaded = await settings.load();
  if (loaded.message) io.stderr(`upstream: ${loaded.message}\n`);
  const history = HistoryStore.open(join(home, 'history.db'));
  if (!history.ok) {
    io.stderr(`upstream: ${history.message}\n`);
    return null;
  }
  return { settings, history };
}

/** Print an API error the CLI way and return exit code 2. */
export function apiError(io: CliIO, what: string, error: { message: string }): number {
  io.stderr(`upstream: ${what}: ${error.message}\n`);
  return 2;
}
