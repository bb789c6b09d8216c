import { Parser } from 'htmlparser2';

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

/** Tokens of an HTML fragment, in document order; entities are decoded by the parser. */
export function htmlTokens(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  /** Open small/strong run: its text is collected as one token. Nested marks join the outer one. */
  let mark: { kind: 'small' | 'strong'; tag: string; text: string; depth: number } | null = null;
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP_TAGS.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (mark) {
          if (name === 'br') mark.text += '\n';
          else if (name === mark.tag) mark.depth++;
          return;
        }
        const kind = MARK_TAGS[name];
        if (kind) mark = { kind, tag: name, text: '', depth: 1 };
        else if (name === 'br') tokens.push({ kind: 'br' });
        else if (BLOCK_TAGS.has(name)) tokens.push({ kind: 'para' });
        else if (name === 'td' || name === 'th') tokens.push({ kind: 'text', text: ' ' });
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (mark) mark.text += text;
        else tokens.push({ kind: 'text', text });
      },
      onclosetag(name) {
        if (SKIP_TAGS.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (mark) {
          if (name === mark.tag && --mark.depth === 0) {
            tokens.push({ kind: mark.kind, text: mark.text });
            mark = null;
          }
          return;
        }
        if (BLOCK_TAGS.has(name)) tokens.push({ kind: 'para' });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  const open = mark as { kind: 'small' | 'strong'; text: string } | null;
  if (open) tokens.push({ kind: open.kind, text: open.text });
  return tokens;
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
 * feed and from an API compares equal.
 */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
