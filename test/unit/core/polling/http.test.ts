import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeHttpAgents, fetchDocument, USER_AGENT } from '../../../../electron/core/polling/http.ts';
import {
  file, hang, hugeBody, json, redirect, resetConnection, respond, slowDrip, startFixtureServer, type FixtureServer,
} from '../../../support/fixture-server.ts';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await closeHttpAgents();
  await server.close();
});

function text(body: Uint8Array): string {
  return new TextDecoder().decode(body);
}

/** A port nothing listens on: bind, note the port, close. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

describe('fetchDocument', () => {
  it('reads a real Statuspage summary with its validators, content type and identifying headers', async () => {
    server.route('/gh/api/v2/summary.json', file('statuspage/github-summary-2022-11-25-partial-outage.json'));
    const out = await fetchDocument(`${server.url}/gh/api/v2/summary.json`);
    expect(out.ok && !out.notModified).toBe(true);
    if (!out.ok || out.notModified) return;
    expect(out.value.status).toBe(200);
    expect(out.value.contentType).toBe('application/json; charset=utf-8');
    expect(out.value.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(out.value.lastModified).toMatch(/GMT$/);
    expect(out.value.bytes).toBe(out.value.body.length);
    expect(JSON.parse(text(out.value.body)).page.name).toBe('GitHub');
    const logged = server.requests.at(-1);
    expect(logged?.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^Upstream\/\d+\.\d+\.\d+ \(\+status monitor\)$/);
    expect(logged?.headers['accept']).toContain('application/json');
  });

  it('sends the previous validators and reports 304 as not modified', async () => {
    server.route('/etag/history.atom', file('rss_atom/github-statuspage-history.atom'));
    const first = await fetchDocument(`${server.url}/etag/history.atom`);
    if (!first.ok || first.notModified) throw new Error('first fetch failed');
    const second = await fetchDocument(`${server.url}/etag/history.atom`, { etag: first.value.etag, lastModified: first.value.lastModified });
    expect(second).toMatchObject({ ok: true, notModified: true, value: { status: 304, etag: first.value.etag } });
    const logged = server.requests.at(-1);
    expect(logged?.ifNoneMatch).toBe(first.value.etag);
    expect(logged?.ifModifiedSince).toBe(first.value.lastModified);
  });

  it('decodes a gzip body', async () => {
    server.route('/gz/incidents.json', file('gcp/gcp-incidents-json-3-incidents-trimmed-text.json', { gzip: true }));
    const out = await fetchDocument(`${server.url}/gz/incidents.json`);
    if (!out.ok || out.notModified) throw new Error(JSON.stringify(out));
    expect(server.requests.at(-1)?.headers['accept-encoding']).toContain('gzip');
    const incidents = JSON.parse(text(out.value.body)) as unknown[];
    expect(incidents).toHaveLength(3);
  });

  it('stops a zip bomb at the cap on decoded bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100 * 1024);
    server.route('/bomb', respond(200, bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' }));
    const out = await fetchDocument(`${server.url}/bomb`, { maxBytes: 1024 * 1024 });
    expect(out).toMatchObject({ ok: false, error: { kind: 'too_large' } });
  });

  it('reports a server error as http_status with its code', async () => {
    server.route('/500', respond(500, 'oops'));
    const out = await fetchDocument(`${server.url}/500`);
    expect(out).toEqual({ ok: false, error: { kind: 'http_status', status: 500, message: 'The server answered HTTP 500.', url: `${server.url}/500` } });
  });

  it('passes on Retry-After in seconds from a 429', async () => {
    server.route('/429', respond(429, '', { 'retry-after': '120' }));
    const out = await fetchDocument(`${server.url}/429`);
    expect(out).toMatchObject({ ok: false, error: { kind: 'http_status', status: 429, retryAfterSeconds: 120 } });
  });

  it('passes on Retry-After given as an HTTP date on a 503', async () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    server.route('/503', respond(503, '', { 'retry-after': 'Wed, 01 May 2024 12:05:00 GMT' }));
    const out = await fetchDocument(`${server.url}/503`, { now: () => now });
    expect(out).toMatchObject({ ok: false, error: { kind: 'http_status', status: 503, retryAfterSeconds: 300 } });
  });

  it('follows a redirect chain and reports the final URL', async () => {
    server.route('/r1', redirect('/r2', 301));
    server.route('/r2', redirect(`${server.url}/r3`, 308));
    server.route('/r3', json({ ok: 1 }));
    const out = await fetchDocument(`${server.url}/r1`);
    if (!out.ok || out.notModified) throw new Error(JSON.stringify(out));
    expect(out.value.url).toBe(`${server.url}/r3`);
    expect(text(out.value.body)).toBe('{"ok":1}');
  });

  it('detects a redirect loop', async () => {
    server.route('/loop-a', redirect('/loop-b'));
    server.route('/loop-b', redirect('/loop-a'));
    const out = await fetchDocument(`${server.url}/loop-a`);
    expect(out).toMatchObject({ ok: false, error: { kind: 'too_many_redirects' } });
    expect(server.paths().filter((p) => p.startsWith('/loop-'))).toEqual(['/loop-a', '/loop-b']);
  });

  it('gives up after five redirects', async () => {
    for (let i = 0; i < 7; i++) server.route(`/hop${i}`, redirect(`/hop${i + 1}`));
    const out = await fetchDocument(`${server.url}/hop0`);
    expect(out).toMatchObject({ ok: false, error: { kind: 'too_many_redirects', message: 'More than 5 redirects.' } });
  });

  it('refuses a redirect to a non-http scheme and non-http URLs', async () => {
    server.route('/to-file', redirect('file:///etc/passwd'));
    expect(await fetchDocument(`${server.url}/to-file`)).toMatchObject({ ok: false, error: { kind: 'invalid_url' } });
    expect(await fetchDocument('ftp://example.com/feed')).toMatchObject({ ok: false, error: { kind: 'invalid_url' } });
    expect(await fetchDocument('not a url')).toMatchObject({ ok: false, error: { kind: 'invalid_url' } });
  });

  it('refuses a declared oversize body without reading it', async () => {
    const stats = { bytes: 0, closedEarly: false };
    server.route('/huge-declared', hugeBody(64 * 1024 * 1024, { declareLength: true, stats }));
    const out = await fetchDocument(`${server.url}/huge-declared`, { maxBytes: 1024 * 1024 });
    expect(out).toMatchObject({ ok: false, error: { kind: 'too_large' } });
    await vi_waitFor(() => stats.closedEarly);
    expect(stats.bytes).toBeLessThan(16 * 1024 * 1024);
  });

  it('stops reading a chunked body as soon as it passes the cap', async () => {
    const stats = { bytes: 0, closedEarly: false };
    server.route('/huge-chunked', hugeBody(64 * 1024 * 1024, { stats }));
    const out = await fetchDocument(`${server.url}/huge-chunked`, { maxBytes: 1024 * 1024 });
    expect(out).toMatchObject({ ok: false, error: { kind: 'too_large' } });
    await vi_waitFor(() => stats.closedEarly);
    expect(stats.bytes).toBeLessThan(16 * 1024 * 1024);
  });

  it('cuts a body that drips one byte at a time at the total deadline', async () => {
    server.route('/drip', slowDrip(200));
    const started = Date.now();
    const out = await fetchDocument(`${server.url}/drip`, { totalTimeoutMs: 1_000, bodyTimeoutMs: 5_000 });
    const elapsed = Date.now() - started;
    expect(out).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2_500);
  });

  it('times out a server that never sends headers', async () => {
    server.route('/hang', hang());
    const started = Date.now();
    const out = await fetchDocument(`${server.url}/hang`, { headersTimeoutMs: 500 });
    expect(out).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('reports a refused connection as a network failure', async () => {
    const port = await closedPort();
    const out = await fetchDocument(`http://127.0.0.1:${port}/api/v2/summary.json`);
    expect(out).toMatchObject({ ok: false, error: { kind: 'network' } });
    if (!out.ok) expect(out.error.message).toContain('ECONNREFUSED');
  });

  it('reports a dropped connection as a network failure', async () => {
    server.route('/reset', resetConnection());
    const out = await fetchDocument(`${server.url}/reset`);
    expect(out).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  it('reports a corrupt gzip body as the vendor\'s fault, not the network\'s', async () => {
    server.route('/bad-gzip', respond(200, 'definitely not gzip', { 'content-encoding': 'gzip' }));
    const out = await fetchDocument(`${server.url}/bad-gzip`);
    expect(out).toMatchObject({ ok: false, error: { kind: 'http_status', status: 200 } });
  });
});

async function vi_waitFor(predicate: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}
