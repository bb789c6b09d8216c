/**
 * A scan of the simple HTML that status-page timelines are made of, giving exactly the open, text
 * and close events htmlparser2 would (its implied closes, void elements and stray end tags), at
 * 0.25 ms instead of 0.65 ms a document. Anything it does not know makes it give up (false), and
 * html.ts hands the fragment to htmlparser2; tests hold the two equal on every feed body of every
 * capture and on generated HTML.
 */

/** The events a scan (or htmlparser2) produces, htmlparser2's handler shape. */
export interface HtmlEvents {
  onopentag(name: string): void;
  ontext(text: string): void;
  onclosetag(name: string): void;
}

/**
 * Tags the simple scanner below reads, each with the open elements htmlparser2 closes when it
 * opens (its `openImpliesClose` table, v12): a `<p>` ends an open `<p>`, a heading ends an open
 * heading or `<p>`. Every tag in Statuspage and Instatus timelines is here [F: 9,730 feed bodies:
 * var, strong, p, small, br, li, b, a].
 */
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];
const SIMPLE_TAGS: ReadonlyMap<string, readonly string[]> = new Map([
  ['p', ['p']], ['a', ['a']], ['li', ['li']],
  ['div', ['p']], ['ul', ['p']], ['ol', ['p']], ['blockquote', ['p']], ['hr', ['p']],
  ...HEADINGS.slice(0, 6).map((h): [string, string[]] => [h, HEADINGS]),
  ...['small', 'var', 'strong', 'b', 'em', 'i', 'u', 'span', 'code', 'sup', 'sub', 'br', 'img'].map((t): [string, string[]] => [t, []]),
]);
/** Of those, the ones htmlparser2 treats as void (never open). */
const SIMPLE_VOID = new Set(['br', 'hr', 'img']);
/** The entities the simple scanner decodes itself; any other `&` leaves the text to htmlparser2. */
const SIMPLE_ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp)|#([0-9]{1,5})|#[xX]([0-9a-fA-F]{1,4}));/y;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** HTML whitespace as htmlparser2's tokenizer reads it: space, tab, LF, FF, CR. */
function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function isAlnum(c: number): boolean {
  return isLowerAlnum(c) || (c >= 65 && c <= 90);
}

function isLowerAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Feeds `sink` the events htmlparser2 (HTML mode, the options htmlTokens uses) would give, for
 * HTML made only of the tags in SIMPLE_TAGS written in lower case with quoted or bare
 * attributes, text, the entities in SIMPLE_ENTITY and `&`s that start none; returns false as soon as the HTML holds
 * anything else (comments, declarations, other tags, upper case, other entities), and the caller
 * then parses it with htmlparser2. It mirrors htmlparser2's Parser for those tags: implied closes
 * on open, void elements, `</p>` and `</br>` without an open element, closing through unclosed
 * children, closing what is left at the end. A run of text is one event (htmlparser2 may split
 * it, around entities; tokens only ever join runs). Tested against htmlparser2 on every feed
 * body of every capture and on generated HTML (test/unit/core/feeds/feed/simple-html.test.ts).
 * Why: htmlparser2's character-by-character tokenizer was 29 % of reading a GitHub
 * history.atom; this scan, one `indexOf` per tag, reads the same bodies in 0.25 ms instead of
 * 0.65 ms per document (373 replayed versions).
 */
export function scanSimpleHtml(html: string, sink: HtmlEvents): boolean {
  if (html.includes('\u0000')) return false;
  const stack: string[] = [];
  let pos = 0;
  let run = '';
  for (;;) {
    let lt = html.indexOf('<', pos);
    // A `<` that starts no tag is text (htmlparser2: not a letter, `/`, `!` or `?` after it).
    while (lt !== -1 && !startsMarkup(html.charCodeAt(lt + 1))) lt = html.indexOf('<', lt + 1);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > pos) {
      const text = simpleText(html.slice(pos, textEnd));
      if (text === undefined) return false;
      run += text;
    }
    if (lt === -1) break;
    if (run !== '') {
      sink.ontext(run);
      run = '';
    }
    const c = html.charCodeAt(lt + 1);
    if (c === 33 || c === 63) return false;
    const closing = c === 47;
    const nameAt = closing ? lt + 2 : lt + 1;
    let at = nameAt;
    while (isLowerAlnum(html.charCodeAt(at))) at++;
    const name = html.slice(nameAt, at);
    const implies = SIMPLE_TAGS.get(name);
    if (implies === undefined || html.charCodeAt(nameAt) < 97) return false;
    if (closing) {
      while (isHtmlSpace(html.charCodeAt(at))) at++;
      if (html.charCodeAt(at) !== 62 /* > */) return false;
      closeTag(name, stack, sink);
      pos = at + 1;
      continue;
    }
    const end = openTagEnd(html, at);
    if (end === -1) return false;
    openTag(name, implies, html.charCodeAt(end - 1) === 47 /* / */, stack, sink);
    pos = end + 1;
  }
  if (run !== '') sink.ontext(run);
  for (let i = stack.length - 1; i >= 0; i--) sink.onclosetag(stack[i] ?? '');
  return true;
}

