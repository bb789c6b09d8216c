import type { ReactNode } from 'react';

export type SnippetPart = { text: string; match: boolean };

/**
 * The engine marks matched words in a snippet with « and ». Split on the markers into text parts;
 * a marker without its partner (vendors write French quotes too) stays as the character it is.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest) {
    const open = rest.indexOf('«');
    const close = open >= 0 ? rest.indexOf('»', open + 1) : -1;
    if (open < 0 || close < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    if (close > open + 1) parts.push({ text: rest.slice(open + 1, close), match: true });
    rest = rest.slice(close + 1);
  }
  return parts;
}

/*
 * SECURITY: the snippet is vendor text. It becomes React text nodes and <mark> elements built
 * here, never HTML: a snippet that contains `<script>` shows those characters.
 */
export function Snippet({ text }: { text: string }): ReactNode {
  return (
    <>
      {snippetParts(text).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}
    </>
  );
}
