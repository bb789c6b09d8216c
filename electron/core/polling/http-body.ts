import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** Result of reading a body under a byte cap. */
export type CappedBody = { ok: true; body: Uint8Array } | { ok: false; tooLarge: true; bytesRead: number };

/**
 * The decompressor for a Content-Encoding, `null` for identity, `undefined` for one we never asked
 * for. We send our own Accept-Encoding (undici's `request` does not decode), so anything else is a
 * server bug we refuse rather than hand compressed bytes to a parser.
 */
export function decoderFor(contentEncoding: string | undefined): Transform | null | undefined {
  const coding = (contentEncoding ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return null;
  if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
  if (coding === 'br') return createBrotliDecompress();
  if (coding === 'deflate') return createInflate();
  return undefined;
}

/**
 * Read a response body, decompressing on the way, and stop the moment the *decoded* size passes
 * `maxBytes`. Counting decoded bytes is what stops a zip bomb (a few KiB of gzip that inflate to
 * gigabytes); stopping early (destroying the socket stream) is what keeps a huge or endless body
 * from being buffered at all. Rejects with the stream's error (abort, reset, timeout, bad gzip).
 */
export async function readCappedBody(raw: Readable, decoder: Transform | null, maxBytes: number): Promise<CappedBody> {
  let source: Readable = raw;
  if (decoder) {
    // pipe() does not forward errors: a reset socket must fail the decoder we iterate.
    raw.on('error', (err) => decoder.destroy(err));
    source = raw.pipe(decoder);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        return { ok: false, tooLarge: true, bytesRead: total };
      }
      chunks.push(chunk);
    }
  } finally {
    // Leaving early (cap, error) must release the socket; after a full read this is a no-op.
    if (!raw.readableEnded) discard(raw);
    if (decoder && !decoder.readableEnded) discard(decoder);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, body };
}

/**
 * Drop a body we will not read (a 304's, a redirect's, an error page's). undici's `dump()` reads
 * up to 64 KiB and then closes the stream quietly; destroying it instead builds an abort error
 * with a stack trace, which on every 304 of a 1,000-vendor cycle was a measurable share of the
 * CPU. A no-op error listener stays on, because an unlistened error would crash the process.
 */
export function discard(stream: Readable | Transform): void {
  stream.on('error', () => undefined);
  const dumpable = stream as unknown as { dump?: (opts: { limit: number }) => Promise<void> };
  if (typeof dumpable.dump === 'function') void dumpable.dump({ limit: 64 * 1024 }).catch(() => undefined);
  else stream.destroy();
}
