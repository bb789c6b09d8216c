import { Parser } from 'htmlparser2';
import { detached } from './decode.ts';
import { scanSimpleHtml, type HtmlEvents } from './simple-html.ts';

/**
 * HTML from feeds, flattened into a few tokens a timeline reader can walk. Vendors' HTML is
 * hostile input (and Statuspage varies its whitespace between snapshots), so we tokenise with a
 * real parser rather than regexes and keep only what carries meaning: text, line breaks,
 * paragraph breaks, and the text of `<small>` / `<strong>` / `<b>` runs, which Statuspage and
 * Instatus use for an update's date and label.
 */
export type HtmlToken =
  | { kind: 'text'; text: string }
  | { kind: 'br' }
  | { kind: 'para' }
  | { kind: 'small' | 'strong'; text: string };

const BLOCK_TAGS = new Set(['p', 'div', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr', 'section', 'article', 'hr']);
const MARK_TAGS: Record<string, 'small' | 'strong'> = { small: 'small', strong: 'strong', b: 'strong' };
/** Their text is never shown to a person. */
const SKIP_TAGS = new Set(['script', 'style', 'head', 'title', 'noscript', 'template']);

/**
 * Tokens of an HTML fragment, in document order; entities are decoded by the parser. Simple HTML
 * (every Statuspage and Instatus timeline) is read by a scan that gives htmlparser2's events
 * (simple-html.ts); anything else by htmlparser2 itself.
 */
export function htmlTokens(html: string): HtmlToken[] {
  return simpleHtmlTokens(html) ?? parsedHtmlTokens(html);
}

/** Tokens of simple HTML (see scanSimpleHtml); undefined when the HTML is not simple. */
export function simpleHtmlTokens(html: string): HtmlToken[] | undefined {
  const sink = new TokenSink();
  return scanSimpleHtml(html, sink) ? sink.finish() : undefined;
}

/**
 * `htmlTokens` through htmlparser2 alone: the reference the simple scan must match (tests hold
 * them equal, text runs joined, on every feed body of every capture and on generated HTML).
 */
export function parsedHtmlTokens(html: string): HtmlToken[] {
  const sink = new TokenSink();
  const parser = new Parser(sink, { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true });
  parser.write(html);
  parser.end();
  return sink.finish();
}

/** Builds tokens from a parser's open, text and close events (htmlparser2's handler shape). */
class TokenSink implements HtmlEvents {
  readonly #tokens: HtmlToken[] = [];
  /** Open small/strong run: its text is collected as one token. Nested marks join the outer one. */
  #mark: { kind: 'small' | 'strong'; tag: string; text: string; depth: number } | null = null;
  #skipDepth = 0;

  onopentag(name: string): void {
    if (SKIP_TAGS.has(name)) this.#skipDepth++;
    if (this.#skipDepth > 0) return;
    const mark = this.#mark;
    if (mark) {
      if (name === 'br') mark.text += '\n';
      else if (name === mark.tag) mark.depth++;
      return;
    }
    const kind = MARK_TAGS[name];
    if (kind) this.#mark = { kind, tag: name, text: '', depth: 1 };
    else if (name === 'br') this.#tokens.push({ kind: 'br' });
    else if (BLOCK_TAGS.has(name)) this.#tokens.push({ kind: 'para' });
    else if (name === 'td' || name === 'th') this.#tokens.push({ kind: 'text', text: ' ' });
  }

  ontext(text: string): void {
    if (this.#skipDepth > 0) return;
    if (this.#mark) this.#mark.text += text;
    else this.#tokens.push({ kind: 'text', text });
  }

  onclosetag(name: string): void {
    if (SKIP_TAGS.has(name)) {
      this.#skipDepth = Math.max(0, this.#skipDepth - 1);
      return;
    }
    if (this.#skipDepth > 0) return;
    const mark = this.#mark;
    if (mark) {
      if (name === mark.tag && --mark.depth === 0) {
        this.#tokens.push({ kind: mark.kind, text: mark.text });
        this.#mark = null;
      }
      return;
    }
    if (BLOCK_TAGS.has(name)) this.#tokens.push({ kind: 'para' });
  }

  finish(): HtmlToken[] {
    const open = this.#mark;
    if (open) this.#tokens.push({ kind: open.kind, text: open.text });
    return this.#tokens;
  }
}

/**
 * Plain text a person reads: `<br>` → newline, paragraphs → one blank line, other tags dropped,
 * runs of spaces collapsed, each line trimmed. No tag or entity code survives.
 */
export function tokensToText(tokens: readonly HtmlToken[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.kind === 'br') out += '\n';
    else if (token.kind === 'para') out += '\n\n';
    else out += token.text;
  }
  return tidyText(out);
}

/** HTML fragment → plain text (see tokensToText). */
export function htmlToText(html: string): string {
  return tokensToText(htmlTokens(html));
}

/**
 * Normalise whitespace of text that is already plain: spaces/tabs collapse, lines are trimmed,
 * three or more newlines become one blank line. Also used on JSON bodies (CRLF) so text from a
 * feed and from an API compares equal. The result is a detached copy (common/decode.ts
 * `detached`): text shown to a person is kept in snapshots, and must not keep the document it
 * came from alive.
 */
export function tidyText(text: string): string {
  // Most text is tidy once trimmed: then no step below would change anything (one scan instead of
  // four replacements, which rebuild the string at every single space). Trimming first is safe:
  // each step rewrites whitespace runs one by one, and the edge runs end up trimmed anyway.
  const trimmed = text.trim();
  if (!UNTIDY.test(trimmed)) return detached(trimmed);
  return detached(trimmed
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim());
}

/** What tidyText's replacements change: CR, whitespace other than one space, spaces at a line end, 3+ newlines. */
const UNTIDY = /[^\S\n ]| {2}| \n|\n |\n\n\n/;
