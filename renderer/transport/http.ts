import type { Channel } from '../../shared/contract/api.ts';
import type { Transport } from '../../shared/contract/client.ts';

/** Whether the page is connected to its engine; the UI shows a banner while it is not. */
export type ConnectionListener = (connected: boolean) => void;

/**
 * The transport to `upstream serve`: a POST per call (the server checks the cookie and Origin) and
 * one EventSource for the message stream, which reconnects by itself after the server restarts or
 * the laptop wakes. `onConnection` tells the store when to re-read what it may have missed.
 */
export function httpTransport(origin: string, onConnection: ConnectionListener): Transport {
  return {
    async call(channel: Channel, request: unknown): Promise<unknown> {
      const response = await fetch(`${origin}/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request ?? {}),
        credentials: 'same-origin',
      });
      return response.json();
    },
    subscribe(listener: (message: unknown) => void): () => void {
      const source = new EventSource(`${origin}/api/events`);
      source.onopen = () => onConnection(true);
      source.onerror = () => onConnection(false);
      source.onmessage = (event: MessageEvent<string>) => {
        try {
          listener(JSON.parse(event.data));
        } catch {
          // Not JSON: the client's schema check would refuse it anyway.
        }
      };
      return () => source.close();
    },
  };
}
