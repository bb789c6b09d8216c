import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES } from '../../../../support/paths.ts';
import { parseFeed } from './support.ts';

const REAL = readFileSync(resolve(SHARED_FIXTURES, 'rss_atom/github-statuspage-history.atom'), 'utf8');
const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol9;</title></feed>`;
const XXE = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>`;

function expectError(body: string | Uint8Array, kind: string): void {
  const started = performance.now();
  const result = parseFeed(body);
  expect(performance.now() - started).toBeLessThan(1000);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.kind).toBe(kind);
}

describe('feed-xml: bad input becomes a FeedError, quickly, never a throw', () => {
  it('empty body → empty_body', () => expectError('  \n', 'empty_body'));
  it('HTML error page → html_page', () => expectError('<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>down</body></html>', 'html_page'));
  it('XHTML page with an XML prolog → html_page', () => expectError('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'html_page'));
  it('JSON given to the XML adapter → wrong_format', () => expectError('{"page":{"id":"kctbh9vrtdwd"},"incidents":[]}', 'wrong_format'));
  it('XML that is neither Atom nor RSS → wrong_format', () => expectError('<?xml version="1.0"?><sitemap><url/></sitemap>', 'wrong_format'));
  it('invalid UTF-8 → invalid_encoding', () => expectError(new Uint8Array([0x3c, 0x66, 0x65, 0x65, 0x64, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x66, 0x65, 0x65, 0x64, 0x3e]), 'invalid_encoding'));
  it('billion-laughs entity expansion → malformed', () => expectError(BILLION_LAUGHS, 'malformed'));
  it('external entity declaration → malformed', () => expectError(XXE, 'malformed'));
  it('10,000 levels of nesting → malformed', () => expectError(`<feed>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</feed>`, 'malformed'));
  it('10,000 unclosed levels → malformed', () => expectError(`<rss>${'<x>'.repeat(10_000)}`, 'malformed'));
  it('mismatched close tags → malformed', () => expectError('<feed><entry><title>x</entry></title></feed>', 'malformed'));
  it('two root elements → malformed', () => expectError('<feed></feed><feed></feed>', 'malformed'));

  it('a real feed truncated at any of 200 points → malformed', () => {
    const text = REAL.trimEnd();
    for (let k = 1; k < 200; k++) {
      const cut = Math.floor((text.length * k) / 200);
      const result = parseFeed(text.slice(0, cut));
      expect(result.ok, `cut at ${cut}: …${text.slice(cut - 40, cut)}`).toBe(false);
      if (!result.ok) expect(['malformed', 'wrong_format']).toContain(result.error.kind);
    }
  });

  it('warns about an unreadable date or unknown label and keeps the rest', () => {
    const body = `<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>
      <entry><id>e1</id><title>Odd</title><updated>yesterday</updated><published>2024-05-01T10:00:00Z</published>
      <link href="https://s.test/incidents/odd1"/>
      <content type="html">&lt;p&gt;&lt;small&gt;May &lt;var&gt;1&lt;/var&gt;, &lt;var&gt;10:00&lt;/var&gt; XYZ&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Escalated&lt;/strong&gt; - Odd.&lt;/p&gt;</content></entry></feed>`;
    const result = parseFeed(body);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.snapshot.warnings.map((w) => w.code)).toEqual(['bad_date', 'unknown_zone', 'unknown_label']);
    const incident = result.snapshot.incidents[0]!;
    expect(incident.updates.map((u) => [u.at, u.label, u.status])).toEqual([['2024-05-01T10:00:00.000Z', 'Escalated', 'investigating']]);
  });

  it('survives hostile markup inside entry HTML (scripts, unclosed tags, deep nesting)', () => {
    const html = `<script>alert(1)</script><p><small>May <var>1</var>, <var>10:00</var> UTC</small><br><strong>Investigating</strong> - ${'<div>'.repeat(5000)}deep<b>unclosed`;
    const escaped = html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const body = `<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><entry><id>e1</id><title>T</title><updated>2024-05-01T10:00:00Z</updated><content type="html">${escaped}</content></entry></feed>`;
    const started = performance.now();
    const result = parseFeed(body);
    expect(performance.now() - started).toBeLessThan(1000);
    if (!result.ok) throw new Error(result.error.message);
    const update = result.snapshot.incidents[0]!.updates[0]!;
    expect(update.body).toBe('deepunclosed');
    expect(JSON.stringify(result.snapshot)).not.toContain('alert');
  });
});
