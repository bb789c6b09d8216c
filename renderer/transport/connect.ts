import { createClient, type UpstreamClient } from '../../shared/contract/client.ts';
import { httpTransport, type ConnectionListener } from './http.ts';

declare global {
  interface Window {
    /** Set by the Electron preload: the same typed client, over IPC. */
    upstream?: UpstreamClient;
  }
}

export interface Connection {
  client: UpstreamClient;
  /** Hear when the link to the engine drops and comes back. */
  onConnection(listener: ConnectionListener): void;
}

/**
 * Pick the transport at start-up: the preload's IPC client inside the desktop app, else HTTP and
 * Server-Sent Events to the server that sent this page. The rest of the renderer sees only the
 * typed client and never knows which.
 */
export function connect(): Connection {
  const listeners = new Set<ConnectionListener>();
  const tell = (up: boolean): void => listeners.forEach((l) => l(up));
  const client = window.upstream ?? createClient(httpTransport(window.location.origin, tell), (what) => console.warn(`upstream: ${what}`));
  return { client, onConnection: (l) => void listeners.add(l) };
}
