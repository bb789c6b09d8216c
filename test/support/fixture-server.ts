import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SHARED_FIXTURES } from './paths.ts';

/**
 * A real HTTP server on 127.0.0.1 for tests: vendor documents read in place from the shared
 * fixtures, plus handlers for every way a vendor or the network misbehaves. Real sockets, so the
 * HTTP client's timeouts, caps and redirects are tested as they run in production.
 */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface LoggedRequest {
  method: string;
  /** Path with query string, as the client sent it. */
  path: string;
  headers: IncomingHttpHeaders;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

export interface FixtureServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  /** Serve a path (exact, with query; or pathname only) with a handler or a fixture file. */
  route(path: string, handler: RouteHandler | FileRoute): void;
  /** Every request received, in order. */
  requests: LoggedRequest[];
  /** Paths hit, in order: the short form most assertions want. */
  paths(): string[];
  close(): Promise<void>;
}

/** A file served with validators; `path` is absolute or relative to the shared fixtures. */
export interface FileRoute {
  file: string;
  contentType?: string;
  /** Send the body gzip-encoded (with Content-Encoding) when the client accepts it. */
  gzip?: boolean;
  /** Omit ETag/Last-Modified to model servers without validators. */
  validators?: boolean;
}

/** A FileRoute for a shared fixture, content type from the extension. */
export function file(path: string, extra: Omit<FileRoute, 'file'> = {}): FileRoute {
  return { file: path, ...extra };
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, RouteHandler>();
  const requests: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null,
      ifModifiedSince: (req.headers['if-modified-since'] as string | undefined) ?? null,
    });
    const handler = routes.get(path) ?? routes.get(path.split('?')[0] ?? path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title><h1>404</h1>');
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
      else res.destroy();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    paths: () => requests.map((r) => r.path),
    route(path, handler) {
      routes.set(path, typeof handler === 'function' ? handler : serveFile(handler));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

const TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Serve a file with ETag (content hash) and Last-Modified (mtime), answering 304 when they match. */
export function serveFile(route: FileRoute): RouteHandler {
  const path = isAbsolute(route.file) ? route.file : resolve(SHARED_FIXTURES, route.file);
  return (req, res) => {
    const body = readFileSync(path);
    const ext = path.split('.').pop() ?? '';
    const headers: Record<string, string> = { 'content-type': route.contentType ?? TYPES[ext] ?? 'application/octet-stream' };
    if (route.validators !== false) {
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      const lastModified = statSync(path).mtime.toUTCString();
      headers['etag'] = etag;
      headers['last-modified'] = lastModified;
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if (inm === etag || (inm === undefined && ims !== undefined && Date.parse(ims) >= Date.parse(lastModified))) {
        res.writeHead(304, { etag, 'last-modified': lastModified }).end();
        return;
      }
    }
    if (route.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(body));
      return;
    }
    res.writeHead(200, headers).end(body);
  };
}

/** A fixed answer: any status, headers and body. */
export function respond(status: number, body: string | Uint8Array = '', headers: Record<string, string> = {}): RouteHandler {
  return (_req, res) => void res.writeHead(status, headers).end(body);
}

export function json(value: unknown, status = 200): RouteHandler {
  return respond(status, JSON.stringify(value), { 'content-type': 'application/json' });
}

/** The SPA shell / error page many status hosts answer with, status 200, for any path. */
export function htmlPage(title = 'Status', extraHead = ''): RouteHandler {
  return respond(200, `<!DOCTYPE html><html><head><title>${title}</title>${extraHead}</head><body><div id="root"></div></body></html>`, { 'content-type': 'text/html; charset=utf-8' });
}

export function redirect(location: string, status = 302): RouteHandler {
  return respond(status, '', { location });
}

/** Accept the request and never answer: exercises the headers timeout. */
export function hang(): RouteHandler {
  return () => undefined;
}

/** Drop the connection without a response (ECONNRESET at the client). */
export function resetConnection(): RouteHandler {
  return (req) => void req.socket.destroy();
}

/**
 * Headers at once, then `chunk` bytes every `intervalMs`, forever (until the client leaves): a
 * body the idle timeout never cuts. `stats.bytes` counts what was written.
 */
export function slowDrip(intervalMs: number, chunk = 'x', stats = { bytes: 0 }): RouteHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(chunk);
      stats.bytes += chunk.length;
    }, intervalMs);
    res.on('close', () => clearInterval(timer));
  };
}

/**
 * A body of `totalBytes`, written under back-pressure (so `stats.bytes` is what the client really
 * pulled, give or take the socket buffers). `declareLength` sends an honest Content-Length.
 */
export function hugeBody(totalBytes: number, opts: { declareLength?: boolean; stats?: { bytes: number; closedEarly: boolean } } = {}): RouteHandler {
  const stats = opts.stats ?? { bytes: 0, closedEarly: false };
  return (_req, res) => {
    // Each request sends the whole body again; `stats` reports the latest request.
    stats.bytes = 0;
    stats.closedEarly = false;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.declareLength) headers['content-length'] = String(totalBytes);
    res.writeHead(200, headers);
    const block = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (stats.bytes < totalBytes) {
        if (res.destroyed) return;
        const n = Math.min(block.length, totalBytes - stats.bytes);
        stats.bytes += n;
        if (!res.write(n === block.length ? block : block.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => {
      if (stats.bytes < totalBytes) stats.closedEarly = true;
    });
    pump();
  };
}
