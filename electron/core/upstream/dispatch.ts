import { API, type Channel } from '../../../shared/contract/api.ts';
import { fail, type ApiResult } from '../../../shared/contract/result.ts';
import type { Handlers } from './handlers.ts';

/**
 * Validate an untrusted request for a channel, run its handler, and validate the answer: the one
 * door every transport goes through (HTTP, IPC, the CLI). Unknown channels and malformed payloads
 * are values, not throws; an answer that does not match the contract is an `internal` error rather
 * than something a face would have to second-guess.
 */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<ApiResult<unknown>> {
  if (typeof channel !== 'string' || !Object.hasOwn(API, channel)) return fail('invalid_request', `Unknown channel "${String(channel)}".`);
  const c = channel as Channel;
  const parsed = API[c].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('invalid_request', `${channel}: ${issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : 'invalid request'}`);
  }
  try {
    const handler = handlers[c] as (request: unknown) => Promise<ApiResult<unknown>>;
    const result = await handler(parsed.data);
    if (!result.ok) return result;
    const checked = API[c].response.safeParse(result.value);
    if (!checked.success) return fail('internal', `${channel}: the answer did not match the contract (${checked.error.issues[0]?.path.join('.')}).`);
    return { ok: true, value: checked.data };
  } catch (err) {
    return fail('internal', `${channel}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
