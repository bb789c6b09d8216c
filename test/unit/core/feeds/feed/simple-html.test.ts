/**
 * The simple HTML scan (common/html.ts) must give the tokens htmlparser2 gives, for every HTML it
 * accepts: held on every feed body of every capture (each of which it must accept) and on
 * thousands of mutations and generated fragments. Text runs are compared joined: htmlparser2
 * splits a run around entities, and every reader of tokens joins adjacent text.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlTokens, parsedHtmlTokens, simpleHtmlTokens } from '../../../../../electron/core/feeds/common/html.ts';
import type { HtmlToken } from '../../../../../electron/core/feeds/common/html.ts';
import { decodeXmlText } from '../../../../../electron/core/feeds/common/xml.ts';
import { prng } from '../../../../support/prng.ts';
import { OWN_FIXTURES, SHARED_FIXTURES } from '../../../../support/paths.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every HTML body of every feed capture (Atom content and summary, RSS description and encoded). */
function feedBodies(): string[] {
  const bodies = new Set<string>();
  for (const file of [...walk(SHARED_FIXTURES), ...walk(OWN_FIXTURES)].filter((f) => /\.(atom|rss|xml)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<(content|summary|description|content:encoded)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
      const raw = m[2] ?? '';
      bodies.add(raw.trimStart().startsWith('<![CDATA[') ? raw.trim().slice(9, -3) : decodeXmlText(raw));
    }
  }
  return [...bodies];
}

function joined(tokens: readonly HtmlToken[]): HtmlToken[] {
  const out: HtmlToken[] = [];
  for (const token of tokens) {
    const last = out.at(-1);
    if (token.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + token.text };
    else out.push(token);
  }
  return out;
}

/** True when the simple scan took the HTML. */
function expectSameTokens(html: string, label: string): boolean {
  const simple = simpleHtmlTokens(html);
  expect(joined(htmlTokens(html)), label).toEqual(joined(parsedHtmlTokens(html)));
  if (simple) expect(joined(simple), label).toEqual(joined(parsedHtmlTokens(html)));
  return simple !== undefined;
}

const BODIES = feedBodies();

describe('simple HTML scan: the tokens htmlparser2 gives', () => {
  it('on every feed body of every capture, Statuspage timelines all read by the scan', () => {
    expect(BODIES.length).toBeGreaterThan(400);
    let simple = 0;
    for (const [i, html] of BODIES.entries()) if (expectSameTokens(html, `body ${i}`)) simple++;
    expect(simple / BODIES.length).toBeGreaterThan(0.9);
    const timelines = BODIES.filter((b) => b.includes("<var data-var='time'>"));
    expect(timelines.length).toBeGreaterThan(100);
    // Only a letter after a bare `&` ("Q&A": a named reference may start there) needs htmlparser2.
    expect(timelines.filter((b) => simpleHtmlTokens(b) === undefined && !/&[A-Za-z]/.test(b))).toEqual([]);
  });

  it('on 20,000 mutations: implied closes, void and self-closing tags, stray ends, entities, odd markup', () => {
    const random = prng(7);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const inserts = ['<p>', '</p>', '<br>', '<br/>', '</br>', '<br />', '<small>', '</small>', '<strong>', '</strong>', '<b>', '</b>',
      '<a href="x">', '</a>', '<li>', '</li>', '<ul>', '</ul>', '<div>', '</div>', '<h2>', '</h2>', '<hr>', '<img src="x">', "<var data-var='date'>",
      '</var>', '&amp;', '&nbsp;', '&#39;', '&#x27;', '&bogus;', '&', '<', '>', '< ', '</ ', '<!-- c -->', '<P>', '<span/>', '<p/>', '\u0000',
      '\r\n', '\t', '&#128;', '&#0;', '&amp', '<script>x</script>', '<a b>', '<a b=c>', '<a  b = "1" c=\'2\'>', '<p class="x"/>', '/>', '"', "'",
      '=', '<em>', '</em>', '<h1>', '<blockquote>', '</blockquote>', '<ol>', '</ol>', '<p / >', '<a href="x"title="y">', '<img\nsrc="a>b">'];
    let simple = 0;
    for (let n = 0; n < 20_000; n++) {
      let html = random() < 0.7 ? pick(BODIES) : '';
      for (let k = 1 + Math.floor(random() * 6); k > 0; k--) {
        const at = Math.floor(random() * (html.length + 1));
        html = html.slice(0, at) + pick(inserts) + html.slice(at + (random() < 0.3 ? Math.floor(random() * 5) : 0));
      }
      if (expectSameTokens(html, `mutation ${n}: ${JSON.stringify(html.slice(0, 200))}`)) simple++;
    }
    expect(simple).toBeGreaterThan(5000);
  });
});
