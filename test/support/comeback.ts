/**
 * Helpers for the integration tests where a vendor (or the network) goes away and comes back:
 * replay versions chosen so that every cycle after the return brings news, and a plain server
 * that can listen again on the exact port the vanished one held — the poller keeps the old URL,
 * so "the vendor is back" only means something on the same port.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { parseFeedXml } from '../../electron/core/feeds/feed/adapter.ts';

/**
 * Indexes of replay versions each holding an incident no earlier pick held (the first pick is
 * always version 0), so that serving them in turn makes every cycle produce a notification.
 * Many successive captures differ only in wording; a test that waits for news needs new ids.
 */
export function versionsWithNewIncidents(versions: Buffer[], count: number): number[] {
  const seen = new Set<string>();
  const picked: number[] = [];
  for (let i = 0; i < versions.length && picked.length < count; i++) {
    const parsed = parseFeedXml(versions[i]!, 'http://replay.invalid/history.atom', '2026-01-01T00:00:00.000Z');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const ids = parsed.snapshot.incidents.map((x) => x.id);
    if (picked.length === 0 || ids.some((id) => !seen.has(id))) picked.push(i);
    for (const id of ids) seen.add(id);
  }
  return picked;
}

/**
 * A plain loopback server on a chosen port (0 = any). Unlike the fixture server it can take a
 * port just released by another server, which is the "same server comes back" half of an outage
 * story. A failure to listen (the port still taken) rejects instead of crashing the worker.
 */
export async function listenOn(port: number, handler: RequestListener): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const actual = (server.address() as { port: number }).port;
  return {
    server,
    port: actual,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