function startsMarkup(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 47 || c === 33 || c === 63;
}

/** Text with its simple entities decoded; undefined when it holds an `&` we leave to htmlparser2. */
function simpleText(text: string): string | undefined {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let last = 0;
  while (amp !== -1) {
    // An `&` before anything but a letter, a digit or `#` starts no reference: it stays as written.
    const next = text.charCodeAt(amp + 1);
    if (!isAlnum(next) && next !== 35 /* # */) {
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    SIMPLE_ENTITY.lastIndex = amp;
    const m = SIMPLE_ENTITY.exec(text);
    if (!m) return undefined;
    let decoded: string;
    if (m[1] !== undefined) decoded = NAMED[m[1]] ?? '';
    else {
      const cp = m[2] !== undefined ? Number(m[2]) : Number.parseInt(m[3] ?? '', 16);
      // Outside these, HTML maps the code point (C1 controls, NUL, surrogates): htmlparser2's job.
      const plain = cp === 9 || cp === 10 || (cp >= 32 && cp <= 126) || (cp >= 160 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd);
      if (!plain) return undefined;
      decoded = String.fromCharCode(cp);
    }
    out += text.slice(last, amp) + decoded;
    last = SIMPLE_ENTITY.lastIndex;
    amp = text.indexOf('&', last);
  }
  return out + text.slice(last);
}

/**
 * Index of the `>` ending an open tag whose name ends at `from`, or -1 for anything but
 * `name="v"`, `name='v'` and bare `name` attributes separated as htmlparser2's tokenizer
 * separates them, then `>` or `/>`.
 */
function openTagEnd(html: string, from: number): number {
  let at = from;
  for (;;) {
    const before = at;
    while (isHtmlSpace(html.charCodeAt(at))) at++;
    const c = html.charCodeAt(at);
    if (c === 62 /* > */) return at;
    if (c === 47 /* / */) return html.charCodeAt(at + 1) === 62 ? at + 1 : -1;
    // An attribute name: `[A-Za-z_:][A-Za-z0-9_:.-]*`, after whitespace or a quoted value.
    if (at === before && at === from) return -1;
    const nameStart = at;
    while (isAttrNameChar(html.charCodeAt(at))) at++;
    if (at === nameStart || !isAttrNameStart(html.charCodeAt(nameStart))) return -1;
    let eq = at;
    while (isHtmlSpace(html.charCodeAt(eq))) eq++;
    if (html.charCodeAt(eq) !== 61 /* = */) {
      const next = html.charCodeAt(at);
      if (!isHtmlSpace(next) && next !== 62 && next !== 47) return -1;
      continue;
    }
    let quoteAt = eq + 1;
    while (isHtmlSpace(html.charCodeAt(quoteAt))) quoteAt++;
    const quote = html.charCodeAt(quoteAt);
    if (quote !== 34 && quote !== 39) return -1;
    const close = html.indexOf(quote === 34 ? '"' : "'", quoteAt + 1);
    if (close === -1) return -1;
    at = close + 1;
  }
}

function isAttrNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

function isAttrNameChar(c: number): boolean {
  return isAttrNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/** htmlparser2's Parser on an open tag: implied closes, then open (void: open and close). */
function openTag(name: string, implies: readonly string[], selfClosing: boolean, stack: string[], sink: HtmlEvents): void {
  while (stack.length > 0 && implies.includes(stack.at(-1) ?? '')) sink.onclosetag(stack.pop() ?? '');
  if (SIMPLE_VOID.has(name)) {
    sink.onopentag(name);
    sink.onclosetag(name);
    return;
  }
  stack.push(name);
  sink.onopentag(name);
  if (selfClosing) sink.onclosetag(stack.pop() ?? '');
}

/** htmlparser2's Parser on a close tag: through unclosed children; `</p>`, `</br>` with nothing open. */
function closeTag(name: string, stack: string[], sink: HtmlEvents): void {
  if (SIMPLE_VOID.has(name)) {
    if (name === 'br') {
      sink.onopentag('br');
      sink.onclosetag('br');
    }
    return;
  }
  const at = stack.lastIndexOf(name);
  if (at !== -1) {
    while (stack.length > at) sink.onclosetag(stack.pop() ?? '');
  } else if (name === 'p') {
    sink.onopentag('p');
    sink.onclosetag('p');
  }
}

