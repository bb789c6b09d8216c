import { describe, expect, it } from 'vitest';
import { excerpt, normaliseText, shortHash } from '../../../../electron/core/changes/text.ts';
import { contentKey, matchUpdates, unionUpdates } from '../../../../electron/core/changes/update-keys.ts';
import { update } from './factories.ts';

const T = '2024-05-01T10:00:00.000Z';

describe('update identity', () => {
  it('gives a re-rendered update (whitespace, entities, nbsp, curly quotes) the same content key', () => {
    const a = contentKey(update(T, 'Update', "We're deploying a fix.\n\nMore soon."));
    expect(contentKey(update(T, 'update ', 'We&#39;re deploying a fix. More soon.'))).toBe(a);
    expect(contentKey(update(T, 'Update', 'We\u2019re\u00a0deploying a fix.  More soon.'))).toBe(a);
    expect(contentKey(update(T, 'Update', 'We&apos;re deploying a fix. More soon.'))).toBe(a);
    expect(contentKey(update(T, 'Update', 'We are deploying a fix. More soon.'))).not.toBe(a);
    expect(contentKey(update('2024-05-01T10:01:00.000Z', 'Update', "We're deploying a fix. More soon."))).not.toBe(a);
  });

  it('keeps the key of the known update when its text was edited, so the event id never changes', () => {
    const known = [update(T, 'Update', 'Original text')];
    const match = matchUpdates(known, [update(T, 'Update', 'Corrected text')]);
    expect(match.isNew).toEqual([false]);
    expect(match.keys).toEqual([contentKey(known[0]!)]);
  });

  it('gives identical twin updates distinct keys', () => {
    const twin = update(T, 'Update', 'Same');
    const match = matchUpdates([], [twin, { ...twin }]);
    expect(match.isNew).toEqual([true, true]);
    expect(match.keys[1]).toBe(`${match.keys[0]}~2`);
  });

  it('unions timelines chronologically, newest rendering wins', () => {
    const known = [update(T, 'Investigating', ''), update('2024-05-01T11:00:00.000Z', 'Update', 'b')];
    const next = [update('2024-05-01T12:00:00.000Z', 'Resolved', 'c', 'resolved'), update(T, 'Investigating', 'a (full text)')];
    expect(unionUpdates(known, next).map((u) => u.body)).toEqual(['a (full text)', 'b', 'c']);
  });

  it('hashes to 7 stable base-36 characters and excerpts at a word boundary', () => {
    // FNV-1a 32-bit reference vectors: "" → 0x811c9dc5, "a" → 0xe40c292c.
    expect(shortHash('')).toBe('0ztntfp');
    expect(shortHash('a')).toBe((0xe40c292c).toString(36));
    expect(shortHash('incident')).toMatch(/^[0-9a-z]{7}$/);
    expect(normaliseText('  A&amp;B\u200b  c ')).toBe('a&b c');
    expect(excerpt('word '.repeat(60), 20)).toBe('word word word word…');
  });
});
