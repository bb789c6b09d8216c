import { readPostmortem } from '../../lib/postmortem.ts';

/** A piece of an excerpt: a run-in heading ("Root cause.") or running text. */
export interface ExcerptPart {
  text: string;
  heading: boolean;
}

type Block = ExcerptPart;

const HEADING_MD = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/;
const HEADING_BOLD = /^\s*(\*\*|__)([^*_\n]+?)\1\s*:?\s*$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Inline markdown → its words: links and images keep their text, emphasis and code lose their markers. */
export function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    // Underscores inside words (snake_case, __init__) are not emphasis, as in CommonMark.
    .replace(/(^|[^\p{L}\p{N}_])__(?=\S)(.+?)(?<=\S)__(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, '$1');
}

/** One line of vendor markdown → a heading, text, or nothing (rules, table separators, blank). */
function readLine(raw: string): Block | null {
  if (!raw.trim() || RULE.test(raw) || TABLE_SEPARATOR.test(raw)) return null;
  const md = HEADING_MD.exec(raw);
  if (md) return { heading: true, text: stripInline(md[1]!) };
  const bold = HEADING_BOLD.exec(raw);
  if (bold) return { heading: true, text: bold[2]!.trim() };
  const text = raw
    .replace(/^\s*(>\s?)+/, '')
    .replace(/^\s*([-*+]|\d{1,3}[.)])\s+(\[[ xX]\]\s+)?/, '')
    .replace(/^\s*\|(.*)\|\s*$/, (_m, cells: string) => cells.split('|').map((c) => c.trim()).filter(Boolean).join(' · '));
  return { heading: false, text: stripInline(text).trim() };
}

/** The postmortem as a sequence of headings and paragraphs of plain text. */
function blocksOf(text: string): Block[] {
  const pm = readPostmortem(text);
  const source = pm.kind === 'structured'
    ? [pm.lead, ...pm.sections.flatMap((s) => [`## ${s.heading}`, s.body])].join('\n\n')
    : text;
  const blocks: Block[] = [];
  let open = false;
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const read = readLine(line);
    if (!read) {
      open = false;
      continue;
    }
    const last = blocks.at(-1);
    if (!read.heading && open && last && !last.heading) last.text += ` ${read.text}`;
    else blocks.push(read);
    open = !read.heading;
  }
  return blocks.filter((b) => b.text);
}

/** Words of a search, as the engine splits them. */
export function searchTerms(query: string): string[] {
  return query.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean).slice(0, 16);
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * A readable opening of a postmortem, about `limit` characters of plain text: markdown markers
 * gone, section headings kept as run-in headings. With search words, the excerpt starts near the
 * first paragraph that holds one, so the reader sees why it matched.
 */
export function excerptOf(text: string, opts: { limit?: number; terms?: readonly string[] } = {}): ExcerptPart[] {
  const limit = opts.limit ?? 300;
  let blocks = blocksOf(text);
  const terms = opts.terms ?? [];
  if (terms.length) {
    const hit = blocks.findIndex((b) => !b.heading && matchIndex(b.text, terms) >= 0);
    if (hit > 0) {
      const start = blocks[hit - 1]?.heading ? hit - 1 : hit;
      blocks = blocks.slice(start);
      blocks.unshift({ heading: false, text: '…' });
    }
    const first = blocks.find((b) => !b.heading && b.text !== '…');
    const at = first ? matchIndex(first.text, terms) : -1;
    if (first && at > limit / 2) {
      const from = first.text.lastIndexOf(' ', at - 40);
      first.text = `…${first.text.slice(from > 0 ? from + 1 : at)}`;
    }
  }
  const out: ExcerptPart[] = [];
  let used = 0;
  for (const b of blocks) {
    if (used >= limit || (out.length && limit - used < 40)) break;
    if (b.heading) {
      const heading = /[.:?!]$/.test(b.text) ? b.text : `${b.text}.`;
      out.push({ heading: true, text: heading });
      used += heading.length + 1;
      continue;
    }
    const piece = clip(b.text, limit - used);
    out.push({ heading: false, text: piece });
    used += piece.length + 1;
    if (piece !== b.text) break;
  }
  if (out.at(-1)?.heading) out.pop();
  // A cut inside a paragraph ends with "…"; one between paragraphs needs no mark: "Read the postmortem" follows.
  return mergeEllipsis(out);
}

function mergeEllipsis(parts: ExcerptPart[]): ExcerptPart[] {
  if (parts[0]?.text === '…' && parts[1] && !parts[1].heading) return [{ heading: false, text: `…${parts[1].text.replace(/^…/, '')}` }, ...parts.slice(2)];
  return parts;
}

function wordPattern(terms: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\p{L}\\p{N}_]*`, 'giu');
}

function matchIndex(text: string, terms: readonly string[]): number {
  const m = wordPattern(terms).exec(text.normalize('NFKC'));
  return m ? m.index : -1;
}

/** Split text into plain and matched runs: words that start with a search word are marked. */
export function highlight(text: string, terms: readonly string[]): { text: string; match: boolean }[] {
  if (!terms.length) return [{ text, match: false }];
  const out: { text: string; match: boolean }[] = [];
  const pattern = wordPattern(terms);
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), match: false });
    out.push({ text: m[0], match: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}
