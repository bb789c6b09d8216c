/**
 * The fast paths of two text helpers every feed goes through give exactly what the plain
 * implementations give: XML entity decoding (common/xml.ts `decodeXmlText` against `entities`'
 * `decodeXML`) and whitespace tidying (common/html.ts `tidyText` against its four replacements).
 */
import { decodeXML } from 'entities';
import { describe, expect, it } from 'vitest';
import { tidyText } from '../../../../../electron/core/feeds/common/html.ts';
import { decodeXmlText } from '../../../../../electron/core/feeds/common/xml.ts';
import { prng } from '../../../../support/prng.ts';

function randomText(random: () => number, alphabet: readonly string[], maxParts: number): string {
  let text = '';
  for (let n = Math.floor(random() * maxParts); n > 0; n--) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

describe('text fast paths', () => {
  it('decodeXmlText decodes as entities decodeXML does, on 200,000 generated strings', () => {
    const random = prng(11);
    const parts = ['&', 'lt;', 'gt;', 'amp;', 'quot;', 'apos;', '&lt;', '&gt;', '&amp;', '&quot;', '&apos;', '&#38;', '&#x3c;', '&#60;', '&LT;',
      '&am', 'p;', 'a', ' ', ';', '#', 'l', 't', 'g', '’', '\u0000', '&#0;', '&#x110000;', '&copy;'];
    for (let n = 0; n < 200_000; n++) {
      const text = randomText(random, parts, 10);
      expect(decodeXmlText(text), JSON.stringify(text)).toBe(decodeXML(text));
    }
  });

  it('tidyText tidies as its four replacements do, on 200,000 generated strings', () => {
    const plain = (text: string): string => text.replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    const random = prng(12);
    const parts = [' ', '  ', '\n', '\n\n\n', '\r', '\r\n', '\t', 'a', 'word', '\u00a0', '\u2028', '\ufeff', '\v', '\f', '.'];
    for (let n = 0; n < 200_000; n++) {
      const text = randomText(random, parts, 12);
      expect(tidyText(text), JSON.stringify(text)).toBe(plain(text));
    }
  });
});
