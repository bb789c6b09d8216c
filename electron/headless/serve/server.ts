import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Upstream } from '../../core/upstream/open.ts';
import {
  allowedHost, allowedOrigin, SECURITY_HEADERS, tokenCookie, tokenFromCookies, tokenMatches,
} from './policy.ts';
import { readStatic } from './static-files.ts';

/** Commands are small JSON documents; a watchlist import is the largest (5 MB by the contract). */
const MAX_BODY_BYTES = 6 * 1024 * 1024;
/** A comment line this often keeps proxies and sleeping laptops from silently dropping the stream. */
const HEARTBEAT_MS = 15_000;

export interface UiServerOptions {
  upstream: Upstream;
  /** The built renderer (renderer/dist). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed for tests; random per run otherwise. */
  token?: string;
}

export interface UiServer {
  /** `http://127.0.0.1:<port>/?token=…`: what to open once; the page then lives on a cookie. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The local web server of `upstream serve`: the renderer's files, `POST /api/call/<channel>` for
 * the contract's calls and `GET /api/events` (Server-Sent Events) for its message stream. It binds
 * 127.0.0.1 only. See policy.ts for why each check exists.
 */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!allowedHost(req.headers.host, port)) return send(res, 421, 'text/plain; charset=utf-8', 'Unknown host.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const fromUrl = url.searchParams.get('token');
    if (req.method === 'GET' && fromUrl !== null && !url.pathname.startsWith('/api/')) {
      if (!tokenMatches(fromUrl, token)) return send(res, 403, 'text/html; charset=utf-8', refusedPage);
      // Trade the token in the URL for a cookie, and take it out of the address bar and history.
      res.writeHead(303, { 'set-cookie': tokenCookie(port, token), location: url.pathname, 'cache-control': 'no-store' });
      return void res.end();
    }
    if (!tokenMatches(tokenFromCookies(req.headers.cookie, port), token)) {
      return url.pathname.startsWith('/api/') ? sendJson(res, 401, { ok: false, error: { code: 'invalid_request', message: 'Not signed in: open the URL upstream serve printed.' } }) : send(res, 401, 'text/html; charset=utf-8', refusedPage);
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return openStream(req, res);
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST.');
      if (!allowedOrigin(req.headers.origin, req.headers.host, port)) return sendJson(res, 403, { ok: false, error: { code: 'invalid_request', message: 'Cross-origin commands are refused.' } });
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return sendJson(res, 415, { ok: false, error: { code: 'invalid_request', message: 'Send JSON.' } });
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'invalid_request', message: 'Request too large.' } });
      let payload: unknown;
      try {
        payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_request', message: 'The body is not JSON.' } });
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      return sendJson(res, 200, await options.upstream.dispatch(channel, payload));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    const file = await readStatic(options.staticDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    res.writeHead(200, { 'content-type': file.contentType, 'cache-control': file.cacheControl, 'content-length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function openStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.upstream.subscribe((message) => {
      res.write(`data: ${JSON.stringify(message)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const end = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', end);
    res.on('error', end);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    async close() {
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const refusedPage = `<!doctype html><meta charset="utf-8"><title>Upstream</title>
<p>This Upstream page needs the address that <code>upstream serve</code> printed in its terminal (it carries a one-time token).</p>`;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
