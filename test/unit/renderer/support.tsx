import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import type { UpstreamClient } from '../../../shared/contract/client.ts';
import { ok } from '../../../shared/contract/result.ts';
import { useEngine } from '../../../renderer/stores/engine.ts';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

type Answers = { [D in keyof UpstreamClient]?: UpstreamClient[D] extends (...a: never[]) => unknown ? never : Partial<Record<keyof UpstreamClient[D], (request: never) => unknown>> };

/**
 * Render a view with the store wired to a client whose answers the test gives (values, wrapped as
 * `ok`); any call the test did not answer fails loudly. Component tests exercise the real
 * components and store; only the engine behind the transport is replaced.
 */
export function renderWith(ui: ReactNode, answers: Answers = {}): RenderResult & { calls: { channel: string; request: unknown }[] } {
  const calls: { channel: string; request: unknown }[] = [];
  const client = new Proxy({}, {
    get: (_t, domain: string) => (domain === 'subscribe' ? () => () => undefined : new Proxy({}, {
      get: (_u, method: string) => async (request: unknown) => {
        calls.push({ channel: `${domain}.${method}`, request });
        const answer = (answers as Record<string, Record<string, ((r: unknown) => unknown) | undefined> | undefined>)[domain]?.[method];
        if (!answer) throw new Error(`unexpected call ${domain}.${method}`);
        const value = await answer(request);
        // An answer that is already a failure value is passed as it is: tests give engine errors too.
        const isFailure = typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false && 'error' in value;
        return isFailure ? value : ok(value);
      },
    })),
  }) as UpstreamClient;
  useEngine.setState({ client, status: 'ready', connected: true, revision: 0 });
  return Object.assign(render(ui), { calls });
}
