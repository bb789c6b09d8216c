import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SHARED_FIXTURES } from '../test/support/paths.ts';

/**
 * The poll-cycle benchmark's vendors: `node bench/poll-cycle-server.ts N` serves N Atom feeds on
 * loopback, `/v/<i>/history.atom` → the real GitHub history.atom capture with a per-route ETag
 * (answered 304 when it matches), and reports its port over IPC. It runs in its own process so
 * the server's CPU is never counted as the engine's.
 */
const FEED_FIXTURE = join(SHARED_FIXTURES, 'rss_atom/github-statuspage-history.atom');

const count = Number(process.argv[2] ?? 1000);
const body = readFileSync(FEED_FIXTURE);
const hash = createHash('sha1').update(body).digest('hex').slice(0, 16);
const etags = Array.from({ length: count }, (_, i) => `"${i}-${hash}"`);

const server = createServer((req, res) => {
  const match = /^\/v\/(\d+)\/history\.atom$/.exec(req.url ?? '');
  const etag = match ? etags[Number(match[1])] : undefined;
  if (!etag) return void res.writeHead(404).end();
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8', etag, 'content-length': body.length }).end(body);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('message', (msg: unknown) => {
  if (msg !== 'close') return;
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
