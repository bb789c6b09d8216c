/**
 * Helpers shared by the JSON platform adapter tests (Instatus, incident.io, Cachet, status.io,
 * Better Stack, GCP, Slack, Stripe) and the cross-adapter test. It sits at the feeds test root,
 * not under one platform, because every platform's tests read fixtures and contexts the same way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { Snapshot } from '../../../../shared/model/index.ts';
import type { FeedAdapter, FeedDocument, FeedDocuments, ParseContext, ParseResult } from '../../../../electron/core/feeds/types.ts';
import { OWN_FIXTURES, SHARED_FIXTURES } from '../../../support/paths.ts';

export const FETCHED_AT = '2026-08-01T12:00:00.000Z';

export function ctx(sourceUrl: string, extra: Partial<ParseContext> = {}): ParseContext {
  return { sourceUrl, fetchedAt: FETCHED_AT, ...extra };
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function doc(body: Uint8Array | string, url = 'https://status.example.com/doc', contentType: string | null = 'application/json'): FeedDocument {
  return { url, body: typeof body === 'string' ? bytes(body) : body, contentType };
}

/** A hand-written fixture from test/fixtures/<platform>/. */
export function own(path: string, url?: string): FeedDocument {
  return doc(readFileSync(resolve(OWN_FIXTURES, path)), url);
}

/** A real capture read in place from ../shared/fixtures. */
export function shared(path: string, url?: string): FeedDocument {
  return doc(readFileSync(resolve(SHARED_FIXTURES, path)), url);
}

/** The snapshot, failing the test with the adapter's error when there is none. */
export function snapshotOf(result: ParseResult): Snapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${result.error.kind}: ${result.error.message}`);
  return result.snapshot;
}

export function errorKindOf(result: ParseResult): string {
  return result.ok ? 'snapshot' : result.error.kind;
}

/** Bodies no adapter should take for its own, with the FeedError kind each must yield. */
export const BAD_BODIES: { name: string; body: Uint8Array; kind: string }[] = [
  { name: 'truncated JSON', body: bytes('{"page":{"name":"Acme","status":"UP"},"activeIncidents":[{"id":"x","na'), kind: 'malformed' },
  { name: 'an HTML error page', body: bytes('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'), kind: 'html_page' },
  { name: 'an XML body', body: bytes('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'), kind: 'wrong_format' },
  { name: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0xfe, 0xc3, 0x28, 0x7d]), kind: 'invalid_encoding' },
  { name: 'an empty body', body: bytes('   \n'), kind: 'empty_body' },
  { name: '10,000-level nested JSON', body: bytes('['.repeat(10_000) + ']'.repeat(10_000)), kind: 'malformed' },
  { name: 'a JSON string', body: bytes('"ok"'), kind: 'wrong_format' },
  { name: 'JSON null', body: bytes('null'), kind: 'wrong_format' },
  { name: 'an empty object', body: bytes('{}'), kind: 'wrong_format' },
  { name: 'an empty array', body: bytes('[]'), kind: 'wrong_format' },
];

/** Every adapter of this batch with a full set of its own documents, by role. */
export interface AdapterCase {
  adapter: FeedAdapter;
  /** The role whose document decides the format (the required one). */
  role: string;
  /** Its fixtures, each a complete document set. */
  fixtures: { name: string; docs: FeedDocuments }[];
}

/** Run `parse` and check it neither throws nor takes a second. */
export function timedParse(adapter: FeedAdapter, docs: FeedDocuments, sourceUrl = 'https://status.example.com/'): ParseResult {
  const started = performance.now();
  const result = adapter.parse(docs, ctx(sourceUrl));
  expect(performance.now() - started).toBeLessThan(1000);
  return result;
}
