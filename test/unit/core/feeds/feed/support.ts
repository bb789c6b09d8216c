import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { feedXmlAdapter } from '../../../../../electron/core/feeds/feed/adapter.ts';
import type { ParseResult } from '../../../../../electron/core/feeds/types.ts';
import type { Snapshot } from '../../../../../shared/model/index.ts';
import { OWN_FIXTURES } from '../../../../support/paths.ts';

/** Test helpers for the feed adapter: bytes in, snapshot out. */
export const FETCHED_AT = '2026-08-22T04:00:00.000Z';

export function parseFeed(body: string | Uint8Array, fetchedAt = FETCHED_AT): ParseResult {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return feedXmlAdapter.parse({ main: { url: 'https://status.example.test/history.atom', body: bytes, contentType: 'application/atom+xml' } }, { sourceUrl: 'https://status.example.test/history.atom', fetchedAt });
}

export function snapshotOf(result: ParseResult): Snapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${result.error.kind}: ${result.error.message}`);
  return result.snapshot;
}

export function ownFeed(name: string): Uint8Array {
  return readFileSync(resolve(OWN_FIXTURES, 'feed', name));
}

/** Neither a tag nor an entity code may reach a person. */
export const MARKUP = /<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;
