import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '../../shared/contract/client.ts';
import { IPC } from '../../shared/contract/ipc.ts';

/*
 * SECURITY-CRITICAL. The page's only way to the engine: the typed domain client derived from the
 * contract (`window.upstream.incidents.list(...)`, `window.upstream.subscribe(...)`), the same one
 * `upstream serve` gives the page over HTTP. Never a generic `send(channel, …)`: the page can call
 * only the contract's channels, and main validates every payload again.
 */
const client = createClient({
  call: (channel, request) => ipcRenderer.invoke(IPC.call, channel, request),
  subscribe: (listener) => {
    const handler = (_event: unknown, message: unknown): void => listener(message);
    ipcRenderer.on(IPC.message, handler);
    return () => void ipcRenderer.removeListener(IPC.message, handler);
  },
});

contextBridge.exposeInMainWorld('upstream', client);
