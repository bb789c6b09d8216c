import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { replayVersions } from '../test/support/replay.ts';

/**
 * The soak benchmark's vendors: `node bench/soak-server.ts N` serves N Atom feeds on loopback, each
 * a real version of GitHub's history.atom (the 373-version replay), with an ETag per version. The
 * parent says which version each vendor is at (`{ advance: [vendor ids] }`), as feeds change
 * between polls. Its own process, so its CPU is never counted as the engine's.
 */
const count = Number(process.argv[2] ?? 200);
const versions = replayVersions();
// Vendors start at spread-out points of the year, so they do not all say the same thing.
const at = Array.from({ length: count }, (_, v) => (v * 7) % versions.length);

const server = createServer((req, res) => {
  const match = /^\/v\/(\d+)\/history\.atom$/.exec(req.url ?? '');
  const v = match ? Number(match[1]) : -1;
  if (!(v >= 0 && v < count)) return void res.writeHead(404).end();
  const etag = `"${v}-${at[v]}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  const body = versions[at[v]!]!;
  res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8', etag, 'content-length': body.length }).end(body);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('message', (msg: unknown) => {
  if (msg === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
    return;
  }
  const advance = (msg as { advance?: number[] }).advance ?? [];
  for (const v of advance) at[v] = ((at[v] ?? 0) + 1) % versions.length;
  process.send?.({ advanced: advance.length });
});
