import { useEffect, useRef, useState } from 'react';
import type { UpstreamClient } from '../../shared/contract/client.ts';
import type { ApiResult } from '../../shared/contract/result.ts';
import { useEngine } from '../stores/engine.ts';

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  /** True until the first answer (later refreshes keep showing the previous data). */
  loading: boolean;
  reload(): void;
}

/**
 * Read something from the engine for a view, and read it again whenever the engine says something
 * changed (the store's revision) or `key` changes. The previous answer stays on screen while the
 * next one loads, so live updates never flash a spinner.
 */
export function useQuery<T>(key: string, read: (client: UpstreamClient) => Promise<ApiResult<T>>, live = true): Query<T> {
  const client = useEngine((s) => s.client);
  const revision = useEngine((s) => (live ? s.revision : 0));
  const [state, setState] = useState<{ key: string; data: T | undefined; error: string | null; loaded: boolean }>({ key, data: undefined, error: null, loaded: false });
  const [nonce, setNonce] = useState(0);
  const readRef = useRef(read);
  readRef.current = read;
  useEffect(() => {
    if (!client) return;
    let cancelled = false;
    void readRef.current(client).then((result) => {
      if (cancelled) return;
      setState((s) => (result.ok
        ? { key, data: result.value, error: null, loaded: true }
        : { key, data: s.key === key ? s.data : undefined, error: result.error.message, loaded: true }));
    });
    return () => {
      cancelled = true;
    };
  }, [client, key, revision, nonce]);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : null, loading: !current || !state.loaded, reload: () => setNonce((n) => n + 1) };
}
