import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VendorSource } from '../../../shared/model/index.ts';
import { ADAPTER_ENDPOINTS } from '../../core/feeds/endpoints.ts';
import { incidentPage, indexPage, notFoundPage, vendorPage } from './html.ts';
import type { DemoDocuments } from './statuspage-types.ts';
import { DEMO_SCRIPTS, demoBase, demoTimeline } from './timeline.ts';

/** A demo vendor as the watchlist takes it: a Statuspage page on the demo server. */
export type DemoVendor = VendorSource & { platform: 'statuspage'; adapter: 'statuspage-json' };

export interface DemoOptions {
  /** How much faster than real time the live story runs. Default 1. */
  speed?: number;
  /** Epoch-ms clock; tests inject one to stand at any moment of the story. Default Date.now. */
  now?: () => number;
  /** The instant the story starts from. Default: now() when the server starts. */
  startedAt?: number;
}

export interface DemoServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** The fictional vendors, ready for the watchlist. */
  vendors: DemoVendor[];
  close(): Promise<void>;
}

/** Path under a vendor's base → the document role it serves, from the one endpoint table. */
const API_ROLES = new Map<string, keyof DemoDocuments>(
  ADAPTER_ENDPOINTS['statuspage-json'].docs.map((doc) => [doc.path, doc.role]),
);

/**
 * Serve the demo's fictional vendors on 127.0.0.1 (a random free port), so `upstream serve --demo`
 * watches real HTTP, through the real poller and adapter, without touching the network. Every
 * request renders the timeline at `now()`: no state, no timers, so the server can never drift
 * from the story and closing it leaves nothing behind.
 */
export async function startDemo(options: DemoOptions = {}): Promise<DemoServer> {
  const now = options.now ?? Date.now;
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const startedAt = options.startedAt ?? now();
  let origin = '';
  const server = createServer((req, res) => {
    try {
      handle(req, res, demoTimeline(startedAt, now(), { origin, speed }), origin);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Demo server error: ${String(err)}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const vendors = DEMO_SCRIPTS.map((script): DemoVendor => {
    const base = demoBase(origin, script.id);
    return { id: script.id, name: script.name, url: base, platform: 'statuspage', adapter: 'statuspage-json', base };
  });
  let closed: Promise<void> | null = null;
  return {
    url: origin,
    vendors,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets (the poller's pool) would hold close() open until they time out.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function handle(req: IncomingMessage, res: ServerResponse, timeline: Record<string, DemoDocuments>, origin: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  const path = new URL(req.url ?? '/', origin).pathname;
  const [, first = '', ...rest] = path.split('/');
  if (path === '/') return send(req, res, 200, 'text/html; charset=utf-8', indexPage(DEMO_SCRIPTS.map((s) => ({ name: s.name, url: demoBase(origin, s.id) }))));
  if (first === 's' && rest.length === 1) return redirectShortlink(req, res, timeline, origin, rest[0]!);
  const docs = Object.hasOwn(timeline, first) ? timeline[first] : undefined;
  if (!docs) return send(req, res, 404, 'text/html; charset=utf-8', notFoundPage());
  const sub = `/${rest.join('/')}`;
  const role = API_ROLES.get(sub);
  if (role) return send(req, res, 200, 'application/json; charset=utf-8', JSON.stringify(docs[role]));
  if (sub === '/' || path === `/${first}`) return send(req, res, 200, 'text/html; charset=utf-8', vendorPage(docs));
  const item = rest.length === 2 && rest[0] === 'incidents' ? findItem(docs, rest[1]!) : undefined;
  if (item) return send(req, res, 200, 'text/html; charset=utf-8', incidentPage(docs, item));
  send(req, res, 404, 'text/html; charset=utf-8', notFoundPage());
}

function findItem(docs: DemoDocuments, id: string) {
  return docs.incidents.incidents.find((i) => i.id === id) ?? docs.maintenances.scheduled_maintenances.find((m) => m.id === id);
}

/** `shortlink` points here, as Statuspage's do at its short domain: on to the item's page. */
function redirectShortlink(req: IncomingMessage, res: ServerResponse, timeline: Record<string, DemoDocuments>, origin: string, id: string): void {
  for (const [vendorId, docs] of Object.entries(timeline)) {
    if (!findItem(docs, id)) continue;
    res.writeHead(302, { location: `${demoBase(origin, vendorId)}/incidents/${id}` }).end();
    return;
  }
  send(req, res, 404, 'text/html; charset=utf-8', notFoundPage());
}

/**
 * Answer with an ETag of the body, and 304 when the client already has it: the poller sends
 * If-None-Match, and a demo that always answered 200 would never exercise its not-modified path.
 */
function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  const etag = `W/"${createHash('sha1').update(bytes).digest('hex').slice(0, 20)}"`;
  const headers = { 'content-type': contentType, 'cache-control': 'max-age=0, private, must-revalidate', etag, 'access-control-allow-origin': '*' };
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag, 'cache-control': headers['cache-control'] }).end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
