/**
 * Ranking and snippets for search hits, computed from the matched rows' own text. FTS5's bm25()
 * and snippet() re-read the full-text index for every row they touch: over 100,000 incidents a
 * page of 25 snippets alone took 65 ms (median) to 400 ms, which is what made search slow. The
 * index still decides WHAT matches (every word, stems, the last word as a prefix); these
 * functions only order a bounded set of candidates and cut an excerpt from each.
 */

const WORD = /[\p{L}\p{N}_]+/gu;

const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, accents removed: how the index (unicode61, remove_diacritics 2) compares words. */
export function fold(text: string): string {
  // Most words are ASCII, which has no accents to remove: a search folds every word of 200
  // candidate texts, and the normalisation was most of that.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * A query word's matching prefix. The index uses the Porter stemmer, so "delays" finds "delayed";
 * cutting the common English endings approximates that well enough to mark the words it matched.
 */
export function stemPrefix(word: string): string {
  const w = fold(word);
  const cut = w.replace(/(ations?|ings?|ed|es|s|ly|ment|ness|ers?|ions?)$/, '');
  return cut.length >= 3 ? cut : w;
}

export interface QueryTerms {
  prefixes: string[];
}

export function queryTerms(query: string): QueryTerms {
  const words = query.normalize('NFKC').match(WORD) ?? [];
  return { prefixes: [...new Set(words.slice(0, 16).map(stemPrefix))].filter(Boolean) };
}

interface Token {
  start: number;
  end: number;
  /** The word folded, when it matched a query word (score counts per query word). */
  folded: string | null;
}

function tokens(text: string, terms: QueryTerms): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = fold(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, folded: terms.prefixes.some((p) => folded.startsWith(p)) ? folded : null });
  }
  return out;
}

/**
 * A BM25-shaped score (k1 = 1.2, b = 0.75) from term frequency and length, with titles weighted
 * up: every candidate contains every word (the index said so), so the inverse document frequency
 * would weigh all of them alike and is left out.
 */
export function score(text: string, field: string, terms: QueryTerms, averageLength: number): number {
  const toks = tokens(text, terms);
  const length = Math.max(1, toks.length);
  let total = 0;
  for (const prefix of terms.prefixes) {
    let tf = 0;
    for (const t of toks) if (t.folded?.startsWith(prefix)) tf++;
    total += (tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / Math.max(1, averageLength)));
  }
  return field === 'title' ? total * 2 : total;
}

/** Words in a text, for the average length the score normalises by. */
export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * An excerpt around the first match, matched words marked «like this», about `size` words long,
 * with … where the text was cut (FTS5's snippet() format, which the CLI and UI already read).
 */
export function snippet(text: string, terms: QueryTerms, size = 16): string {
  const toks = tokens(text, terms);
  if (toks.length === 0) return text.slice(0, 200);
  const first = Math.max(0, toks.findIndex((t) => t.folded !== null));
  let from = Math.max(0, first - Math.floor(size / 4));
  const to = Math.min(toks.length, from + size);
  from = Math.max(0, to - size);
  const startAt = from === 0 ? 0 : toks[from]!.start;
  const endAt = to === toks.length ? text.length : toks[to - 1]!.end;
  let out = from === 0 ? '' : '…';
  let cursor = startAt;
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    out += text.slice(cursor, t.start);
    out += t.folded !== null ? `«${text.slice(t.start, t.end)}»` : text.slice(t.start, t.end);
    cursor = t.end;
  }
  out += text.slice(cursor, endAt);
  return to === toks.length ? out : `${out}…`;
}
