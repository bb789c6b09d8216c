/**
 * Text helpers for change detection: a normal form that ignores how a feed happened to render the
 * same words, and a tiny hash for short, deterministic ids.
 *
 * Why a normal form: Statuspage's Atom feed re-renders every entry's whole timeline on each edit,
 * and the whitespace (`<p> <small>` vs `<p><small>`), line breaks and entity spelling (`&#39;`
 * vs `'`, `&nbsp;`) vary between otherwise identical snapshots. Two texts that normalise equal
 * are the same update; nothing must fire for them.
 */

/** ASCII without `&`: nothing for the entity, NFKC, quote and zero-width passes to change. */
const PLAIN = /^[\x00-\x25\x27-\x7f]*$/;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Case-, whitespace- and entity-insensitive form of a text. Adapters already decode entities, so
 * the decoding here only catches leftovers (double-escaped feeds), and typographic quotes are
 * folded because vendors' editors swap them when an update is re-saved.
 */
export function normaliseText(text: string): string {
  // Plain ASCII without an entity (most vendor text): NFKC, the quote folding and the zero-width
  // removal cannot change it, so only whitespace and case remain. Measured: NFKC and the five
  // passes were 10 % of a first cycle's CPU, twice per update (diff and store).
  if (PLAIN.test(text)) return text.replace(/\s+/g, ' ').trim().toLowerCase();
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    })
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * 32-bit FNV-1a of the UTF-16 code units, as 7 base-36 characters. Pure (no node:crypto) so this
 * module could move to shared/ unchanged; collisions only matter within one incident's updates
 * or one vendor's subjects, where 2^32 is ample.
 */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

/** First `max` characters of a text on one line, cut at a word boundary with an ellipsis. */
export function excerpt(text: string, max = 200): string {
  // Flatten only a prefix of a long text when it alone is longer than the excerpt: whitespace
  // folding never lengthens text, so the first `max + 1` characters are the same (an event body
  // quotes 200 characters of updates that run to several KB).
  const head = text.length > 4 * max + 8 ? text.slice(0, 4 * max + 8).replace(/\s+/g, ' ').trimStart() : '';
  const flat = head.length > max + 2 ? head : text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * What an in-place edit changed, for a notification body: `after` from the start of the sentence
 * where it first differs from `before`, behind an ellipsis. Vendors of active-only feeds (Azure,
 * AWS) extend one text ("…Current status: mitigation is in progress"), so quoting the edited text
 * from its start would repeat what the user was already told, and the 200-character excerpt would
 * often stop before the news. The whole text when they differ from the start.
 */
export function changedPart(before: string, after: string): string {
  const a = before.replace(/\s+/g, ' ').trim();
  const b = after.replace(/\s+/g, ' ').trim();
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === b.length) return b;
  const start = Math.max(b.lastIndexOf('. ', i - 1), b.lastIndexOf(': ', i - 1));
  return start <= 0 ? b : `… ${b.slice(start + 2)}`;
}
