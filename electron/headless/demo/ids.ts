import { createHash } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A 12-character id shaped like Statuspage's (`ljwdk6qml8z8`), derived from `seed` so the same
 * demo start always yields the same ids. No randomness: a replay must serve identical documents.
 */
export function statuspageId(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = '';
  for (let i = 0; i < 12; i++) id += ALPHABET[digest[i]! % ALPHABET.length];
  return id;
}

/**
 * 0–999 ms derived from `seed`: real timestamps rarely land on a whole second, and the demo's
 * should not look machine-made either.
 */
export function jitterMs(seed: string): number {
  return createHash('sha256').update(`jitter:${seed}`).digest().readUInt16BE(0) % 1000;
}
