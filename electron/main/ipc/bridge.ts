import { fail, type ApiResult } from '../../../shared/contract/result.ts';
import type { Upstream } from '../../core/upstream/open.ts';
import { externalUrlAllowed, trustedSender } from '../windows/security.ts';

/** What the bridge needs to know about the frame that sent a call. */
export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

export interface IpcBridgeDeps {
  upstream: Pick<Upstream, 'dispatch'>;
  /** shell.openExternal, behind the facade. */
  openExternal: (url: string) => Promise<void>;
}

/**
 * SECURITY-CRITICAL. The main side of IPC: refuse any sender but our own page's main frame,
 * validate every payload against the contract (the root's dispatch does, with zod), and open a
 * link outside the app only when the engine found it in stored data (`links.open` answers the
 * stored URL, never the one the page sent) and it is http(s).
 */
export function createIpcBridge(deps: IpcBridgeDeps): (frame: SenderFrame | null | undefined, channel: unknown, payload: unknown) => Promise<ApiResult<unknown>> {
  return async (frame, channel, payload) => {
    if (!trustedSender(frame)) return fail('invalid_request', 'Refused: this call did not come from the Upstream window.');
    if (typeof channel !== 'string') return fail('invalid_request', 'A call needs a channel name.');
    const answer = await deps.upstream.dispatch(channel, payload);
    if (channel !== 'links.open' || !answer.ok) return answer;
    const url = (answer.value as { url: string }).url;
    if (!externalUrlAllowed(url)) return fail('invalid_request', 'Only web links open outside Upstream.');
    await deps.openExternal(url);
    return answer;
  };
}
