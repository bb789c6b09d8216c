import { describe, expect, it } from 'vitest';
import { excerpt, normaliseText } from '../../../../electron/core/changes/text.ts';
import { prng } from '../../../support/prng.ts';

/** The full normal form, without the plain-ASCII shortcut, as text.ts defined it before the shortcut. */
function normalisedSlowly(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[name.toLowerCase()] ?? whole;
    })
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** An excerpt flattened from the whole text, as text.ts defined it before it flattened a prefix. */
function excerptOfWhole(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function texts(seed: number, n: number): string[] {
  const rand = prng(seed);
  const parts = ['We are ', 'investigating', ' ', '  ', '\n', '\t', 'A\u00a0B', '&amp;', '&#39;', 'caf\u00e9', '\u2019', '\u201cQ\u201d', '\ufb01', '\u200b', 'Z', '. ', ': '];
  return Array.from({ length: n }, () => {
    let text = rand() < 0.1 ? ' '.repeat(Math.floor(rand() * 1200)) : '';
    const length = Math.floor(rand() * 1500);
    while (text.length < length) text += parts[Math.floor(rand() * parts.length)];
    return text;
  });
}

describe('text helpers keep their meaning through their shortcuts', () => {
  it('normaliseText: plain ASCII and everything else give the full normal form', () => {
    for (const text of [...texts(1, 3000), 'Plain ASCII, no entity.', '  Mixed\tWHITE\n space  ', 'a & b', '']) {
      expect(normaliseText(text)).toBe(normalisedSlowly(text));
    }
  });

  it('excerpt: flattening a prefix of a long text gives the excerpt of the whole', () => {
    for (const text of texts(2, 3000)) {
      for (const max of [10, 80, 200]) expect(excerpt(text, max)).toBe(excerptOfWhole(text, max));
    }
  });
});
